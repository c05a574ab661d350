@downloads
Feature: Downloading a YouTube video
  People ask MediaNest to fetch a YouTube video for their media server. The gateway answers at
  once and runs yt-dlp in the background: the download goes from **queued** to **downloading**
  to **completed**, and whoever follows it sees its progress rise, live, over Server-Sent Events,
  until the file is there. yt-dlp is the real command line here: the suite's fake of it prints
  what yt-dlp prints, writes the file and keeps a journal of how it was called.

  @critical-path @smoke
  Scenario: Bob follows a download from the queue to the finished file
    Given Bob is signed in
    When Bob downloads a short video and follows its progress
    Then Bob saw it queued, then downloading, then completed
    And the progress Bob saw only rose, up to 100 percent
    And Bob saw each percent yt-dlp printed
    And the finished file is in the download folder

  Scenario Outline: yt-dlp is asked for the quality and format the user chose
    Given Bob is signed in
    When Bob downloads a short video <as chosen>
    Then Bob's download completed with the video's title, in <quality> as <format>
    And yt-dlp was asked for <quality> merged into <format>, with the link after its options

    Examples:
      | as chosen                  | quality | format |
      | without saying how         | 1080p   | mp4    |
      | in 720p as webm            | 720p    | webm   |
      | in the best quality as mkv | best    | mkv    |

  Scenario: a video whose picture and sound come separately still only moves forward
    Given Bob is signed in
    When Bob downloads a video whose picture and sound come separately and follows its progress
    Then the progress Bob saw only rose, up to 100 percent
    And the picture filled the first 90 percent and the sound the rest
    And the download folder holds only the merged file

  Rule: each person sees only their own downloads, oldest first

    Scenario: Bob's list holds his downloads and none of Cleo's
      Given Bob and Cleo have signed in
      And Bob has downloaded a short video
      And Cleo has downloaded a short video
      And Bob has tried to download a video that fails midway
      When Bob lists his downloads
      Then Bob sees his own 2 downloads, oldest first

    Scenario: Bob pages through his downloads, oldest first
      Given Bob is signed in
      And Bob has downloaded 3 videos
      When Bob lists his downloads 2 to a page, at page 2
      Then Bob sees only his 3rd download, on page 2 of 2

    Scenario: Bob can list just the downloads that failed
      Given Bob is signed in
      And Bob has downloaded a short video
      And Bob has tried to download a video that fails midway
      When Bob lists his failed downloads
      Then Bob sees only his failed download

  Rule: each download starts in an empty folder of its own, named by its number

    Scenario: files an earlier database left under the same number are kept aside, not taken for the video
      Given the downloads folder holds a short video's file under number 1, left by an earlier database
      And Bob is signed in
      When Bob downloads a short video and follows its progress
      Then Bob saw it queued, then downloading, then completed
      And the finished file is in the download folder
      And the earlier file is kept, untouched, in a folder beside the download's
