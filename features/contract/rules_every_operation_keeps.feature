@contract @security
Feature: Rules every operation keeps
  Some promises hold for the whole API, not for one capability: nobody is served without a
  session where one is needed, only admins use admin operations, a browser session cannot be
  used to change something from another site, bad parameters and unreadable bodies are refused,
  something that does not exist is not found, nobody may call faster than their limit, and an
  upstream's failure is said plainly. Each sweep calls every operation the contract
  (`support/contract/openapi.json`) lists for the rule, so an operation added later is held to
  the rule the day it appears.

  Scenario: a visitor is refused by every operation that needs a session
    Given Ada, an admin, is signed in
    And Bob and Cleo have signed in
    When a visitor calls every operation that needs a session
    Then each answers with the refusal the contract documents for it

  Scenario: a user is refused by every operation only an admin may use
    Given Ada, an admin, is signed in
    And Bob and Cleo have signed in
    When Bob calls every operation only an admin may use
    Then each answers with the refusal the contract documents for it

  Scenario: a browser session cannot change anything without the CSRF header
    Given Ada, an admin, is signed in
    And Bob and Cleo have signed in
    When every operation that changes something is called from a browser session without the CSRF header
    Then each answers with the refusal the contract documents for it

  Scenario: a parameter out of bounds, or a body that is not JSON, is refused by every operation
    Given Ada, an admin, is signed in
    And Bob and Cleo have signed in
    When every operation that takes parameters is sent one it cannot accept
    Then each answers with the refusal the contract documents for it

  Scenario: a body no operation can read is refused by every operation that changes something
    Given Ada, an admin, is signed in
    And Bob and Cleo have signed in
    When every operation that changes something is sent a body it cannot read
    Then each answers with the refusal the contract documents for it

  Scenario: every operation that looks something up says when it does not exist
    Given Ada, an admin, is signed in
    And Bob and Cleo have signed in
    When every operation that looks something up is asked for something that does not exist
    Then each answers with the refusal the contract documents for it

  @fresh-gateway @rate-limiting
  Scenario: past a person's limit, every operation asks them to slow down
    Given each signed-in person may make 1 request a minute
    And Ada, an admin, is signed in
    And Bob and Cleo have signed in
    When everyone calls every operation after their one call of the minute
    Then each answers with the refusal the contract documents for it

  # each sweep makes the same requests and counts on closed breakers: a long-lived gateway has both already;
  # an admin's reset closes the breaker of the one instance it reaches, so the sweep needs a single instance
  @resilience @fresh-gateway @one-instance
  Scenario Outline: when <an upstream> <fails>, every operation that needs it says so
    Given Ada, an admin, is signed in
    And Bob and Cleo have signed in
    When every operation that needs <an upstream> is called while it <fails>
    Then each answers with the refusal the contract documents for it

    Examples:
      | an upstream | fails                       |
      | Plex        | is down                     |
      | Plex        | answers with a server error |
      | Overseerr   | is down                     |
      | Overseerr   | answers with a server error |
      | plex.tv     | is down                     |
      | plex.tv     | answers with a server error |

    # a timeout needs the scenario clock moved past the upstream's deadline
    @embedded-only
    Examples: silent upstreams
      | an upstream | fails        |
      | Plex        | stays silent |
      | Overseerr   | stays silent |
      | plex.tv     | stays silent |
