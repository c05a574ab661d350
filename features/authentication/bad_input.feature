@auth @security
Feature: Bad input on the sign-in routes
  Every malformed request gets a clear 4xx answer in the error envelope, naming what is wrong,
  and nothing is stored or sent on to plex.tv.

  @fresh-gateway
  Scenario Outline: a malformed sign-in request is refused and nothing happens
    When a visitor sends <a bad body> to <a sign-in route>
    Then the visitor is refused with <code>
    And plex.tv received no call
    And no account was created

    Examples: bodies that are not what the route accepts
      | a bad body                         | a sign-in route       | code                   |
      | malformed JSON                     | verify the PIN        | INVALID_JSON           |
      | an empty body sent as JSON         | verify the PIN        | INVALID_JSON           |
      | a PIN id written as text           | verify the PIN        | VALIDATION_ERROR       |
      | a PIN id that is not a whole number | verify the PIN       | VALIDATION_ERROR       |
      | no PIN id                          | verify the PIN        | VALIDATION_ERROR       |
      | an extra field claiming a role     | verify the PIN        | VALIDATION_ERROR       |
      | a body sent as plain text          | verify the PIN        | UNSUPPORTED_MEDIA_TYPE |
      | a body over 64 KiB                 | verify the PIN        | PAYLOAD_TOO_LARGE      |
      | a client name that is a number     | ask for a PIN         | VALIDATION_ERROR       |
      | an extra field                     | ask for a PIN         | VALIDATION_ERROR       |
      | malformed JSON                     | ask for a PIN         | INVALID_JSON           |

  Scenario: a refused request says what is wrong with each field
    When a visitor sends a PIN id written as text and an extra field to verify the PIN
    Then the visitor is refused with VALIDATION_ERROR
    And the refusal says what is wrong with each field:
      | field | problem         |
      | pinId | must be integer |
      | role  | is not allowed  |
