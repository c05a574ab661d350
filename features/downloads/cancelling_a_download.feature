@downloads
Feature: Cancelling a download
  Someone who no longer wants a video can cancel its download. A running yt-dlp is asked to stop
  (SIGTERM) and killed if it is still there 5 seconds later (SIGKILL); a download still waiting
  for its turn never starts; one that has already ended cannot be cancelled.

  Scenario: cancelling a running download stops yt-dlp and leaves it cancelled
    Given Bob is signed in
    And Bob is downloading a video that stalls
    And Bob is following its progress
    When Bob cancels the download
    Then Bob's download is cancelled
    And Bob's progress stream ended with the cancellation
    And yt-dlp was asked to stop

  Scenario: a download that has finished cannot be cancelled
    Given Bob is signed in
    And Bob has downloaded a short video
    When Bob cancels the download
    Then Bob is refused with DOWNLOAD_FINISHED
    And Bob's download is still completed

  @fresh-gateway @one-instance
  Scenario: a waiting download that is cancelled never starts
    Given the gateway runs one download at a time
    And Bob is signed in
    And Bob is downloading a video that stalls
    And Bob has queued a short video
    When Bob cancels the queued download
    Then Bob's download is cancelled
    And yt-dlp never ran for it

  @embedded-only
  Scenario: cancelling while a stalled yt-dlp holds out asks it nothing more
    Given Bob is signed in
    And Bob is downloading a video that will not stop when asked
    And yt-dlp has stalled and ignores the request to stop
    When Bob cancels the download
    And yt-dlp holds out for 5 seconds
    Then yt-dlp was killed
    And Bob's download is cancelled

  @embedded-only
  Scenario: a yt-dlp that ignores the request to stop is killed 5 seconds later
    Given Bob is signed in
    And Bob is downloading a video that will not stop when asked
    And Bob has cancelled the download
    When yt-dlp holds out for 5 seconds
    Then yt-dlp was killed
    And Bob's download is cancelled
