@realtime @security
Feature: Limits on live connections
  A live connection is cheap for an app and costly for the gateway, so each one is bounded: a
  message up to 16 KiB, 20 messages a second, 20 connections per person. A message the gateway
  cannot read is answered with an **error** and the connection stays open, because a buggy app
  should not lose its updates; breaking a limit closes the connection with a code that says why.
  The gateway pings every connection every 30 seconds and drops one that missed two pings, so dead
  peers do not pile up. At the same heartbeat a connection whose session (24 hours) has ended is
  closed, so an app cannot keep listening on a session that no longer lets it do anything else.

  Rule: a message the gateway cannot read is answered with an error

    Scenario Outline: a bad message is answered with an error that says what was wrong, and the connection stays open
      Given Bob's app is connected live
      When Bob's app sends <a bad message>
      Then Bob's app is told <code>, in words that say '<what was wrong>', and stays connected

      Examples: messages apps get wrong
        | a bad message                                      | code             | what was wrong                                                         |
        | something that is not JSON                         | INVALID_JSON     | as JSON                                                                |
        | a list instead of a message                        | VALIDATION_ERROR | an object {type, data}                                                 |
        | a message of a kind the gateway does not know      | VALIDATION_ERROR | "dance"; send auth, subscribe or ping                                  |
        | a subscription to topics that do not exist         | VALIDATION_ERROR | gossip, weather; the topics are services, requests, downloads, library |
        | a subscription without topics                      | VALIDATION_ERROR | topics, some of: services, requests, downloads, library                |
        | a subscription to no topics at all                 | VALIDATION_ERROR | topics, some of: services, requests, downloads, library                |
        | a message without a type                           | VALIDATION_ERROR | an object {type, data}                                                 |
        | a message whose data is not an object              | VALIDATION_ERROR | data must be an object                                                 |
        | a message whose data is null                       | VALIDATION_ERROR | data must be an object                                                 |
        | a binary message                                   | VALIDATION_ERROR | text messages, not binary                                              |
        | a message with fields the gateway does not know    | VALIDATION_ERROR | Unknown fields: urgent, again                                          |
        | a sign-in without a token                          | VALIDATION_ERROR | auth needs a token                                                     |
        | a second sign-in on a connection already signed in | VALIDATION_ERROR | already authenticated                                                  |

  Rule: a message may be up to 16 KiB

    Scenario: a message of exactly 16 KiB is answered
      Given Bob's app is connected live
      When Bob's app sends a message of exactly 16 KiB
      Then Bob's app is answered 1 time and stays connected

    Scenario: a message one byte over 16 KiB closes the connection
      Given Bob's app is connected live
      When Bob's app sends a message one byte over 16 KiB
      Then Bob's connection is closed as too large

  Rule: an app may send 20 messages a second

    Scenario: 20 messages at once are all answered
      Given Bob's app is connected live
      When Bob's app sends 20 messages at once
      Then Bob's app is answered 20 times and stays connected

    Scenario: a flood of messages closes the connection
      Given Bob's app is connected live
      When Bob's app sends 21 messages at once
      Then Bob's connection is closed as sending too much

    @embedded-only
    Scenario: a second after 20 messages, an app may send 20 more
      Given Bob's app is connected live
      And Bob's app has sent 20 messages at once
      And 1 second passes
      When Bob's app sends 20 messages at once
      Then Bob's app is answered 40 times and stays connected

  Rule: a person may keep 20 connections open

    @one-instance
    Scenario: the 21st connection of one person is closed instead of greeted
      Given Bob has 20 live connections open
      When Bob's app opens another live connection with his token
      Then the connection is closed as too many connections
      And Bob's first 20 connections are all still open

  Rule: the HTTP rate limits do not count live connections

    @fresh-gateway @rate-limiting
    Scenario: opening 20 connections does not use up a person's requests
      Given each signed-in person may make 5 requests a minute
      And Bob has 20 live connections open
      When Bob looks at his session
      Then he sees his own username, his role and when the session ends, 24 hours from now

  Rule: connections that stop answering are dropped

    @embedded-only
    Scenario: a connection that answers its pings stays open
      Given Bob's app is connected live
      When Bob's app stays connected for 5 minutes
      Then Bob's connection is still open

    @embedded-only
    Scenario: a connection that missed one ping is still open
      Given Bob's app is connected live but no longer answers pings
      When 60 seconds pass
      Then Bob's connection is still open

    @embedded-only
    Scenario: a connection that missed two pings is dropped
      Given Bob's app is connected live but no longer answers pings
      When 90 seconds pass
      Then Bob's connection is dropped

  Rule: a connection lasts no longer than the session it signed in with

    @embedded-only
    Scenario: a connection whose session expires is closed as unauthorised
      Given Bob is signed in
      And 23 hours pass
      And Bob's app is connected live
      When Bob's app stays connected for 1 hour
      Then Bob's connection is closed as expired

    @embedded-only
    Scenario: a connection is closed at the heartbeat that falls on the very moment its session ends
      Given Bob is signed in
      And it is 30 seconds before the end of Bob's session
      And Bob's app is connected live
      When Bob's app stays connected for 30 seconds
      Then Bob's connection is closed as expired

  Rule: a gateway that stops says goodbye

    @fresh-gateway
    Scenario: live connections are closed cleanly when MediaNest shuts down
      Given Bob's app is connected live
      When MediaNest shuts down
      Then Bob's connection is closed as the gateway going away
