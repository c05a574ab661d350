@media-requests
Feature: Requesting films and series
  People ask for the films and series they want to watch. MediaNest searches Overseerr's
  catalogue and files each request in Overseerr on behalf of the person's own Overseerr account,
  so it waits for an admin's approval just like a request made in Overseerr itself, and it follows
  the request until the title is in the Plex library.

  @critical-path @smoke @fresh-gateway
  Scenario: a film Bob asks for reaches the library once an admin approves it
    Given Bob has found "The Matrix" by searching for "matrix"
    And Bob has requested "The Matrix", which waits for an admin
    And Ada has approved Bob's request for "The Matrix"
    When Overseerr reports that "The Matrix" is available
    Then Bob sees his request for "The Matrix" as available
    And "The Matrix" is in the Plex library Bob browses

  Rule: a search says what can still be requested

    Scenario: a search finds films with their year and availability, and leaves out their collection
      When Bob searches for "dune"
      Then he finds these titles:
        | title          | kind | year | availability  | poster |
        | Dune           | film | 2021 | not requested | yes    |
        | Dune: Part Two | film | 2024 | not requested | yes    |
      And each title found says what it is about

    Scenario: a search for a director finds no titles: people cannot be requested
      When Bob searches for "villeneuve"
      Then he finds no titles

    Scenario: a series already in Plex shows as available
      When Bob searches for "breaking"
      Then he finds these titles:
        | title        | kind   | year | availability | poster |
        | Breaking Bad | series | 2008 | available    | yes    |

    @fresh-gateway
    Scenario: a film someone has asked for shows as requested
      Given Cleo has requested "Arrival"
      When Bob searches for "arrival"
      Then he finds these titles:
        | title   | kind | year | availability | poster |
        | Arrival | film | 2016 | requested    | yes    |

    Scenario: a search with many results comes a page at a time
      When Bob searches for "star trek" and turns to page 2
      Then he sees the last 2 of 22 titles, on page 2 of 2

  Rule: a series is requested by the season

    @fresh-gateway
    Scenario: Bob asks for the first two seasons of a series
      When Bob requests seasons 1 and 2 of "The Expanse"
      Then Bob's request for "The Expanse" waits for an admin, for seasons 1 and 2
      And Overseerr holds Bob's request for "The Expanse" for seasons 1 and 2, waiting for approval

    @fresh-gateway
    Scenario: a series requested without seasons is requested in full
      When Bob requests "Severance"
      Then Bob's request for "Severance" waits for an admin, for seasons 1 and 2

    @fresh-gateway
    Scenario: seasons asked for out of order are listed in order
      When Bob requests seasons 10 and 2 of "Doctor Who"
      Then Bob's request for "Doctor Who" waits for an admin, for seasons 2 and 10

    @fresh-gateway
    Scenario: a film is requested whole, with no seasons
      When Bob requests "Inception"
      Then Bob's request for "Inception" waits for an admin
      And Overseerr was asked for the film "Inception", with no seasons

    @fresh-gateway
    Scenario: a series already in Plex has no season left to request
      When Bob requests "Breaking Bad"
      Then Bob is refused with ALREADY_REQUESTED, told that "every season asked for is already requested or available"
      And Overseerr holds no request for "Breaking Bad"

  Rule: a request is made as the person's own Overseerr account, found by email, else by Plex username

    Scenario: someone without an Overseerr account is told so and nothing is kept
      When Eve requests "Inception"
      Then Eve is refused with OVERSEERR_ACCOUNT_MISSING
      And Eve has no requests
      And Overseerr was not asked to create a request

    @fresh-gateway
    Scenario: someone Overseerr lists on its second page of users is found
      Given Eve's Plex account was imported into Overseerr after 150 others
      When Eve requests "Inception"
      Then Overseerr holds Eve's request for "Inception" as waiting for approval
      And Overseerr was asked for its users 100 at a time, 2 pages of them

    @fresh-gateway
    Scenario: Bob is found by his Plex username when Overseerr has another email for him
      Given Overseerr has "bob@work.example" as Bob's email
      When Bob requests "Inception"
      Then Overseerr holds Bob's request for "Inception" as waiting for approval

    @fresh-gateway
    Scenario: Bob is found by his email after he changed his Plex username
      Given Bob has changed his Plex username to "Robert" since Overseerr imported him
      When Bob requests "Inception"
      Then Overseerr holds Bob's request for "Inception" as waiting for approval
