@downloads
Feature: When a download goes wrong
  Once MediaNest has accepted a download, whatever goes wrong afterwards is told on the download,
  never as a server error: it ends **failed**, with yt-dlp's own error text when yt-dlp gave one.
  A yt-dlp that prints nothing for a minute (a setting) has stalled: it is stopped and the
  download fails.

  Contract details: the stall limit is `DOWNLOAD_STALL_SECONDS` (60 by default); the error is the
  text yt-dlp printed after `ERROR:`.


  Scenario: yt-dlp fails midway and the download fails with its error
    Given Bob is signed in
    When Bob downloads a video that fails midway and follows its progress
    Then Bob's download failed with "unable to download video data: HTTP Error 403: Forbidden"
    And Bob's progress stream ended with that failure

  Scenario: a video that is unavailable is accepted, then fails without a server error
    Given Bob is signed in
    When Bob downloads a video that is unavailable and follows its progress
    Then Bob's download failed with "[youtube] unavailable: Video unavailable"
    And yt-dlp only looked the video up

  Scenario: a video yt-dlp looks up without a word fails, and yt-dlp never downloads it
    Given Bob is signed in
    When Bob downloads a video yt-dlp says nothing about and follows its progress
    Then Bob's download failed with "yt-dlp printed no metadata for this video"
    And yt-dlp only looked the video up

  Scenario Outline: a yt-dlp that ends without an error of its own fails the download, saying how it ended
    Given Bob is signed in
    When Bob downloads <a video> and follows its progress
    Then Bob's download failed with "<how it ended>"
    And Bob's progress stream ended with that failure

    Examples:
      | a video                                          | how it ended                |
      | a video whose yt-dlp is killed midway            | yt-dlp was ended by SIGKILL |
      | a video whose yt-dlp quits midway without a word | yt-dlp exited with status 3 |

  Scenario Outline: a yt-dlp that says it finished but leaves no file fails the download, saying so
    Given Bob is signed in
    When Bob downloads <a video> and follows its progress
    Then Bob's download failed with "yt-dlp finished but left no file"

    Examples:
      | a video                                          |
      | a video whose file is gone when yt-dlp finishes  |
      | a video yt-dlp downloads without naming its file |

  @embedded-only
  Scenario Outline: a download with no output for the stall limit is stopped and fails
    Given the stall limit is <stall limit>
    And Bob is signed in
    And Bob is downloading a video that stalls
    When yt-dlp stays silent for <seconds> seconds
    Then Bob's download failed because yt-dlp stalled
    And yt-dlp was asked to stop

    Examples: the default limit
      | stall limit                 | seconds |
      | its default of 60 seconds   | 60      |

    @fresh-gateway
    Examples: a limit of the install's own
      | stall limit                 | seconds |
      | set to 10 seconds           | 10      |

  @fresh-gateway
  Scenario: a yt-dlp too old for MediaNest's options fails the download with its own complaint
    Given the installed yt-dlp is too old to know "--no-mtime"
    And Bob is signed in
    When Bob downloads a short video and follows its progress
    Then Bob's download failed with "yt-dlp: error: no such option: --no-mtime"

  @fresh-gateway
  Scenario: without yt-dlp where the gateway looks for it, downloads fail with the reason
    Given yt-dlp is not installed where the gateway looks for it
    And Bob is signed in
    When Bob downloads a short video and follows its progress
    Then Bob's download failed because yt-dlp could not be started
