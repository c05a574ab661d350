@security
Feature: Requests the API does not have
  A client that guesses, mistypes or probes gets a refusal that says what it got wrong, in
  MediaNest's error envelope, never a server error: a number past the bounds the API documents is
  a validation error naming the field, a method an address does not have is refused, naming the
  methods it does have, and an address that does not exist is not found; the last two alike for
  someone signed in or not. An outside fuzzer found each of these answered otherwise, one of them
  with a server error.

  Contract details: a method an address lacks is answered 405 METHOD_NOT_ALLOWED with the methods
  in the `Allow` header; an unknown address is 404 NOT_FOUND.

  Scenario Outline: a number far past what <a list> can hold is refused as invalid, never as a server error
    Given Bob has signed in
    When Bob asks for <a list> with <field> <value>
    Then Bob is refused with VALIDATION_ERROR
    And the refusal names the field "<field>"

    Examples:
      | a list                    | field    | value               |
      | his downloads             | page     | 1000000000000000000 |
      | his downloads             | page     | 1e30                |
      | his downloads             | page     | 100001              |
      | his media requests        | page     | 1e30                |
      | one of his media requests | id       | 1e30                |
      | one of his downloads      | id       | 99999999999999999999 |
      | the events of a download  | id       | 1e30                |

  Scenario Outline: a method <an address> does not have is answered 405 with the methods it has
    Given Bob has signed in
    When Bob sends <method> to <an address>
    Then Bob is refused with METHOD_NOT_ALLOWED
    And Bob is told the address allows "<allowed>"

    Examples:
      | method | an address           | allowed           |
      | PUT    | his media requests   | GET, HEAD, POST   |
      | DELETE | the health check     | GET, HEAD         |
      | TRACE  | the dashboard        | GET, HEAD         |
      | PATCH  | one of his downloads | DELETE, GET, HEAD |
      | POST   | the API description  | GET, HEAD         |

  Scenario: the live-updates address asked for without opening a WebSocket is not found
    Given Bob has signed in
    When Bob sends GET to the live-updates address
    Then Bob is refused with NOT_FOUND

  Scenario: an address that does not exist is still not found, whatever the method
    Given Bob has signed in
    When Bob sends PUT to an address MediaNest does not have
    Then Bob is refused with NOT_FOUND
    And Bob is not told of any methods

  Scenario Outline: a visitor who has not signed in is told the same: <what>
    When a visitor sends <method> to <an address>
    Then the visitor is refused with <code>

    Examples:
      | what                                                 | method | an address                         | code               |
      | an address that does not exist                       | GET    | an address MediaNest does not have | NOT_FOUND          |
      | a method an address for signed-in people does not have | PUT    | the list of media requests         | METHOD_NOT_ALLOWED |
