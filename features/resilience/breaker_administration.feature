@resilience
Feature: Admins watch and reset the circuit breakers
  An admin can see, for each upstream, whether MediaNest is still calling it (its breaker is
  closed), has stopped for a while (open) or is testing it with one probe (half open), how many
  operations failed in a row, when the breaker opened and when it will next let a call through.
  Once an upstream is known to be fixed, an admin can close its breaker at once instead of waiting
  for the probe. Nobody else may do either.

  @fresh-gateway @one-instance
  Scenario: an admin sees which breaker is open, since when, and when it will probe
    Given Ada, an admin, is signed in
    And plex.tv's breaker opened after Bob's 5 failed tries
    When Ada looks at the circuit breakers
    Then she sees plex.tv's breaker open after 5 failures, probing 30 seconds after it opened
    And she sees every breaker but plex.tv's closed

  @fresh-gateway @one-instance
  Scenario: an admin closes an open breaker and calls go through again at once
    Given Ada, an admin, is signed in
    And plex.tv's breaker opened after Bob's 5 failed tries
    And plex.tv has recovered
    When Ada resets plex.tv's breaker
    Then plex.tv's breaker is closed
    And Bob's next try to ask to sign in with Plex reaches plex.tv at once

  @embedded-only
  Scenario: while one try probes Plex, an admin sees its breaker half open, still dated from when it opened
    Given Ada, an admin, is signed in
    And Plex's breaker opened after Bob's 5 failed tries
    And Plex has recovered
    And 30 seconds pass
    When Ada looks at the circuit breakers while Bob's try probes Plex
    Then Ada sees Plex's breaker half open, opened 30 seconds before

  @embedded-only
  Scenario: people watching service health are told at once when an admin closes a breaker
    Given Ada, an admin, is signed in
    And Bob is watching service health
    And Plex's breaker opened after Bob's 5 failed tries
    And Plex has recovered
    When Ada resets Plex's breaker
    Then Bob is told Plex went from degraded to up

  Scenario Outline: <someone> may not <do this> (<code>)
    Given Bob is signed in
    When <someone> tries to <do this>
    Then <someone> is refused with <code>

    Examples:
      | someone   | do this                     | code         |
      | Bob       | look at the circuit breakers | FORBIDDEN    |
      | Bob       | reset Plex's breaker         | FORBIDDEN    |
      | a visitor | look at the circuit breakers | UNAUTHORIZED |
      | a visitor | reset Plex's breaker         | UNAUTHORIZED |

  Scenario: resetting the breaker of an upstream MediaNest does not have is refused
    Given Ada, an admin, is signed in
    When Ada resets the breaker of a service MediaNest does not call
    Then Ada is refused with NOT_FOUND, told that "no such upstream"
