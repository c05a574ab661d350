@cluster @library
Feature: One copy of the library for every instance
  MediaNest keeps a copy of what Plex answered for a minute, so that browsing does not hammer the
  media server. With several instances the copy is shared: a look through one instance saves the
  others a trip to Plex, and a rescan on any instance makes every instance ask Plex again.

  Scenario: a copy kept by instance A answers Bob's look through instance B
    Given Bob uses instance A
    And Bob has looked at the libraries
    When Bob uses instance B
    And Bob looks at the libraries
    Then the answer came from MediaNest's cache, fresh for up to 60 more seconds
    And Plex was asked for the libraries once

  Scenario: after a rescan on instance B, Bob's next look through instance A shows what the scan found
    Given Bob uses instance A
    And Bob has looked at the Movies library
    And "Arrival" has been copied to the Plex server's disk
    And Ada uses instance B
    When Ada has Plex rescan the Movies library
    Then Bob's next look at the Movies library comes from Plex and includes "Arrival"
