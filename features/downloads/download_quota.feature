@downloads @rate-limiting
Feature: Each person may start five downloads an hour
  Downloads cost bandwidth and disk, so each person may start five in any sliding hour. Every
  accepted download counts, whatever became of it; a refused request does not. The sixth is
  refused and told when a place frees up: when the oldest download of the hour leaves the window.

  Contract details: the quota is `DOWNLOAD_QUOTA_PER_HOUR` (5); the refusal is `QUOTA_EXCEEDED`
  with a `Retry-After` in seconds.


  Scenario: the sixth download in an hour is refused and told when to come back
    Given Bob is signed in
    And Bob has started 5 downloads
    When Bob downloads a short video
    Then Bob is told when he may download again
    And yt-dlp never ran for it

  Scenario: each person has a quota of their own
    Given Bob and Cleo have signed in
    And Bob has started 5 downloads
    When Cleo downloads a short video
    Then Cleo's download is accepted

  Scenario: downloads that failed or were cancelled still count against the quota
    Given Bob is signed in
    And Bob has tried 4 times to download a video that fails midway
    And Bob is downloading a video that stalls
    And Bob has cancelled the download
    When Bob downloads a short video
    Then Bob is told when he may download again

  Scenario: refused requests do not count against the quota
    Given Bob is signed in
    And Bob is downloading a video that stalls
    And Bob has been refused the video he is already downloading
    And Bob has been refused 3 links that are not YouTube videos
    When Bob asks for 4 more videos
    Then all 4 are accepted

  @embedded-only
  Scenario: the refusal says when the oldest download leaves the hour
    Given Bob is signed in
    And Bob has downloaded 1 video
    And 30 minutes pass
    And Bob has started 4 more downloads
    When Bob downloads a short video
    Then Bob is told he may download again in 30 minutes

  @embedded-only
  Scenario: when the oldest download leaves the hour, one more is allowed
    Given Bob is signed in
    And Bob has downloaded 1 video
    And 30 minutes pass
    And Bob has downloaded 4 more videos
    And 30 minutes pass
    When Bob asks for 2 more videos
    Then only the first of them is accepted
