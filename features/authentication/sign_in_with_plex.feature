@auth
Feature: Sign in with a Plex account
  MediaNest has no passwords of its own: people sign in with the Plex account they already have.
  The portal asks plex.tv for a PIN, the person approves it at app.plex.tv, and the gateway trades
  the approved PIN for a MediaNest session that lasts 24 hours.

  The gateway remembers the PINs it asked for, because plex.tv answers "not found" for an expired
  PIN and for one it never issued alike, and a person deserves to know which of the two happened.

  @critical-path @smoke
  Scenario: a person signs in with an approved Plex PIN
    Given Bob has asked to sign in with Plex
    When Bob approves the PIN at plex.tv and returns to MediaNest
    Then Bob is signed in as a user
    And plex.tv was asked who owns the token it issued for Bob

  @smoke
  Scenario: asking to sign in gives a code and a link to Plex
    When Bob asks to sign in with Plex
    Then Bob is given a PIN code and a link to app.plex.tv carrying that code
    And plex.tv was asked for a strong PIN by MediaNest 1.0.0, a server on Node.js

  @fresh-gateway
  Scenario: a PIN that has not been approved yet signs no one in
    Given Bob has asked to sign in with Plex
    When Bob returns to MediaNest without approving the PIN
    Then Bob is refused with PIN_NOT_AUTHORIZED
    And no account was created

  @embedded-only
  Scenario: a PIN approved after it expired is refused as expired
    Given Bob has asked to sign in with Plex
    And 31 minutes pass
    When Bob returns to MediaNest without approving the PIN
    Then Bob is refused with PIN_EXPIRED

  @embedded-only
  Scenario: a PIN is expired from the very moment plex.tv said it would be
    Given Bob has asked to sign in with Plex
    And Bob approves the PIN at plex.tv
    And 30 minutes pass
    When Bob returns to MediaNest
    Then Bob is refused with PIN_EXPIRED

  Scenario: a PIN plex.tv has forgotten is refused as unknown
    Given Bob has asked to sign in with Plex
    And plex.tv has forgotten Bob's PIN
    When Bob returns to MediaNest
    Then Bob is refused with PIN_NOT_FOUND
    And Bob has no session

  Scenario: a PIN MediaNest never issued is refused as unknown
    When Bob returns to MediaNest with a PIN MediaNest never issued
    Then Bob is refused with PIN_NOT_FOUND

  @security @fresh-gateway
  Scenario: a PIN made at plex.tv for MediaNest, but not through it, is refused without asking plex.tv
    Given Mallory has made a PIN for MediaNest at plex.tv herself and Bob has approved it
    When Mallory returns to MediaNest with that PIN
    Then Mallory is refused with PIN_NOT_FOUND
    And Mallory has no session
    And plex.tv was not asked about that PIN

  @security
  Scenario: an approved PIN signs in only once
    Given Bob has signed in with a Plex PIN
    When Mallory returns to MediaNest with Bob's PIN
    Then Mallory is refused with PIN_NOT_FOUND
    And Mallory has no session
    And plex.tv was asked about Bob's PIN only when he signed in

  @security @fresh-gateway
  Scenario: an approved PIN tried twice at the same moment signs in only once
    Given Bob has asked to sign in with Plex
    And Bob approves the PIN at plex.tv
    When Bob returns to MediaNest twice at the same moment
    Then one of the two signs Bob in and the other is refused with PIN_NOT_FOUND, told the PIN was already used

  Scenario: signing in again keeps the account and takes the new Plex username and email
    Given Bob has signed in before
    And Bob changes his Plex username to "Robert" and his email to "robert@example.org"
    When Bob signs in again
    Then Bob's MediaNest account is the same one, now named "Robert" with email "robert@example.org"
