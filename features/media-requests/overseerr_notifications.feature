@media-requests @fresh-gateway
Feature: Overseerr's notifications
  Overseerr tells MediaNest through its webhook when a request is approved, declined, fails or
  becomes available. The webhook carries the secret configured on both sides; until a secret is
  configured, MediaNest refuses every notification, and it checks the secret before it reads the
  notification, so a stranger learns nothing about what a notification should look like. Applying a
  notification is idempotent: a status only moves forward, so a repeated or late notification
  changes nothing, and one about a request MediaNest does not know is ignored.

  Rule: a notification moves the request forward

    Scenario: an approval made in Overseerr reaches MediaNest
      Given Bob has requested "Arrival"
      When Overseerr reports that an admin approved "Arrival" in Overseerr
      Then Bob sees his request for "Arrival" as approved, with no reason given

    @realtime @library
    Scenario: an approval is no news for the library
      Given Bob is watching his requests and the library live
      And Bob has requested "Arrival"
      When Overseerr reports that an admin approved "Arrival" in Overseerr
      Then Bob is told his request for "Arrival" went from pending to approved
      And Bob is told nothing about the library

    Scenario: a refusal made in Overseerr reaches MediaNest
      Given Bob has requested "Arrival"
      When Overseerr reports that an admin declined "Arrival" in Overseerr
      Then Bob sees his request for "Arrival" as declined

    Scenario: a download that failed reaches MediaNest
      Given Bob has requested "Arrival"
      And Ada has approved Bob's request for "Arrival"
      When Overseerr reports that "Arrival" failed
      Then Bob sees his request for "Arrival" as failed, because "Overseerr reported that the request failed"

  Rule: a repeated, late or unknown notification changes nothing

    Scenario: a repeated notification changes nothing
      Given Bob has requested "Arrival"
      And Overseerr has reported that "Arrival" is available
      When Overseerr reports that "Arrival" is available again
      Then Overseerr's notification is accepted
      And Bob's request for "Arrival" is unchanged since the first notification

    Scenario: a late approval does not undo availability
      Given Bob has requested "Arrival"
      And Overseerr has reported that "Arrival" is available
      When Overseerr reports that an admin approved "Arrival" in Overseerr
      Then Bob sees his request for "Arrival" as available

    Scenario: a late approval does not undo a refusal
      Given Bob has requested "Arrival"
      And Ada has declined Bob's request for "Arrival"
      When Overseerr reports that an admin approved "Arrival" in Overseerr
      Then Overseerr's notification is accepted
      And Bob sees his request for "Arrival" as declined

    Scenario: a repeated approval changes nothing and announces nothing
      Given Bob has requested "Arrival"
      And Overseerr has reported that an admin approved "Arrival" in Overseerr
      And Bob is watching his requests live
      When Overseerr reports again that an admin approved "Arrival" in Overseerr
      Then Overseerr's notification is accepted
      And Bob's request for "Arrival" is unchanged since the first notification
      And Bob's app is told nothing of it

    Scenario: a notification about a request MediaNest does not know is ignored
      Given Dan has asked for "Arrival" in Overseerr itself
      When Overseerr reports that "Arrival" is available
      Then Overseerr's notification is accepted
      And Dan has no requests

    Scenario: a notification about no request is accepted and changes nothing
      Given Bob has requested "Arrival"
      When Overseerr reports that a title no request asked for is available
      Then Overseerr's notification is accepted
      And Bob's request for "Arrival" still waits for an admin

    Scenario: a test notification is accepted and does nothing
      When Overseerr sends a test notification
      Then Overseerr's notification is accepted

  Rule: only Overseerr may notify, in Overseerr's own shape

    @security
    Scenario Outline: a notification <without the secret> is refused and changes nothing
      Given Bob has requested "Arrival"
      When someone reports that "Arrival" is available <without the secret>
      Then the notification is refused with WEBHOOK_UNAUTHORIZED
      And Bob's request for "Arrival" still waits for an admin

      Examples:
        | without the secret             |
        | with no credentials            |
        | with a guessed secret          |
        | with the secret in other case  |

    @security
    Scenario Outline: with no webhook secret configured, a notification <with whatever secret> is refused
      Given MediaNest has no webhook secret configured for Overseerr
      And Bob has requested "Arrival"
      When someone reports that "Arrival" is available <with whatever secret>
      Then the notification is refused with WEBHOOK_UNAUTHORIZED
      And Bob's request for "Arrival" still waits for an admin

      Examples:
        | with whatever secret   |
        | with the usual secret  |
        | with no credentials    |
        | with an empty secret   |

    @security
    Scenario Outline: a notification without the secret is refused before its shape is looked at
      When someone without the secret sends <a body not in its shape>
      Then the notification is refused with WEBHOOK_UNAUTHORIZED

      Examples:
        | a body not in its shape           |
        | a notification without its type   |
        | malformed JSON                    |

    Scenario Outline: a notification not in Overseerr's shape is refused
      When Overseerr sends <a body not in its shape>
      Then the notification is refused with <code>

      Examples:
        | a body not in its shape           | code             |
        | a notification without its type   | VALIDATION_ERROR |
        | a request id written as a number  | VALIDATION_ERROR |
        | a list instead of a notification  | VALIDATION_ERROR |
        | malformed JSON                    | INVALID_JSON     |

    Scenario Outline: a notification not in Overseerr's shape is told what is wrong, and where
      When Overseerr sends <a body not in its shape>
      Then the notification is refused with VALIDATION_ERROR
      And the refusal says what is wrong with each field:
        | field   | problem   |
        | <field> | <problem> |

      Examples:
        | a body not in its shape          | field              | problem        |
        | a notification without its type  | notification_type  | is required    |
        | a request id written as a number | request.request_id | must be string |
        | a list instead of a notification | body               | must be object |
