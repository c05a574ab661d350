@resilience @security @fresh-gateway
Feature: Bad input to every route that writes
  Whatever a careless or hostile client sends to a route that creates or changes something, it gets
  MediaNest's error envelope with a 4xx status that says what kind of mistake it made, never a
  server error, and nothing is stored or passed on to an upstream:

  | The body | The answer |
  |---|---|
  | is not valid JSON | 400 `INVALID_JSON` |
  | is not valid UTF-8 | 400 `INVALID_JSON` |
  | is empty but declared as `application/json` | 400 `INVALID_JSON` |
  | has a field of the wrong type (`"603"` is not `603`) | 400 `VALIDATION_ERROR` |
  | lacks a required field | 400 `VALIDATION_ERROR` |
  | has a field the route does not know | 400 `VALIDATION_ERROR` |
  | is not sent as `application/json` | 415 `UNSUPPORTED_MEDIA_TYPE` |
  | is over 64 KiB | 413 `PAYLOAD_TOO_LARGE` |

  Routes without a required field have no "missing field" case, and Overseerr's webhook accepts
  fields it does not know, since Overseerr's templates can be edited.

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
