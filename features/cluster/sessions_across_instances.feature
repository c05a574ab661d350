@cluster @auth @security
Feature: Signing out is signing out everywhere
  A person who signs out expects the session to be over, at once, on every instance: a stolen
  token must not keep working through the instance that did not see the sign-out.

  Scenario: a token signed out on instance A is refused on instance B at once
    Given Bob is signed in and uses instance A
    When Bob signs out
    And Bob uses instance B
    Then Bob's old token is refused with TOKEN_REVOKED

  Scenario: signing out on instance A closes Bob's live connection on instance B
    Given Bob uses instance B
    And Bob's app is connected live
    And Bob uses instance A
    When Bob signs out
    Then Bob's connection is closed as unauthorised
