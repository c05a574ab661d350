@load
Feature: Reads under load: the library cache and an open circuit
  Two things keep MediaNest quick when everybody is browsing at once: library reads are answered
  from each person's cache instead of asking Plex again, and when an upstream is failing its open
  circuit answers at once instead of making everyone wait for it. Figures are compared with a bare
  route measured on the same machine in the same run (capacity by processor time flat out, latency
  side by side at a steady pace); for the library, a bare route answering the same bytes, so the
  comparison measures MediaNest's work rather than the size of the answer. What people are
  answered is checked first; how quickly, last.

  @library
  Scenario: a cached library read keeps pace under load
    Given Bob has opened the Movies library once
    And a bare route answering the same bytes has been measured at 50 connections
    When 50 clients read Bob's Movies library for 3 seconds flat out, then at 200 requests a second beside the bare route
    Then no call failed
    And Plex was asked for the Movies library once in all
    And the gateway answers at least 30% as many calls per second of processor time as the bare route
    And the slowest answers took no longer than 3 times the bare route's slowest, or 50 ms, whichever is more

  @resilience
  Scenario: with Overseerr failing, searches under load are refused at once and Overseerr is spared
    Given Overseerr answers with a server error
    And Overseerr's breaker opened after Bob's 5 failed tries
    When 50 clients search for films as Bob at 200 requests a second for 3 seconds, beside the same load on a bare route
    Then every answer said the service is unavailable
    And Overseerr received no call after its breaker opened
    And the typical answer took no longer than 3 times the bare route's, or 20 ms, whichever is more
    And the slowest answers took no longer than 5 times the bare route's slowest, or 50 ms, whichever is more
