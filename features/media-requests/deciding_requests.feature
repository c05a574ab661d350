@media-requests @fresh-gateway
Feature: Approving, declining and withdrawing requests
  Admins decide on requests. MediaNest passes each decision to Overseerr, which does the work,
  and keeps the reason for a refusal, which Overseerr has no place for. A person may withdraw a
  request while it waits; once it is approved only an admin may remove it. Removing a request
  removes it from Overseerr too, so the two never disagree.

  Rule: admins decide, through Overseerr

    Scenario: an admin approves a request and Overseerr approves it too
      Given Bob has requested "Arrival"
      When Ada approves Bob's request for "Arrival"
      Then Bob sees his request for "Arrival" as approved
      And Overseerr holds Bob's request for "Arrival" as approved

    Scenario: an admin declines a request and MediaNest keeps her reason
      Given Bob has requested "Arrival"
      When Ada declines Bob's request for "Arrival" saying "We already own the Blu-ray"
      Then Bob sees his request for "Arrival" as declined, because "We already own the Blu-ray"
      And Overseerr holds Bob's request for "Arrival" as declined

    Scenario: an admin may decline without giving a reason
      Given Bob has requested "Arrival"
      When Ada declines Bob's request for "Arrival" without a reason
      Then Bob sees his request for "Arrival" as declined, with no reason given
      And Overseerr holds Bob's request for "Arrival" as declined

    Scenario: a request Overseerr no longer holds cannot be approved
      Given Bob has requested "Arrival"
      And an admin has deleted the request for "Arrival" in Overseerr itself
      When Ada approves Bob's request for "Arrival"
      Then Ada is refused with NOT_FOUND, told that "no such request in Overseerr"
      And Bob's request for "Arrival" waits for an admin

    Scenario: a request Bob withdrew can no longer be approved
      Given Bob has requested "Arrival"
      And Bob has withdrawn his request for "Arrival"
      When Ada approves Bob's request for "Arrival"
      Then Ada is refused with NOT_FOUND, told that "no such request"
      And Overseerr holds no request for "Arrival"

    Scenario: a request already declined cannot be approved
      Given Bob has requested "Arrival"
      And Ada has declined Bob's request for "Arrival"
      When Ada approves Bob's request for "Arrival"
      Then Ada is refused with REQUEST_NOT_PENDING
      And Overseerr holds Bob's request for "Arrival" as declined

    Scenario: a request already approved cannot be declined
      Given Bob has requested "Arrival"
      And Ada has approved Bob's request for "Arrival"
      When Ada declines Bob's request for "Arrival" saying "Changed my mind"
      Then Ada is refused with REQUEST_NOT_PENDING
      And Overseerr holds Bob's request for "Arrival" as approved

    @security
    Scenario: a user cannot approve requests, not even his own
      Given Bob has requested "Arrival"
      When Bob tries to approve his own request for "Arrival"
      Then Bob is refused with FORBIDDEN
      And Overseerr holds Bob's request for "Arrival" as waiting for approval

  Rule: a request is withdrawn while it waits, and removed by an admin after

    Scenario: Bob withdraws a request that waits and Overseerr forgets it too
      Given Bob has requested "Arrival"
      When Bob withdraws his request for "Arrival"
      Then Bob no longer has a request for "Arrival"
      And Overseerr holds no request for "Arrival"

    Scenario: Bob withdraws a request Overseerr no longer holds
      Given Bob has requested "Arrival"
      And an admin has deleted the request for "Arrival" in Overseerr itself
      When Bob withdraws his request for "Arrival"
      Then Bob no longer has a request for "Arrival"

    Scenario: once approved, Bob cannot withdraw his request
      Given Bob has requested "Arrival"
      And Ada has approved Bob's request for "Arrival"
      When Bob withdraws his request for "Arrival"
      Then Bob is refused with REQUEST_NOT_PENDING
      And Overseerr holds Bob's request for "Arrival" as approved

    Scenario: an admin removes an approved request from MediaNest and from Overseerr
      Given Bob has requested "Arrival"
      And Ada has approved Bob's request for "Arrival"
      When Ada removes Bob's request for "Arrival"
      Then Bob no longer has a request for "Arrival"
      And Overseerr holds no request for "Arrival"
