@suite @embedded-only
Feature: The suite never reaches the real internet
  Every upstream the gateway calls is faked. If the gateway is configured, by mistake, to call a
  host no fake serves, the call never leaves the machine and the scenario fails naming the host,
  instead of passing on a plausible "service unavailable".

  Scenario: a call to a host no fake serves is stopped and named
    Given plex.tv is configured at a host no fake serves
    When Bob asks to sign in with Plex
    Then the network guard stopped a call to that host
    And the scenario would fail naming that host
