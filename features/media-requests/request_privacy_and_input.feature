@media-requests @security
Feature: Requests are private and carry only what a person chooses
  A person's requests are theirs: anyone else asking about one is told it does not exist, so
  request ids cannot be probed. A request carries only what a person chooses, a title and, for a
  series, its seasons; its id, its status and who made it are MediaNest's to set. Anything else is
  refused before Overseerr is asked, and nothing is kept.

  Rule: someone else's request does not exist for them

    @fresh-gateway
    Scenario Outline: Mallory cannot <act on> Bob's request
      Given Bob has requested "Arrival"
      When Mallory tries to <act on> Bob's request for "Arrival"
      Then Mallory is refused with NOT_FOUND, told that "no such request"
      And Bob's request for "Arrival" still waits for an admin

      Examples:
        | act on   |
        | look at  |
        | withdraw |

    Scenario: a visitor cannot see any requests
      When a visitor tries to list the requests
      Then the visitor is refused with UNAUTHORIZED

  Rule: a request carries only what a person chooses

    @fresh-gateway
    Scenario Outline: a request with <a bad part> is refused and nothing is kept
      When Bob sends a request for "Arrival" with <a bad part>
      Then Bob is refused with VALIDATION_ERROR
      And Bob has no requests
      And Overseerr was not asked to create a request

      Examples: fields that are MediaNest's to set
        | a bad part                    |
        | a status of its own           |
        | someone else as the requester |
        | an id of its own              |

      Examples: values of the wrong kind
        | a bad part                          |
        | the TMDB id written as text         |
        | a kind of title that does not exist |
        | seasons for a film                  |
        | no TMDB id                          |

    Scenario: a refused request says what is wrong with each field
      When Bob sends a request for "Arrival" with a status of its own and the TMDB id written as text
      Then Bob is refused with VALIDATION_ERROR
      And the refusal says what is wrong with each field:
        | field  | problem         |
        | status | is not allowed  |
        | tmdbId | must be integer |

    Scenario Outline: a request with <a bad part> is told what is wrong
      When Bob sends a request for "Arrival" with <a bad part>
      Then Bob is refused with VALIDATION_ERROR
      And the refusal says what is wrong with each field:
        | field   | problem   |
        | <field> | <problem> |

      Examples:
        | a bad part                          | field     | problem                                   |
        | no TMDB id                          | tmdbId    | is required                               |
        | a kind of title that does not exist | mediaType | must be one of the kinds this route knows |

    Scenario: a search without words is refused before Overseerr is asked
      When Bob searches for ""
      Then Bob is refused with VALIDATION_ERROR
      And Overseerr was not asked to search
