@cluster @rate-limiting
Feature: Limits counted once across instances
  A limit is a promise about a person, not about one instance: a burst that a load balancer
  spreads over two instances must be admitted exactly as far as the limit allows, and the five
  downloads an hour count wherever they were started.

  Scenario: of 200 checks spread over both instances against a limit of 100, exactly 100 are answered
    Given each signed-in person may make 100 requests a minute
    And Bob is signed in
    When Bob checks his session 200 times at once
    Then exactly 100 of Bob's checks are answered and 100 are refused with RATE_LIMITED
    And both instances received some of Bob's checks

  Scenario: downloads started on instance A count against the quota on instance B
    Given Bob is signed in and uses instance A
    And Bob has started 5 downloads
    When Bob uses instance B
    And Bob downloads a short video
    Then Bob is told when he may download again
    And yt-dlp never ran for it
