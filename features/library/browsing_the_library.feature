@library
Feature: Browsing the Plex library
  People browse what is on the Plex server: its libraries, a library's titles a page at a time,
  a search across them, what was added lately and the collections. MediaNest asks Plex with each
  person's own Plex token, so Plex's own sharing rules decide what they see.

  @fresh-gateway
  Scenario: Bob sees the server's libraries
    When Bob looks at the libraries
    Then he sees these libraries:
      | title    | type   |
      | Movies   | film   |
      | TV Shows | series |
      | Music    | music  |
    And Plex was asked with Bob's own Plex token, on behalf of MediaNest

  Scenario: a library's titles come a page at a time
    When Bob looks at the Movies library 5 titles at a time, from the 11th
    Then he sees "Spirited Away" and "Whiplash", 2 of the 12 titles

  Scenario: a title shows its year, its running time and when it was added
    When Bob looks at the Movies library
    Then "Alien" shows as a film from 1979 that runs 117 minutes and was added 43 days ago

  @fresh-gateway
  Scenario: a title Plex has not matched yet shows without a year, a summary or a poster
    Given Plex has just found "holiday_2019.mkv" in the Movies library and not matched it yet
    When Bob looks at the Movies library
    Then "holiday_2019.mkv" shows with no year, no summary and no poster

  Scenario: a search finds films and series alike
    When Bob searches the library for "her"
    Then he finds these titles in the library:
      | title         | type   |
      | The Godfather | film   |
      | Her           | film   |
      | Chernobyl     | series |

  Scenario: a search finds titles, not the collections named like them
    When Bob searches the library for "fiction"
    Then he finds these titles in the library:
      | title        | type |
      | Pulp Fiction | film |

  @fresh-gateway
  Scenario: the most recently added title comes first
    Given "Arrival" has just been added to Plex
    When Bob looks at the recently added titles
    Then the first of them is "Arrival"

  @fresh-gateway
  Scenario: Plex is asked for no more of the recently added titles than are shown
    When Bob looks at the 3 most recently added titles
    Then he sees "Chernobyl", "Dark" and "Breaking Bad"
    And Plex was asked for 3 titles

  Scenario: a library's collections are listed with their sizes
    When Bob looks at the collections of Movies
    Then he sees these collections:
      | title                      | titles |
      | Science Fiction Essentials | 4      |
      | Crime Classics             | 3      |

  Rule: nothing to show is shown as nothing

    Scenario Outline: an empty library shows nothing: <place>
      When Bob looks at <place>
      Then he sees nothing there

      Examples:
        | place                    |
        | the Music library        |
        | the collections of Music |

    @fresh-gateway
    Scenario Outline: a Plex server with no libraries yet shows nothing: <place>
      Given the Plex server has no libraries yet
      When Bob looks at <place>
      Then he sees nothing there

      Examples:
        | place                     |
        | the libraries             |
        | the recently added titles |

  Rule: a look outside the library is refused

    Scenario: a library the server does not have is not found
      When Bob looks at a library the server does not have
      Then Bob is refused with NOT_FOUND, told that "no such library"

    @security
    Scenario Outline: a page of <size> titles is refused before Plex is asked
      When Bob looks at the Movies library <size> titles at a time
      Then Bob is refused with VALIDATION_ERROR
      And Plex received no call

      Examples:
        | size |
        | 101  |
        | 0    |

    @security
    Scenario: a search of the library without words is refused
      When Bob searches the library for ""
      Then Bob is refused with VALIDATION_ERROR
      And Plex received no call
