@auth @security
Feature: Only tokens MediaNest signed are accepted
  A session token is one the gateway signed with its own key, for its own API, for 24 hours.
  Anything else is refused before it reaches a route, whatever it claims to be: each of these is
  a way people have tried to get into APIs that trusted a token too easily.

  Contract details: the token is a JWT signed with HS256, with MediaNest's issuer and audience.

  Scenario Outline: a forged or tampered token is refused
    Given Bob is signed in
    When Bob calls MediaNest with <a forged token>
    Then Bob is refused with TOKEN_INVALID

    Examples: forgeries
      | a forged token                                    |
      | a token that claims to need no signature          |
      | his token with the payload edited to say admin    |
      | a token signed with another key                   |
      | a token signed for another audience               |
      | a token from another issuer                       |
      | garbage instead of a token                        |
      | a token with no expiry                            |
      | a token claiming a role MediaNest does not have   |
      | a token for an account that does not exist        |

  @embedded-only
  Scenario: a token past its expiry is refused as expired
    Given Bob is signed in
    And 24 hours pass
    When Bob looks at his session
    Then Bob is refused with TOKEN_EXPIRED

  Scenario: a call with no token at all asks the caller to sign in
    When a visitor looks at the session
    Then the visitor is refused with UNAUTHORIZED

  Scenario: a credential that is not a bearer token is refused, saying how to send one
    When a visitor looks at the session with a Basic username and password
    Then the visitor is refused with TOKEN_INVALID
    And the visitor is told to send the token as a bearer token

  Scenario: a valid token is taken only as a bearer token
    Given Bob is signed in
    When Bob looks at his session with his token labelled "Token" instead of "Bearer"
    Then Bob is refused with TOKEN_INVALID
    And Bob is told to send the token as a bearer token

  Scenario: the Plex token never leaves the gateway
    Given Bob is signed in
    When Bob looks at his session
    Then no answer MediaNest gave in this scenario contains Bob's Plex token

  @embedded-only
  Scenario: a session in use is refused as expired once its 24 hours are over
    Given Bob is signed in
    And Bob looks at his session
    And 24 hours pass
    When Bob looks at his session
    Then Bob is refused with TOKEN_EXPIRED

  @embedded-only
  Scenario: a session in use ends at the very moment MediaNest said it would
    Given Bob is signed in
    And Bob looks at his session
    And the moment comes that MediaNest gave as the end of Bob's session
    When Bob looks at his session
    Then Bob is refused with TOKEN_EXPIRED
