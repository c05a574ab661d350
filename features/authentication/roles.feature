@auth
Feature: Roles: admins and users
  Admins run the MediaNest install: they see every user and decide who else is an admin. The
  install names its admins by Plex username in its settings; when it names none, the first
  account ever to sign in becomes the admin, so a new install is never left without one.

  Contract details: the setting is ADMIN_PLEX_USERNAMES, a comma-separated list.

  Rule: the configured admins are admins, everyone else is a user

    @smoke
    Scenario: a configured admin signs in as an admin
      When Ada signs in
      Then Ada is signed in as an admin

    Scenario: anyone not configured signs in as a user
      Given Ada, an admin, is signed in
      When Bob signs in
      Then Bob is signed in as a user

    Scenario: a user signing in again is still a user
      Given Bob has signed in
      When Bob signs in again
      Then Bob is signed in as a user

    @fresh-gateway @one-instance
    Scenario: an account named an admin after it first signed in is an admin from its next sign-in
      Given MediaNest keeps its data in a file
      And Bob has signed in
      And MediaNest is configured with ADMIN_PLEX_USERNAMES set to "Ada, Bob"
      When the gateway restarts
      And Bob signs in again
      Then Bob is signed in as an admin

  Rule: with no admins configured, the first account ever becomes the admin

    @fresh-gateway
    Scenario: the first account becomes admin and the next one a user
      Given the install names no admins
      When Bob signs in and then Cleo signs in
      Then Bob is signed in as an admin
      And Cleo is signed in as a user

  Rule: admins manage the other accounts

    @fresh-gateway
    Scenario: an admin lists every account
      Given Bob and Cleo have signed in
      And Ada, an admin, is signed in
      When Ada lists the users
      Then she sees Bob, Cleo and Ada, in the order they first signed in

    @fresh-gateway
    Scenario: an admin makes a user an admin
      Given Bob has signed in
      And Ada, an admin, is signed in
      When Ada makes Bob an admin
      Then Bob's session shows him as an admin

    @fresh-gateway @security
    Scenario: a user made an admin has admin access at once, without signing in again
      Given Bob is signed in
      And Ada, an admin, is signed in
      And Ada makes Bob an admin
      When Bob lists the users
      Then Bob is answered

    @fresh-gateway @security
    Scenario: an admin made a user again loses admin access at once
      Given Bob has signed in
      And Ada, an admin, is signed in
      And Ada has made Bob an admin
      And Bob signs in again
      And Ada has made Bob a user
      When Bob tries to list the users
      Then Bob is refused with FORBIDDEN

    Scenario: changing the role of an account that does not exist is refused
      Given Ada, an admin, is signed in
      When Ada tries to make an account that does not exist an admin
      Then Ada is refused with NOT_FOUND, told that "No such user"

    Scenario: an admin cannot take away her own admin role
      Given Ada, an admin, is signed in
      When Ada tries to make herself a user
      Then Ada is refused with CANNOT_DEMOTE_SELF
      And Ada is still an admin

    @security
    Scenario: a user cannot list the accounts
      Given Bob is signed in
      When Bob tries to list the users
      Then Bob is refused with FORBIDDEN

    @security
    Scenario: a user cannot make himself an admin
      Given Bob is signed in
      When Bob tries to make himself an admin
      Then Bob is refused with FORBIDDEN
      And Bob is still a user

    @security
    Scenario: a visitor who is not signed in cannot list the accounts
      When a visitor tries to list the users
      Then the visitor is refused with UNAUTHORIZED

    Scenario: an admin may confirm her own admin role
      Given Ada, an admin, is signed in
      When Ada tries to make herself an admin
      Then Ada is answered
      And Ada is still an admin
