@cluster @realtime
Feature: Live updates reach watchers on every instance
  A person's portal stays connected to whichever instance the load balancer chose, while the
  change it should hear about happens on another: an admin's decision, Overseerr's notification.
  Every watcher is told, whichever instance they are connected to.

  Scenario: an approval made on instance A is announced to Bob's connection on instance B
    Given Bob uses instance B
    And Bob is watching his requests live
    And Bob has requested "The Matrix", which waits for an admin
    And Ada uses instance A
    When Ada approves Bob's request for "The Matrix"
    Then Bob is told his request for "The Matrix" went from pending to approved

  Scenario: Overseerr's notification received by instance A reaches Bob watching on instance B
    Given Bob uses instance B
    And Bob is watching his requests live
    And Bob has requested "Dune"
    And Ada has approved Bob's request for "Dune"
    And Overseerr's notifications reach instance A
    When Overseerr reports that "Dune" is available
    Then Bob is told his request for "Dune" went from approved to available

  Scenario: Cleo's download on instance A is announced to Ada watching every download on instance B
    Given Ada uses instance B
    And Ada is watching every download live
    And Cleo is signed in and uses instance A
    When Cleo downloads a short video
    Then Ada is told Cleo's download completed
