@downloads
Feature: Downloads wait their turn
  yt-dlp is heavy on the network and the disk, so at most two downloads run at once (a setting)
  and the others wait, in the order they were asked for. Waiting downloads are kept in the
  database: a gateway that restarts loses none of them, and a download that was running when the
  gateway stopped is marked failed rather than left "downloading" for ever.

  Contract details: the setting is `DOWNLOAD_CONCURRENCY` (2 by default).


  @fresh-gateway @one-instance
  Scenario: with two at a time, a third download waits for a free place
    Given the gateway runs two downloads at a time
    And Bob is signed in
    And Bob is downloading two videos that stall
    When Bob downloads a short video
    Then Bob's download waits in the queue
    And yt-dlp never ran for it

  @fresh-gateway @one-instance
  Scenario: the waiting download starts as soon as a place frees up
    Given the gateway runs two downloads at a time
    And Bob is signed in
    And Bob is downloading two videos that stall
    And Bob has queued a short video
    When Bob cancels the first stalled download
    Then Bob's queued download completes
    And yt-dlp never ran more than 2 at once

  @fresh-gateway @one-instance
  Scenario: a restart fails the interrupted download and runs the waiting one
    Given the gateway keeps its data in a file and runs one download at a time
    And Bob is signed in
    And Bob is downloading a video that stalls
    And Bob has queued a short video
    When the gateway restarts
    Then Bob's stalled download failed because the gateway restarted
    And Bob's queued download completes

  @fresh-gateway @one-instance
  Scenario: a gateway that stops kills the yt-dlp it was running, without waiting for it
    Given the gateway keeps its data in a file and runs one download at a time
    And Bob is signed in
    And Bob is downloading a video that stalls
    When the gateway restarts
    Then the yt-dlp that was running was killed as the gateway stopped
