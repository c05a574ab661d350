@resilience
Feature: Partial service when one upstream fails
  Each part of MediaNest depends on one upstream, so a failing upstream takes down only its own
  part: with Overseerr failing the library still works, with Plex failing films can still be
  requested, and with plex.tv failing people already signed in carry on. A read that MediaNest
  answered before falls back to the copy it kept when its upstream fails, marked stale; a read it
  never answered, and any change, fail instead: a copy can stand in for a read, never for a change.

  Contract details: a stale copy says so with a `Cache-Status` of `detail=stale-if-error`.


  Rule: one upstream's trouble does not spread to the other parts

    @embedded-only
    Scenario: with Overseerr's breaker open, the library still works
      Given Bob is signed in
      And Overseerr's breaker opened after Bob's 5 failed tries
      When Bob tries to browse the library
      Then Bob gets what he asked for
      And Overseerr's breaker is open

    @fresh-gateway
    Scenario: with Plex down, films can still be requested
      Given Bob is signed in
      And Plex is down
      When Bob tries to request a film
      Then Bob gets what he asked for

    Scenario: with plex.tv down, people already signed in carry on
      Given Bob is signed in
      And plex.tv is down
      When Bob tries to browse the library
      Then Bob gets what he asked for

  Rule: a read falls back to the copy kept from an earlier answer; without one, or for a change, it fails

    @embedded-only
    Scenario: with Plex down, the library Bob browsed before is served from its stale copy
      Given Bob is signed in
      And Bob has browsed the library
      And 2 minutes pass
      And Plex is down
      When Bob tries to browse the library
      Then Bob gets what he asked for
      And he is told it is a stale copy, kept because Plex failed

    @fresh-gateway
    Scenario: with Plex down, a library never browsed before is unavailable
      Given Bob is signed in
      And Plex is down
      When Bob tries to browse the library
      Then Bob is refused with SERVICE_UNAVAILABLE from Plex
