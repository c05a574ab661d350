@resilience @security @fresh-gateway
Feature: Bad input to every route that writes
  Whatever a careless or hostile client sends to a route that creates or changes something, it is
  refused with MediaNest's own error saying what kind of mistake it made, never a server error,
  and nothing is stored or passed on to an upstream:

  | The body | The answer |
  |---|---|
  | is not valid JSON | unreadable |
  | is not valid UTF-8 | unreadable |
  | is empty but declared as JSON | unreadable |
  | has a field of the wrong type ("603" is not 603) | invalid |
  | lacks a required field | invalid |
  | has a field the route does not know | invalid |
  | is not sent as JSON | of a kind MediaNest does not take |
  | is over 64 KiB | too large |

  Routes without a required field have no "missing field" case, and Overseerr's webhook accepts
  fields it does not know, since Overseerr's templates can be edited.

  Contract details: unreadable is 400 `INVALID_JSON`, invalid 400 `VALIDATION_ERROR`, a body not
  sent as `application/json` 415 `UNSUPPORTED_MEDIA_TYPE`, too large 413 `PAYLOAD_TOO_LARGE`.


  Scenario Outline: every kind of bad body sent to <a write route> is refused, and nothing changes
    Given Ada, an admin, is signed in
    And Bob and Cleo have signed in
    And Bob has requested a film
    When every kind of bad body is sent to <a write route>
    Then each is refused with the code documented for its kind, never with a server error
    And nothing changed, in MediaNest or upstream

    Examples:
      | a write route                 |
      | ask for a PIN                 |
      | verify a PIN                  |
      | change someone's role         |
      | request a title               |
      | decline a request             |
      | report to Overseerr's webhook |
      | download a video              |
