@downloads @security
Feature: Downloads belong to the person who started them
  A download, its progress stream and its cancellation are its owner's alone: for anyone else the
  download does not exist (404, never 403, so ids cannot be probed). The same person cannot run
  the same video twice at once, and a request that is not what the API accepts is refused before
  anything is stored or run.

  Scenario Outline: Mallory cannot <do what> Bob's download
    Given Bob is signed in
    And Bob is downloading a video that stalls
    And Mallory is signed in
    When Mallory tries to <do what> Bob's download
    Then Mallory is refused with NOT_FOUND, told that "no such download"
    And Bob's download carries on

    Examples:
      | do what |
      | look at |
      | cancel  |
      | follow  |

  Scenario: the same video cannot be downloaded twice at once
    Given Bob is signed in
    And Bob is downloading a video that stalls
    When Bob asks for the same video again
    Then Bob is refused with DOWNLOAD_ACTIVE, naming the download under way
    And yt-dlp downloaded that video only once

  Scenario: two people may download the same video at once
    Given Bob and Cleo have signed in
    And Bob is downloading a video that stalls
    When Cleo downloads a video that stalls
    Then Cleo's download is accepted
    And Bob's download carries on

  Scenario: once a download has ended, the same video can be downloaded again
    Given Bob is signed in
    And Bob has downloaded a short video
    When Bob asks for the same video again
    Then Bob's download is accepted

  Scenario: a visitor who has not signed in cannot start a download
    When a visitor asks to download a short video
    Then the visitor is refused with UNAUTHORIZED

  Scenario Outline: a malformed download request is refused and nothing runs
    Given Bob is signed in
    When Bob sends <a bad request> to start a download
    Then Bob is refused with <code>
    And nothing was stored for Bob and yt-dlp never ran

    Examples:
      | a bad request                                     | code             |
      | an unknown quality                                | VALIDATION_ERROR |
      | an unknown container format                       | VALIDATION_ERROR |
      | the link as a number                              | VALIDATION_ERROR |
      | no link                                           | VALIDATION_ERROR |
      | an extra field with yt-dlp options                | VALIDATION_ERROR |
      | malformed JSON                                    | INVALID_JSON     |
      | a link that is not YouTube and an unknown quality | VALIDATION_ERROR |
