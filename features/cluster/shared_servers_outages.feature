@cluster @resilience @monitoring
Feature: When the shared database or Redis goes away
  Every instance depends on the same PostgreSQL and the same Redis. Without the database nobody
  can sign in or see their requests, so each instance tells the load balancer it is not ready.
  Without Redis the instances still serve everything, each on its own, and say that Redis is down;
  they never answer with a storm of server errors. Once Redis is back, every instance uses it
  again by itself within a second or so: shared limits, one library copy, live updates everywhere.

  Scenario: with the database down, every instance says it is not ready
    Given the shared database has gone down
    When the load balancer asks each instance whether it is ready
    Then every instance says it is not ready, with its database down

  Scenario: once the database is back, every instance is ready again
    Given the shared database has gone down
    And the shared database is back
    When the load balancer asks each instance whether it is ready
    Then every instance says it is ready, with its database up

  Scenario: with Redis down, every instance is still ready and says Redis is down
    Given Redis has gone down
    When the load balancer asks each instance whether it is ready
    Then every instance says it is ready, with Redis down

  Scenario: once Redis is back, every instance says it is ready, with Redis up
    Given Redis has gone down
    And Redis is back
    When the load balancer asks each instance whether it is ready
    Then every instance says it is ready, with its database and Redis up

  Scenario: once Redis is back, an approval made on instance A reaches Bob watching on instance B again
    Given Redis has gone down and is back
    And Bob uses instance B
    And Bob is watching his requests live
    And Bob has requested "The Matrix", which waits for an admin
    And Ada uses instance A
    When Ada approves Bob's request for "The Matrix"
    Then Bob is told his request for "The Matrix" went from pending to approved

  Scenario: with Redis down, people can still sign in, request a film and browse the library
    Given Redis has gone down
    When Bob signs in
    And Bob requests "Dune"
    And Bob looks at the libraries
    Then no answer was a server error and every answer kept the contract
    And Bob has 1 request, for "Dune"
