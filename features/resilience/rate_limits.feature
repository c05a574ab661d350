@resilience @rate-limiting
Feature: Rate limits on the API
  One person, script or attacker must not be able to drown MediaNest. Each signed-in person may
  make 300 requests a minute and each address without a session 100 (answers refusing a missing
  session count too, so guessing costs the guesser); the sign-in routes have tighter limits of
  their own. Every limited answer says how many requests the minute allows, how many are left and
  when the minute resets; a refusal also says when to retry. The health checks, the API
  description and Overseerr's webhook are never limited: load balancers and Overseerr must always
  get through.

  Contract details: the headers are `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`
  and, on a refusal (`RATE_LIMITED`), `Retry-After`.


  Rule: each signed-in person has a limit of their own

    @fresh-gateway
    Scenario: of 200 checks sent at once against a limit of 100, exactly 100 are answered
      Given each signed-in person may make 100 requests a minute
      And Bob is signed in
      When Bob checks his session 200 times at once
      Then exactly 100 of Bob's checks are answered and 100 are refused with RATE_LIMITED
      And every answer tells how many requests the minute allows, how many are left and when it resets
      And every refusal says to retry when the minute resets

    @fresh-gateway @embedded-only
    Scenario: once the minute has passed, Bob is answered again
      Given each signed-in person may make 100 requests a minute
      And Bob is signed in
      And Bob has used up his requests for this minute
      And 60 seconds pass
      When Bob looks at his session
      Then Bob is answered

    @fresh-gateway
    Scenario: one person using up the limit does not slow anyone else down
      Given each signed-in person may make 100 requests a minute
      And Bob and Cleo have signed in
      And Bob has used up his requests for this minute
      When Cleo looks at her session
      Then Cleo is answered

    @fresh-gateway
    Scenario: an ordinary answer tells the person how much of the limit is left
      Given Bob is signed in
      When Bob looks at his session
      Then the answer says Bob may make 300 requests a minute and has 299 left

    @fresh-gateway @embedded-only
    Scenario: an answer says when the person's minute resets, counted from the first request in it
      Given Bob is signed in
      And Bob has looked at his session
      And 20 seconds pass
      When Bob looks at his session
      Then the answer says Bob's minute resets in 40 seconds

  Rule: callers without a session are limited by address, refusals included

    @fresh-gateway
    Scenario: refusals for not being signed in count against the address
      Given each anonymous address may make 5 requests a minute
      And a visitor has been refused 5 times for not being signed in
      When the visitor looks at the session once more
      Then the visitor is refused with RATE_LIMITED
      And the visitor is told when to retry

    @fresh-gateway
    Scenario: another address keeps its own allowance
      Given each anonymous address may make 5 requests a minute
      And a visitor has been refused 5 times for not being signed in
      When a visitor from another address looks at the session
      Then the visitor from another address is refused with UNAUTHORIZED

  Rule: health checks, the API description and Overseerr's webhook are never limited

    @fresh-gateway
    Scenario Outline: the <endpoint> answers a visitor 20 times against a limit of 5
      Given each anonymous address may make 5 requests a minute
      When a visitor calls the <endpoint> 20 times
      Then none of those calls was refused for going too fast

      Examples:
        | endpoint          |
        | liveness check    |
        | readiness check   |
        | API description   |
        | Overseerr webhook |
