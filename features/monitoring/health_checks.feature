@monitoring
Feature: Health checks for the load balancer
  A load balancer in front of MediaNest asks it, without signing in, whether it is alive and
  whether it is ready to serve. Ready means its own database answers: without it nobody can sign
  in or see their requests, so the load balancer must send people elsewhere (503). An upstream
  that is down is different: MediaNest still serves everything else, so an open circuit breaker is
  reported with the readiness answer but does not make MediaNest unready.

  @embedded-only
  Scenario: a gateway says it is alive, and for how long
    Given MediaNest has been running for 90 seconds
    When the load balancer asks whether MediaNest is alive
    Then MediaNest says it is alive, up for 90 seconds

  Scenario: a healthy gateway is ready, with its database up
    When the load balancer asks whether MediaNest is ready
    Then MediaNest says it is ready, with its database up

  @fresh-gateway @one-instance
  Scenario: a gateway whose Plex breaker is open is still ready
    Given Plex's breaker opened after Bob's 5 failed tries
    When the load balancer asks whether MediaNest is ready
    Then MediaNest says it is ready, with its database up

  @embedded-only @fresh-gateway
  Scenario: a gateway that has lost its database says it is not ready
    Given MediaNest has lost its database
    When the load balancer asks whether MediaNest is ready
    Then MediaNest says it is not ready, with its database down

  @embedded-only @fresh-gateway
  Scenario: while MediaNest has lost its database, a person is told to retry later
    Given Bob is signed in
    And MediaNest has lost its database
    When Bob tries to browse the library
    Then Bob is refused with DATABASE_UNAVAILABLE, told that "retry later"
    And Bob is told when to retry

  @embedded-only @fresh-gateway
  Scenario: while MediaNest has lost its database, a visitor asking to sign in is told to retry later
    Given MediaNest has lost its database
    When a visitor tries to ask to sign in with Plex
    Then a visitor is refused with DATABASE_UNAVAILABLE, told that "retry later"
    And a visitor is told when to retry
