@library
Feature: Reading the library with the person's own Plex token
  MediaNest never reads the library with a shared token: each call carries the signed-in person's
  own Plex token. When plex.tv no longer honours it, the person is asked to sign in again; when
  Plex cannot be reached and nothing is cached, the person is told the library is unavailable.
  Only admins may have Plex rescan a library.

  @security @fresh-gateway
  Scenario: a Plex token revoked at plex.tv is refused
    Given Bob is signed in
    And Bob signs out of every device at plex.tv
    When Bob looks at the libraries
    Then Bob is refused with PLEX_TOKEN_INVALID

  @fresh-gateway @one-instance
  Scenario: after MediaNest's encryption key has changed, a person is asked to sign in with Plex again
    Given MediaNest keeps its data in a file
    And Bob is signed in
    And MediaNest is configured with ENCRYPTION_KEY set to "a-new-encryption-key-0123456789abcdef"
    When the gateway restarts
    And Bob looks at the libraries
    Then Bob is refused with PLEX_TOKEN_INVALID, told that "Sign in with Plex again"
    And Plex received no call

  @fresh-gateway
  Scenario: Plex unreachable with nothing cached
    Given Plex is down
    When Bob looks at the libraries
    Then Bob is refused with SERVICE_UNAVAILABLE from Plex

  @security
  Scenario: a user cannot have Plex rescan a library
    When Bob tries to have Plex rescan the Movies library
    Then Bob is refused with FORBIDDEN
    And Plex received no call

  @security
  Scenario: a visitor cannot browse the library
    When a visitor looks at the libraries
    Then the visitor is refused with UNAUTHORIZED
    And Plex received no call
