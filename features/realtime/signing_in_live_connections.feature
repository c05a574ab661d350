@realtime @security
Feature: Signing in a live connection
  The portal and the apps keep one WebSocket open to MediaNest and are told of changes as they
  happen: a request approved, a download finished, a service down. A live connection carries the
  same session as every other call. Apps send their token when they connect, the portal's browser
  sends its cookies, and an app that cannot set headers signs in with its first message, within
  5 seconds. Whatever the way, the gateway greets a signed-in connection with **ready**; a bad
  token never gets a connection at all, and signing out closes the connections of that session.

  Rule: each of the three ways to sign in is greeted with ready

    Scenario: an app that connects with its token is ready at once
      Given Bob is signed in
      When Bob's app opens a live connection with his token
      Then the connection is ready for Bob

    Scenario: the portal's browser signs in with its cookies
      Given Bob is signed in through the portal
      When Bob's browser opens a live connection from the portal
      Then the connection is ready for Bob

    Scenario: an app signs in with its first message
      Given Bob is signed in
      When Bob's app opens a live connection and signs in with its first message
      Then the connection is ready for Bob

  Rule: a bad token gets no connection

    Scenario Outline: a forged token is refused before any connection opens
      Given Mallory is signed in
      When Mallory's app opens a live connection presenting <a forged token>
      Then the connection is refused with TOKEN_INVALID before it opens

      Examples: forgeries
        | a forged token                                 |
        | a token that claims to need no signature       |
        | his token with the payload edited to say admin |
        | a token signed with another key                |
        | garbage instead of a token                     |

    @embedded-only
    Scenario: an expired token is refused before any connection opens
      Given Bob is signed in
      And 24 hours pass
      When Bob's app opens a live connection with his token
      Then the connection is refused with TOKEN_EXPIRED before it opens

    Scenario: a page on another site cannot open a connection with Bob's cookies
      Given Bob is signed in through the portal
      When a page on another site opens a live connection with Bob's cookies
      Then the connection is refused with CSRF_INVALID before it opens

    Scenario: a sandboxed page, which names no site, cannot open a connection with Bob's cookies
      Given Bob is signed in through the portal
      When a sandboxed page opens a live connection with Bob's cookies
      Then the connection is refused with CSRF_INVALID before it opens

    Scenario: an app that sends Bob's cookies without naming a page is not a browser, and is let in
      Given Bob is signed in through the portal
      When Bob's app opens a live connection with his cookies, naming no page
      Then the connection is ready for Bob

    Scenario: an app that connects with its token is let in whatever page it names
      Given Bob is signed in
      When Bob's app opens a live connection with his token, naming a page on another site
      Then the connection is ready for Bob

  Rule: a connection that does not sign in is closed

    @embedded-only
    Scenario: a connection that says nothing for 5 seconds is closed
      Given a visitor's app has opened a live connection without signing in
      When 5 seconds pass
      Then the connection is closed as unauthorised for not signing in in time

    @embedded-only
    Scenario: a connection that signed in with its first message is not closed when the 5 seconds are up
      Given Bob's app has signed in a live connection with its first message
      When 5 seconds pass
      Then Bob's connection is still open

    Scenario: a connection that signs in with a forged token is closed
      Given Mallory is signed in
      When Mallory's app opens a live connection and signs in by message with a token signed with another key
      Then the connection is closed as unauthorised for a token MediaNest did not sign

    Scenario Outline: a connection whose first message is not a sign-in with a token is closed
      When a visitor's app opens a live connection and its first message <first message>
      Then the connection is closed as unauthorised for not signing in first

      Examples:
        | first message                |
        | asks for updates             |
        | signs in without a token     |
        | signs in with an empty token |

  Rule: a sign-in MediaNest cannot check is told so, and the connection stays open to try again

    @embedded-only @fresh-gateway
    Scenario: an app signing in while MediaNest has lost its database is told the fault is MediaNest's
      Given Bob is signed in
      And MediaNest has lost its database
      When Bob's app opens a live connection and signs in with its first message
      Then Bob's app is told INTERNAL_ERROR, in words that say 'Something went wrong on our side', and may sign in again

  Rule: signing out closes the connections of that session

    Scenario: signing out closes the app's live connection
      Given Bob's app is connected live
      When Bob signs out
      Then Bob's connection is closed as signed out

    Scenario: signing out works while another app has not signed in yet
      Given Bob's app is connected live
      And a visitor's app has opened a live connection without signing in
      When Bob signs out
      Then Bob's connection is closed as signed out

    Scenario: a token that was signed out cannot open a connection again
      Given Bob is signed in
      And Bob signs out
      When Bob's app opens a live connection with his token
      Then the connection is refused with TOKEN_REVOKED before it opens

    Scenario: signing out on one device leaves the other device connected
      Given Bob's app is connected live
      And Bob signs in again on another device, which connects live too
      When Bob signs out
      Then Bob's connection is closed as signed out
      And the connection Bob opened first stays open
