@media-requests @fresh-gateway
Feature: Following requests
  Each person follows their own requests: oldest first, a page at a time, narrowed to a status or
  to films or series. Nobody else's requests appear in that list; admins have a list of everyone's.

  Scenario: my requests come oldest first, a page at a time
    Given Bob has requested "Inception", "Arrival" and "Interstellar"
    When Bob lists his requests 2 to a page and turns to page 2
    Then he sees "Interstellar", the last of 3 requests on 2 pages

  Scenario: my requests can be narrowed to a status and a kind of title
    Given Bob has requested "Inception", "Arrival" and "Andor"
    And Ada has approved Bob's request for "Arrival"
    When Bob lists his pending movie requests
    Then he sees only "Inception"

  Scenario: nobody else's requests appear in my list
    Given Cleo has requested "Dune"
    And Bob has requested "Arrival"
    When Bob lists his requests
    Then he sees only "Arrival"

  Scenario: an admin sees everyone's requests
    Given Bob has requested "Arrival"
    And Cleo has requested "Dune"
    When Ada lists every request
    Then she sees Bob's request for "Arrival" and Cleo's for "Dune"
