@resilience @embedded-only
Feature: A circuit breaker per upstream
  When an upstream keeps failing, MediaNest stops calling it for a while instead of making every
  person wait for the same failure: after five failed operations in a row the upstream's breaker
  opens, and for the next 30 seconds the gateway answers at once that the service is unavailable,
  without calling it. Then one try is let through as a probe: if it works the breaker closes, if
  it fails the breaker stays open for another 30 seconds. Each upstream has its own breaker.

  Rule: five failed operations in a row open the breaker, and an open breaker calls nobody

    Scenario Outline: after five failures, trying to <operation> is turned away at once without calling <service>
      Given Bob is signed in
      And <service> answers every call with a server error
      And Bob has tried to <operation> 5 times in vain
      When Bob tries to <operation> again
      Then Bob is refused with SERVICE_UNAVAILABLE from <service>
      And Bob is told to retry in 30 seconds
      And <service> received no call after its breaker opened

      Examples:
        | service   | operation                |
        | plex.tv   | ask to sign in with Plex |
        | Plex      | browse the library       |
        | Overseerr | search for a film        |

    Scenario: five timeouts in a row open Plex's breaker, as five server errors do
      Given Bob is signed in
      And Plex stays silent
      And Bob has tried to browse the library 5 times, each time until it timed out after 5 seconds
      When Bob tries to browse the library again
      Then Bob is refused with SERVICE_UNAVAILABLE from Plex
      And Plex received no call after its breaker opened

  Rule: after 30 seconds one try probes the upstream and decides

    Scenario Outline: a probe that <service> answers closes its breaker
      Given Bob is signed in
      And <service>'s breaker opened after Bob's 5 failed tries
      And <service> has recovered
      And 30 seconds pass
      When Bob tries to <operation> again
      Then Bob gets what he asked for
      And <service>'s breaker is closed

      Examples:
        | service   | operation                |
        | plex.tv   | ask to sign in with Plex |
        | Plex      | browse the library       |
        | Overseerr | search for a film        |

    Scenario Outline: a probe that <service> fails opens its breaker for another 30 seconds
      Given Bob is signed in
      And <service>'s breaker opened after Bob's 5 failed tries
      And 30 seconds pass
      When Bob tries to <operation> again
      Then Bob is refused with UPSTREAM_ERROR from <service>
      And <service>'s breaker is open again for another 30 seconds

      Examples:
        | service   | operation                |
        | plex.tv   | ask to sign in with Plex |
        | Plex      | browse the library       |
        | Overseerr | search for a film        |

    Scenario: 29 seconds after opening, the breaker still turns people away
      Given Plex's breaker opened after Bob's 5 failed tries
      And Plex has recovered
      And 29 seconds pass
      When Bob tries to browse the library again
      Then Bob is refused with SERVICE_UNAVAILABLE from Plex
      And Bob is told to retry in at most 1 second
      And Plex received no call after its breaker opened

    Scenario: while one try probes Plex, another person's try waits for its verdict instead of calling Plex too
      Given Bob and Cleo have signed in
      And Plex's breaker opened after Bob's 5 failed tries
      And Plex has recovered
      And 30 seconds pass
      When Bob and Cleo both try to browse the library while the first answer takes 2 seconds
      Then Bob and Cleo get what they asked for
      And Plex heard from Cleo only once Bob's probe was decided

    Scenario: a try waiting for a probe's verdict goes by an admin's reset, not by the probe that failed after it
      Given Ada, an admin, is signed in
      And Plex's breaker opened after Bob's 5 failed tries
      And Plex has recovered
      And 30 seconds pass
      When Ada resets Plex's breaker while Cleo's try waits for Bob's probe, which times out after 5 seconds
      Then Cleo gets what she asked for
      And Plex heard from Cleo only once Bob's probe was decided

  Rule: only the upstream's own failures count against its breaker

    Scenario: Plex refusing a person's token is that person's problem, not Plex's
      Given Bob is signed in
      And Bob signs out of every device at plex.tv
      When Bob tries to browse the library 6 times
      Then every try was refused with PLEX_TOKEN_INVALID
      And Plex's breaker is closed

    Scenario: an upstream asking MediaNest to slow down does not open its breaker
      Given Bob is signed in
      And Overseerr asks MediaNest to slow down
      When Bob tries to search for a film 6 times
      Then every try was refused with SERVICE_UNAVAILABLE
      And Overseerr's breaker is closed

  Rule: Uptime Kuma is read by MediaNest's own poll, so its breaker keeps the poll away

    @fresh-gateway
    Scenario: while Uptime Kuma's breaker is open, MediaNest's polls leave Uptime Kuma alone
      Given MediaNest reads Uptime Kuma every 10 seconds
      And Bob has seen every service up on the dashboard
      And MediaNest has polled a failing Uptime Kuma until its breaker opened
      When MediaNest keeps polling Uptime Kuma for 25 seconds
      Then Uptime Kuma's breaker is open
      And Uptime Kuma received no call after its breaker opened
      And Bob sees the last known statuses, marked stale

    @fresh-gateway
    Scenario: the first poll 30 seconds after Uptime Kuma's breaker opened probes it and closes the breaker
      Given MediaNest reads Uptime Kuma every 10 seconds
      And Bob has seen every service up on the dashboard
      And MediaNest has polled a failing Uptime Kuma until its breaker opened
      And Uptime Kuma has recovered
      When MediaNest keeps polling Uptime Kuma for 40 seconds
      Then Uptime Kuma's breaker is closed
      And Bob's dashboard is fresh again
