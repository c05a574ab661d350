@suite @embedded-only
Feature: Time in scenarios is virtual
  Scenarios that depend on time (expiry, timeouts, windows) move a virtual clock instead of
  waiting: one clock drives the gateway's timers and its idea of "now", while the suite's own
  sockets and the report keep real time.

  Scenario: moving the clock a day ahead expires a session without waiting a day
    Given Bob is signed in
    And 24 hours pass
    When Bob looks at his session
    Then Bob is refused with TOKEN_EXPIRED
    And the scenario took less than 5 real seconds

  Scenario: moving the clock fires the gateway's own timers
    When Bob asks to sign in with Plex and plex.tv stays silent for 10 seconds
    Then Bob is refused with UPSTREAM_TIMEOUT from plex.tv
    And the scenario took less than 5 real seconds
