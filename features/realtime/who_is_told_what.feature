@realtime @security @fresh-gateway
Feature: Who is told what
  Live updates go only to those who may see them. A person is told of their own requests and
  downloads and of nobody else's; admins, who decide on everyone's requests, are told of all of
  them. A connection is told nothing until it says which topics it wants, and then only those.

  Scenario: people are told of their own requests only, and the admin of all of them
    Given Bob, Cleo and Ada are watching requests live
    And Bob has requested "The Matrix"
    And Cleo has requested "Dune"
    When Ada approves Bob's request for "The Matrix" and Cleo's request for "Dune"
    Then Bob is told of "The Matrix" only
    And Cleo is told of "Dune" only
    And Ada is told of both "The Matrix" and "Dune"

  Scenario: a connection that has not said what it wants is told nothing
    Given Bob's app is connected live
    And Ada is watching every request live
    And Bob has requested "The Matrix"
    When Ada approves Bob's request for "The Matrix"
    Then Ada is told of "The Matrix" only
    And Bob's app is told nothing of it

  Scenario: a connection is told only of the topics it asked for
    Given Bob is watching only service health live
    And Ada is watching every request live
    And Bob has requested "The Matrix"
    When Ada approves Bob's request for "The Matrix"
    Then Ada is told of "The Matrix" only
    And Bob's app is told nothing of it

  Scenario: an app may name its topics beside the message's type, as it may its token
    Given Ada is watching every request live, naming the topics beside the message's type
    And Bob has requested "The Matrix"
    When Ada approves Bob's request for "The Matrix"
    Then Ada is told of "The Matrix" only

  @downloads
  Scenario: people are not told of each other's downloads, but the admin is
    Given Bob is watching downloads live
    And Ada is watching every download live
    And Cleo is watching downloads live
    When Cleo downloads a short video
    Then Ada is told Cleo's download completed
    And Cleo is told her download went from queued to downloading to completed
    And Bob's app is told nothing of it

  @downloads
  Scenario: the owner watching her downloads is told of a failure, with yt-dlp's words
    Given Cleo is watching downloads live
    When Cleo downloads a video that fails midway
    Then Cleo is told her download failed while downloading, with "unable to download video data: HTTP Error 403: Forbidden"
