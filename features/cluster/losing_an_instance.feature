@cluster @resilience
Feature: Losing an instance loses nothing
  Instances are stopped for upgrades and lost to crashes. What an instance accepted is in the
  shared database, so the others can answer for it; the portals connected to it reconnect through
  the load balancer to one still standing and keep hearing.

  Scenario: a request accepted by instance A is still there once A has stopped
    Given Bob is signed in and uses instance A
    And Bob has requested "Dune"
    When instance A stops
    Then Bob has 1 request, for "Dune"
    And Overseerr was asked to create 1 request

  Scenario: an instance that stops closes its live connections as going away, so portals reconnect
    Given Bob uses instance A
    And Bob is watching his requests live
    When instance A stops
    Then Bob's connection is closed as the gateway going away

  Scenario: Bob's live connection to a stopped instance reconnects to the other and keeps hearing
    Given Bob uses instance A
    And Bob is watching his requests live
    And Bob has requested "The Matrix", which waits for an admin
    When instance A stops
    And Bob's portal reconnects to watch his requests
    And Ada approves Bob's request for "The Matrix"
    Then Bob is told his request for "The Matrix" went from pending to approved

  Scenario: a download waiting its turn on instance A is run by instance B once A has stopped
    Given the gateway runs one download at a time
    And Bob is signed in and uses instance A
    And Bob is downloading a video that stalls
    And Bob has queued a short video
    When instance A stops
    Then Bob's queued download completes
