@cluster @downloads
Feature: A download followed from any instance
  The instance that starts a download is not necessarily the one a person's progress stream is
  connected to, nor the one it reconnects to after the network dropped. The stream tells the same
  story wherever it is followed.

  Scenario: a download started on instance A and cancelled there is followed live from instance B
    Given Bob is signed in and uses instance A
    And Bob is downloading a video that stalls
    And Bob uses instance B
    And Bob is following its progress
    When Bob uses instance A
    And Bob cancels the download
    Then Bob's progress stream ended with the cancellation

  Scenario: a progress stream broken off on instance A resumes on instance B with exactly the missed events
    Given Bob is signed in and uses instance A
    And Bob has started downloading a short video
    And Bob's progress stream broke off after 3 events
    When Bob uses instance B
    And Bob reconnects with the last event he saw
    Then Bob has seen every event of the download exactly once, in order

  Scenario: a download cancelled through instance B stops yt-dlp running under instance A
    Given Bob is signed in and uses instance A
    And Bob is downloading a video that stalls
    When Bob uses instance B
    And Bob cancels the download
    Then Bob's download is cancelled
    And yt-dlp was asked to stop
