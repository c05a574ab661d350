@auth
Feature: Sessions and signing out
  A session is a token the gateway signed. Apps send it as a bearer token; the web portal keeps it
  in an HttpOnly cookie, and then every change it asks for must also carry the CSRF token from the
  companion cookie, so another site cannot act on a signed-in person's behalf.

  @smoke
  Scenario: the session shows who I am
    Given Bob is signed in
    When Bob looks at his session
    Then he sees his own username, his role and when the session ends, 24 hours from now

  @security
  Scenario: signing out revokes the token at once
    Given Bob is signed in
    When Bob signs out
    Then Bob's old token is refused with TOKEN_REVOKED

  Scenario: the portal's cookies carry the session
    Given Bob is signed in through the portal
    When Bob looks at his session
    Then he sees his own username, his role and when the session ends, 24 hours from now

  @security
  Scenario: the session cookie cannot be read by scripts
    When Bob signs in through the portal
    Then the session cookie is HttpOnly and the CSRF cookie is readable by the portal
    And both cookies are kept for the whole site until the session ends, and sent over plain HTTP too

  @security @fresh-gateway
  Scenario: in production, the portal's cookies travel only over HTTPS
    Given MediaNest is configured with NODE_ENV set to "production"
    When Bob signs in through the portal
    Then both cookies are sent only over HTTPS

  @security
  Scenario: a change asked through the portal's cookies without the CSRF token is refused
    Given Bob is signed in through the portal
    When a page on another site makes Bob's browser sign him out
    Then Bob is refused with CSRF_INVALID
    And Bob's session still works

  @security @fresh-gateway
  Scenario: a cancellation asked through the portal's cookies without the CSRF token is refused
    Given Bob is signed in through the portal
    And Bob has requested "Arrival"
    When a page on another site makes Bob's browser withdraw his request for "Arrival"
    Then Bob is refused with CSRF_INVALID
    And Bob's request for "Arrival" still waits for an admin

  @security
  Scenario: a change asked with the session cookie but neither the CSRF cookie nor its token is refused
    Given Bob is signed in through the portal
    When Bob's browser signs him out sending the session cookie alone
    Then Bob is refused with CSRF_INVALID
    And Bob's session still works

  @security
  Scenario: a change asked with a wrong CSRF token is refused
    Given Bob is signed in through the portal
    When Bob signs out sending a CSRF token that does not match his cookie
    Then Bob is refused with CSRF_INVALID

  Scenario: signing out through the portal with the CSRF token works
    Given Bob is signed in through the portal
    When Bob signs out
    Then Bob's session no longer works
    And the session and CSRF cookies are cleared
