@realtime @media-requests @fresh-gateway
Feature: Following requests live
  Nobody should have to keep reloading the portal to learn that a film was approved, declined or has arrived.
  A person watching their requests is told each move of their request the moment MediaNest learns
  of it, and when a title becomes available the portal is told the library changed, so its next
  look at the library goes to Plex instead of a copy that does not have the new title yet.

  @critical-path @smoke
  Scenario: Bob is told at once when an admin approves his request
    Given Bob is watching his requests live
    And Bob has requested "The Matrix", which waits for an admin
    When Ada approves Bob's request for "The Matrix"
    Then Bob is told his request for "The Matrix" went from pending to approved

  Scenario: Bob is told at once when an admin declines his request
    Given Bob is watching his requests live
    And Bob has requested "The Matrix", which waits for an admin
    When Ada declines Bob's request for "The Matrix" saying "Not this month, the server is full"
    Then Bob is told his request for "The Matrix" went from pending to declined

  @critical-path @library
  Scenario: when Overseerr has the film, Bob is told and his next look at the library finds it
    Given Bob is watching his requests and the library live
    And Bob has requested "The Matrix"
    And Ada has approved Bob's request for "The Matrix"
    And Bob has searched the library for "The Matrix" and found nothing
    When Overseerr reports that "The Matrix" is available
    Then Bob is told the library changed because "The Matrix" became available
    And Bob's next search of the library for "The Matrix" comes from Plex and finds "The Matrix"

  Scenario: Bob is told when Overseerr has the film he asked for
    Given Bob is watching his requests live
    And Bob has requested "Dune"
    And Ada has approved Bob's request for "Dune"
    When Overseerr reports that "Dune" is available
    Then Bob is told his request for "Dune" went from approved to available
