@resilience @embedded-only
Feature: Timeouts and retries at the upstreams
  Every upstream gets a fixed time to answer, counted on the clock: plex.tv 10 seconds, Plex,
  Overseerr and Uptime Kuma 5 seconds each. Past it the person is told the service timed out,
  exactly then and never later, whatever retries were under way. A read that fails is tried again,
  at most twice, after a short random pause (up to 200 ms before the first retry, up to 400 ms before
  the second, so that callers failing together do not retry together); anything that creates or
  changes something is sent exactly once, so a failure can never leave a duplicate behind.

  Rule: a silent upstream times out exactly at its timeout

    Scenario Outline: with <service> silent, trying to <operation> times out after exactly <seconds> seconds
      Given Bob is signed in
      When Bob tries to <operation> and <service> stays silent for <seconds> seconds
      Then Bob is refused with UPSTREAM_TIMEOUT from <service>, told that it "did not answer within <seconds> s"
      And the refusal came <seconds> seconds after the question, on the scenario clock
      And <service> was called 1 time for it

      Examples:
        | service   | operation                | seconds |
        | plex.tv   | ask to sign in with Plex | 10      |
        | Plex      | browse the library       | 5       |
        | Overseerr | search for a film        | 5       |

    Scenario: the timeout covers the retries: a read retried after a failure still ends 5 seconds after the question
      Given Bob is signed in
      And Plex answers its first call with a server error, then falls silent
      When Bob tries to browse the library and 5 seconds pass
      Then Bob is refused with UPSTREAM_TIMEOUT from Plex
      And the refusal came 5 seconds after the question, on the scenario clock
      And Plex was called 2 times for it

    Scenario: Plex answering just inside its timeout is waited for
      Given Bob is signed in
      And Plex's next answer takes 4 seconds
      When Bob tries to browse the library and 4 seconds pass
      Then Bob gets what he asked for

  Rule: a failed read is tried again, at most twice; a create is sent once

    Scenario Outline: with <service> failing twice, trying to <operation> is answered on the third call
      Given Bob is signed in
      And <service> fails 2 times with a server error, then recovers
      When Bob tries to <operation>
      Then Bob gets what he asked for
      And <service> was called 3 times for it

      Examples:
        | service   | operation          |
        | Plex      | browse the library |
        | Overseerr | search for a film  |

    Scenario Outline: a read that keeps failing because Plex <fault> is given up after three calls
      Given Bob is signed in
      And Plex <fault>
      When Bob tries to browse the library
      Then Bob is refused with UPSTREAM_ERROR from Plex
      And Plex was called 3 times for it

      Examples:
        | fault                                     |
        | answers every call with a server error    |
        | breaks the connection before answering    |
        | breaks off its answers mid-way            |
        | answers with malformed JSON               |
        | answers with an HTML page instead of JSON |
        | answers with a body over 5 MiB            |

    Scenario: each pause before a retry is random, at most 200 ms before the first retry and 400 ms before the second
      Given Bob is signed in
      And MediaNest's random pauses before retries come out at their longest
      And Plex answers every call with a server error
      When Bob tries to browse the library
      Then Bob is refused with UPSTREAM_ERROR from Plex
      And Plex was called 3 times for it
      And Plex heard each retry 200 ms, then 400 ms, after the call before it

    Scenario Outline: trying to <operation> reaches <service> once, even when it fails
      Given Bob is signed in
      And <service> fails everything it is asked to create
      When Bob tries to <operation>
      Then Bob is refused with UPSTREAM_ERROR from <service>
      And <service> was asked to create it 1 time

      Examples:
        | service   | operation                |
        | plex.tv   | ask to sign in with Plex |
        | Overseerr | request a film           |

    Scenario: an upstream asking MediaNest to slow down is not asked again, and its wait is passed on
      Given Bob is signed in
      And Overseerr asks MediaNest to slow down
      When Bob tries to search for a film
      Then Bob is refused with SERVICE_UNAVAILABLE from Overseerr
      And Bob is told to retry in 30 seconds, the wait Overseerr asked for
      And Overseerr was called 1 time for it
