@realtime
Feature: Many people watching at once
  On a busy evening many people keep the portal open, often on several devices each. One change
  (Plex going down) must reach every open connection promptly, not trickle out one by one. This
  runs over real sockets: 10 people with 20 connections each, the most the gateway allows a person.
  The report attaches how long the fan-out took.

  @embedded-only @fresh-gateway
  Scenario: one service change reaches 200 open connections within a second
    Given 10 people are each watching service health on 20 connections
    When Uptime Kuma's next check finds Plex down
    Then all 200 connections are told Plex is down within 1 second
