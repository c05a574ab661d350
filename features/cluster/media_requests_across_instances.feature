@cluster @media-requests
Feature: One request however many instances are asked
  Double clicks, retries and impatient apps send the same request twice, and a load balancer may
  send the two copies to different instances. Overseerr must still get the title once.

  Scenario: two identical requests at the same moment on A and B make one request
    Given Bob is signed in
    When Bob sends two identical requests for "Inception" at the same moment
    Then one is accepted and the other is refused with ALREADY_REQUESTED
    And both instances received one of them
    And Overseerr was asked to create 1 request
    And Bob has 1 request, for "Inception"

  Scenario: a request sent again with its key on the other instance gets the first answer
    Given Bob uses instance A
    And Bob has requested "Inception" with the idempotency key "bob-inception-1"
    When Bob uses instance B
    And Bob requests "Inception" again with the idempotency key "bob-inception-1"
    Then Bob gets the first answer again
    And Overseerr was asked to create 1 request
