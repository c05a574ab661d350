@auth @resilience
Feature: Signing in while plex.tv has trouble
  Sign-in depends on plex.tv. When plex.tv is unreachable or silent, people are told that the
  sign-in service is unavailable or timed out, quickly and in MediaNest's own words, never with
  plex.tv's raw answer.

  Scenario: plex.tv is unreachable
    Given plex.tv is down
    When Bob asks to sign in with Plex
    Then Bob is refused with SERVICE_UNAVAILABLE from plex.tv

  @embedded-only
  Scenario: plex.tv stays silent past its 10 second timeout
    When Bob asks to sign in with Plex and plex.tv stays silent for 10 seconds
    Then Bob is refused with UPSTREAM_TIMEOUT from plex.tv
    And the refusal came 10 seconds after the question, on the scenario clock

  @embedded-only
  Scenario: plex.tv answering just inside its timeout still signs in
    Given plex.tv answers only after 9 seconds
    When Bob asks to sign in with Plex and 9 seconds pass
    Then Bob is given a PIN code and a link to app.plex.tv carrying that code

  Scenario: plex.tv answers with a server error
    Given plex.tv answers every call with a server error
    When Bob asks to sign in with Plex
    Then Bob is refused with UPSTREAM_ERROR from plex.tv
    And the refusal does not show plex.tv's own error text

  Scenario: plex.tv no longer accepts the person's token
    Given Bob has asked to sign in with Plex
    And Bob approves the PIN at plex.tv
    And Bob signs out of every device at plex.tv
    When Bob returns to MediaNest
    Then Bob is refused with PLEX_TOKEN_INVALID
