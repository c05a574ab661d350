@media-requests @fresh-gateway
Feature: Asking twice
  A title is requested once. Asking again, or a double click that sends the same request twice at
  the same moment, never makes a second request, in MediaNest or in Overseerr. A client unsure
  whether its request arrived sends it again with the same idempotency key and gets the first
  answer back, without Overseerr being asked again.

  Contract details: the key travels in the `Idempotency-Key` header; a replayed answer carries
  `Idempotent-Replayed: true`.

  Rule: one request per title

    Scenario: asking again for a title already requested is refused
      Given Bob has requested "Inception"
      When Bob requests "Inception"
      Then Bob is refused with ALREADY_REQUESTED
      And Overseerr was asked to create 1 request

    Scenario: a film someone else has requested is refused
      Given Cleo has requested "Inception"
      When Bob requests "Inception"
      Then Bob is refused with ALREADY_REQUESTED
      And Bob has no requests

    Scenario: two identical requests at the same moment make one request
      When Bob sends two identical requests for "Inception" at the same moment
      Then one is accepted and the other is refused with ALREADY_REQUESTED
      And Overseerr was asked to create 1 request
      And Bob has 1 request, for "Inception"

    Scenario: a declined title can be asked for again
      Given Bob has requested "Inception"
      And Ada has declined Bob's request for "Inception"
      When Bob requests "Inception"
      Then Bob's request for "Inception" waits for an admin
      And Overseerr was asked to create 2 requests

  Rule: a request sent again with its Idempotency-Key gets the first answer

    Scenario: the same request sent again with its key gets the first answer
      Given Bob has requested "Inception" with the idempotency key "bob-inception-1"
      When Bob requests "Inception" again with the idempotency key "bob-inception-1"
      Then Bob gets the first answer again
      And Overseerr was asked to create 1 request

    Scenario: the same key with another request is refused
      Given Bob has requested "Inception" with the idempotency key "bob-1"
      When Bob requests "Arrival" with the idempotency key "bob-1"
      Then Bob is refused with IDEMPOTENCY_KEY_REUSED
      And Bob has 1 request, for "Inception"

    @embedded-only
    Scenario: a key is remembered for 24 hours
      Given Bob has requested "Inception" with the idempotency key "bob-1"
      And 25 hours pass
      And Bob signs in again
      When Bob requests "Arrival" with the idempotency key "bob-1"
      Then Bob's request for "Arrival" waits for an admin

    @embedded-only
    Scenario: a key is still honoured a day later, within its 24 hours
      Given Bob has requested "Inception" with the idempotency key "bob-1"
      And 23 hours pass
      And Bob signs in again
      When Bob requests "Inception" again with the idempotency key "bob-1"
      Then Bob gets the first answer again
      And Overseerr was asked to create 1 request

    @security
    Scenario: a key belongs to the person who used it
      Given Bob has requested "Inception" with the idempotency key "shared-key"
      When Cleo requests "Arrival" with the idempotency key "shared-key"
      Then Cleo's request for "Arrival" waits for an admin
      And Overseerr was asked to create 2 requests

    Scenario: the same request with its fields in another order gets the first answer
      Given Bob has requested seasons 1 and 2 of "Severance" with the idempotency key "bob-severance"
      When Bob requests seasons 1 and 2 of "Severance" again with the idempotency key "bob-severance", its fields in another order
      Then Bob gets the first answer again
      And Overseerr was asked to create 1 request

    Scenario: the same key with other seasons is refused
      Given Bob has requested seasons 1 and 2 of "The Expanse" with the idempotency key "bob-expanse"
      When Bob requests seasons 2 and 3 of "The Expanse" with the idempotency key "bob-expanse"
      Then Bob is refused with IDEMPOTENCY_KEY_REUSED
      And Overseerr was asked to create 1 request

    @embedded-only
    Scenario: a request sent again while Overseerr is still making the first is refused
      When Bob requests "Dune" with the idempotency key "bob-dune", and again while Overseerr is still making the first
      Then one is accepted and the other is refused with ALREADY_REQUESTED
      And Overseerr was asked to create 1 request
      And Bob has 1 request, for "Dune"

    Scenario: a key whose request failed at Overseerr can be used again
      Given Bob's request for "Dune" with the idempotency key "bob-dune" failed at Overseerr
      When Bob requests "Dune" again with the idempotency key "bob-dune"
      Then Bob's request for "Dune" waits for an admin
      And Overseerr was asked to create 2 requests
