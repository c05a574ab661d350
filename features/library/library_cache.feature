@library
Feature: A quick library that stays current
  Reads of the library are kept for each person for a minute (a setting), so browsing is instant
  and Plex is not asked the same thing twice, and each answer says whether it came from the copy.
  One person's copy is never served to another, and every copy is invalidated the moment the
  library changes: when Overseerr reports a title available, and when an admin has Plex rescan a
  library. When Plex fails, a copy that went out of date less than a day ago is served, marked
  stale.

  Contract details: the setting is LIBRARY_CACHE_SECONDS (60 here); the `Cache-Status` header
  says `hit; ttl=N`, `fwd=miss; stored`, or `detail=stale-if-error` with a negative ttl.

  @fresh-gateway
  Scenario: the second look is answered from the cache
    Given Bob has looked at the libraries
    When Bob looks at the libraries
    Then the answer came from MediaNest's cache, fresh for up to 60 more seconds
    And Plex was asked for the libraries once

  @fresh-gateway @security
  Scenario: one person's copy is never served to another
    Given Bob has looked at the libraries
    When Cleo looks at the libraries
    Then the answer came from Plex and was kept
    And Plex was asked with Cleo's own Plex token, on behalf of MediaNest

  @embedded-only
  Scenario: a copy older than its lifetime is fetched again
    Given Bob has looked at the libraries
    And 61 seconds pass
    When Bob looks at the libraries
    Then the answer came from Plex and was kept
    And Plex was asked for the libraries twice

  @fresh-gateway
  Scenario: after an admin has Plex rescan a library, the next look shows what the scan found
    Given Bob has looked at the Movies library
    And "Arrival" has been copied to the Plex server's disk
    When Ada has Plex rescan the Movies library
    Then Plex was asked to rescan the Movies library
    And Bob's next look at the Movies library comes from Plex and includes "Arrival"

  @fresh-gateway @realtime
  Scenario: everyone watching the library is told when an admin has Plex rescan it
    Given Cleo is watching the library live
    When Ada has Plex rescan the Movies library
    Then Ada is told Plex is rescanning the Movies library
    And Cleo is told the library changed because an admin asked Plex to rescan the Movies library

  @fresh-gateway
  Scenario: news that is not about the library leaves the copies alone
    Given Bob has looked at the libraries
    And Bob has requested "Arrival", which waits for an admin
    And Ada has approved Bob's request for "Arrival"
    When Bob looks at the libraries
    Then the answer came from MediaNest's cache, fresh for up to 60 more seconds
    And Plex was asked for the libraries once

  @fresh-gateway
  Scenario: with no copies kept, every look goes to Plex
    Given MediaNest keeps no copy of the library
    And Bob has looked at the libraries
    When Bob looks at the libraries
    Then the answer came from Plex and was not kept
    And Plex was asked for the libraries twice

  @fresh-gateway
  Scenario: a title Overseerr reports available shows up in searches at once
    Given Bob has searched the library for "arrival" and found nothing
    And Bob has requested "Arrival"
    When Overseerr reports that "Arrival" is available
    Then Bob's next search of the library for "arrival" comes from Plex and finds "Arrival"

  @embedded-only
  Scenario: when Plex fails, the last copy is served, marked stale
    Given Bob has looked at the libraries
    And 2 minutes pass
    And Plex is down
    When Bob looks at the libraries
    Then he is shown the copy from 2 minutes ago, marked stale

  @embedded-only
  Scenario: a copy more than a day past its lifetime is not served
    Given Bob has looked at the libraries
    And 25 hours pass
    And Bob signs in again
    And Plex is down
    When Bob looks at the libraries
    Then Bob is refused with SERVICE_UNAVAILABLE from Plex

  Scenario: another page of a library is not answered from the first page's copy
    Given Bob has looked at the Movies library
    When Bob looks at the Movies library 5 titles at a time, from the 11th
    Then he sees "Spirited Away" and "Whiplash", 2 of the 12 titles

  @fresh-gateway
  Scenario: after a rescan, a failing Plex still falls back to the last copy
    Given Bob has looked at the Movies library
    And Ada has Plex rescan the Movies library
    And Plex is down
    When Bob looks at the Movies library
    Then he is told it is a stale copy kept because Plex failed
