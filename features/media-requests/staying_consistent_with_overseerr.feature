@media-requests @fresh-gateway
Feature: Staying consistent with Overseerr when it fails
  A request exists in MediaNest only if Overseerr accepted it. When Overseerr refuses or fails,
  nothing is kept and the person can simply ask again. When Overseerr takes too long, MediaNest
  cannot know whether the request was made: it keeps the request as failed and says why, and the
  next time the person asks it links the request Overseerr made instead of making a second one:
  only a request Overseerr holds for that same person, and never one Overseerr declined.

  Rule: a refusal or an error leaves nothing behind

    Scenario: Overseerr refuses a request over the person's quota, and the person is told so
      Given Bob has used up his film quota in Overseerr
      When Bob requests "Dune"
      Then Bob is refused with REQUEST_REFUSED, told that "the account's request quota is used up"
      And Bob has no requests

    Scenario: Overseerr refuses a request the person's account may not make, and the person is told so
      Given Bob's Overseerr account may not make requests
      When Bob requests "Dune"
      Then Bob is refused with REQUEST_REFUSED, told that "the account may not make this kind of request"
      And Bob has no requests

    Scenario: Overseerr refuses a request without saying why, and the person is told it did not say
      Given Overseerr refuses to create requests, without saying why
      When Bob requests "Dune"
      Then Bob is refused with REQUEST_REFUSED, told that "without saying why"
      And Bob has no requests

    Scenario Outline: Overseerr failing to create a request leaves nothing behind
      Given Overseerr <misbehaves> when asked to create a request
      When Bob requests "Dune"
      Then Bob is refused with <code> from Overseerr
      And Bob has no requests
      And Overseerr holds no request for "Dune"

      Examples:
        | misbehaves                     | code                |
        | answers with a server error    | UPSTREAM_ERROR      |
        | breaks off its answers mid-way | UPSTREAM_ERROR      |
        | asks MediaNest to slow down    | SERVICE_UNAVAILABLE |

    Scenario: after Overseerr failed, asking again works
      Given Overseerr answered Bob's request for "Dune" with a server error
      When Bob requests "Dune"
      Then Bob's request for "Dune" waits for an admin
      And Overseerr holds 1 request for "Dune"

  Rule: a timeout is kept as failed, and asking again links what Overseerr made

    @embedded-only
    Scenario: Overseerr answering too late leaves the request failed, saying why
      When Bob requests "Dune" and Overseerr makes it but answers only after 6 seconds
      Then Bob is refused with UPSTREAM_TIMEOUT from Overseerr
      And Bob's request for "Dune" is kept as failed, because Overseerr did not answer in time

    @embedded-only
    Scenario: asking again after a timeout links the request Overseerr made
      Given Bob's request for "Dune" timed out after Overseerr made it
      When Bob requests "Dune"
      Then Bob's request for "Dune" waits for an admin, linked to the one Overseerr made
      And Overseerr was asked to create 1 request
      And Overseerr holds 1 request for "Dune"

    Scenario: a request made in Overseerr itself is linked, not made twice
      Given Dan has asked for "Dune" in Overseerr itself
      When Dan requests "Dune"
      Then Dan's request for "Dune" waits for an admin, linked to the one Overseerr made
      And Overseerr was not asked to create a request

    Scenario: a request someone else made in Overseerr itself is not linked to Bob
      Given Dan has asked for "Dune" in Overseerr itself
      When Bob requests "Dune"
      Then Bob is refused with ALREADY_REQUESTED, told that "this title has already been requested"
      And Bob has no requests
      And Overseerr holds Dan's request for "Dune" as waiting for approval

    Scenario: a request declined in Overseerr itself is not linked: a new one is made
      Given Dan has asked for "Dune" in Overseerr itself
      And an admin has declined "Dune" in Overseerr itself
      When Dan requests "Dune"
      Then Dan's request for "Dune" waits for an admin
      And Overseerr was asked to create 1 request

    Scenario Outline: a request made in Overseerr itself is linked as it stands there: <status>
      Given Dan has asked for "Dune" in Overseerr itself, <where it stands>
      When Dan requests "Dune"
      Then Dan's request for "Dune" is linked to the one Overseerr made, as <status>
      And Overseerr was not asked to create a request

      Examples:
        | where it stands                       | status    |
        | where an admin has approved it        | approved  |
        | where it has since become available   | available |

    @embedded-only
    Scenario: removing a request Overseerr never answered leaves Overseerr alone
      Given Bob's request for "Dune" timed out after Overseerr made it
      When Ada removes Bob's request for "Dune"
      Then Bob no longer has a request for "Dune"
      And Overseerr was not asked to delete a request

    Scenario: a film whose download failed is not requested twice while Overseerr keeps the failed request
      Given Bob has requested "Arrival"
      And Ada has approved Bob's request for "Arrival"
      And Overseerr has reported that "Arrival" failed
      When Bob requests "Arrival"
      Then Bob is refused with ALREADY_REQUESTED
      And Overseerr was asked to create 2 requests
