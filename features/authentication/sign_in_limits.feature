@auth @security @rate-limiting
Feature: Sign-in is rate limited
  Asking plex.tv for PINs costs plex.tv's goodwill, and guessing PINs must be slow, so each address
  may ask for 10 PINs and try 30 verifications a minute. The limits reset after the minute.

  @fresh-gateway
  Scenario: the eleventh PIN in a minute from one address is refused
    Given a visitor has asked for 10 PINs this minute
    When the visitor asks for another PIN
    Then the visitor is refused with RATE_LIMITED
    And the visitor is told when to retry
    And plex.tv was asked for 10 PINs only
    And the refusal says the minute allows 10, none are left, and when it resets

  @fresh-gateway
  Scenario: the thirty-first PIN check in a minute from one address is refused
    Given a visitor has tried 30 PINs this minute
    When the visitor tries another PIN
    Then the visitor is refused with RATE_LIMITED
    And the visitor is told when to retry

  @fresh-gateway
  Scenario: another address may still ask for a PIN when one address has asked for ten
    Given a visitor has asked for 10 PINs this minute
    When a visitor from another address asks to sign in with Plex
    Then the visitor from another address is given a PIN code and a link to app.plex.tv carrying that code

  @fresh-gateway
  Scenario: another address may still check a PIN when one address has checked thirty
    Given a visitor has tried 30 PINs this minute
    When a visitor from another address returns to MediaNest with a PIN MediaNest never issued
    Then the visitor from another address is refused with PIN_NOT_FOUND

  @embedded-only
  Scenario: after the minute, PINs can be asked for again
    Given a visitor has asked for 10 PINs this minute
    And 61 seconds pass
    When the visitor asks for another PIN
    Then the visitor is given a PIN code and a link to app.plex.tv carrying that code
