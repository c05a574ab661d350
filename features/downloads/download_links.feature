@downloads @security
Feature: Only links to one YouTube video are downloaded
  A download link ends up on yt-dlp's command line, and yt-dlp can fetch from a thousand sites,
  read local files and run commands. So only secure links to YouTube (its www, mobile and music
  sites, and its short links) naming one video, without a name and password, are accepted. yt-dlp
  is given a link MediaNest builds from the video's id, after the end of its options, so nothing
  else the user typed reaches its command line. Anything else is refused and yt-dlp never runs.

  Contract details: only `https` links to youtube.com (www, m, music) and youtu.be naming one
  11-character video id; the link goes after `--`; a refusal is `INVALID_URL`.


  Scenario Outline: a link that is not plainly one YouTube video is refused and yt-dlp never runs
    Given Mallory is signed in
    When Mallory asks to download <a link>
    Then Mallory is refused with INVALID_URL
    And nothing was stored for Mallory and yt-dlp never ran

    Examples: not https
      | a link                                  |
      | a plain http link to a YouTube video    |
      | a local file                            |
      | a script link                           |

    Examples: not YouTube
      | a link                                          |
      | a link to another video site                    |
      | a look-alike host that starts with youtube.com  |
      | a host that merely ends like youtube.com        |
      | an IP address instead of a host name            |
      | YouTube with a port of its own                  |

    Examples: not one video
      | a link                             |
      | a video id one character short     |
      | a video id one character too long  |
      | a playlist without a video         |

    Examples: smuggling options or credentials
      | a link                                   |
      | yt-dlp's exec option instead of a link   |
      | an output option before the link         |
      | a link followed by an option             |
      | a link with a name and password          |

  Scenario Outline: a link that does not name exactly one video is refused, saying so
    Given Mallory is signed in
    When Mallory asks to download <a link>
    Then Mallory is refused with INVALID_URL, told that "does not name one video"
    And nothing was stored for Mallory and yt-dlp never ran

    Examples:
      | a link                                   |
      | a link naming two videos                 |
      | a link hiding a video id in its fragment |

  Scenario Outline: every form of YouTube link is accepted and yt-dlp gets only the video's own link
    Given Bob is signed in
    When Bob asks to download <a link>
    Then Bob's download is accepted
    And yt-dlp was given only the video's own link, after its options

    Examples:
      | a link                                    |
      | a short youtu.be link                     |
      | a mobile YouTube link                     |
      | a youtube.com link without www            |
      | a YouTube Music link                      |
      | a Shorts link                             |
      | a link with a start time and a playlist   |
      | a link whose video id starts with dashes  |
