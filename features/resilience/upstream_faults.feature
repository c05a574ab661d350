@resilience @fresh-gateway
Feature: What people are told when an upstream misbehaves
  MediaNest depends on plex.tv, Plex, Overseerr and Uptime Kuma, and each of them can fail in many
  ways. Whatever the upstream does, the person gets MediaNest's own refusal with one of three
  answers, naming the service, never showing the upstream's own words, page or stack trace:

  | What the upstream does | The person is told |
  |---|---|
  | refuses the connection | the service is unavailable |
  | answers nothing within its timeout | the service timed out (see the timeouts chapter) |
  | breaks the connection, breaks off, answers with a server error, malformed JSON, HTML or over 5 MiB | the service failed |
  | asks MediaNest to slow down | the service is unavailable, and when to try again |
  | refuses in a way the route does not expect | the service failed |

  Uptime Kuma is read by MediaNest itself, never on a person's request: its faults show on the
  dashboard as stale statuses (the monitoring chapter), not as errors. These scenarios each start a
  gateway of their own, so no breaker is left open by an earlier one.

  Contract details: unavailable is 503 `SERVICE_UNAVAILABLE` (with the upstream's own `Retry-After`
  when it asked to slow down), timed out 504 `UPSTREAM_TIMEOUT`, failed 502 `UPSTREAM_ERROR`; the
  error envelope names the service in `details.service`.


  Rule: each kind of fault has one answer, whichever upstream it comes from

    Scenario Outline: when <service> <fault>, trying to <operation> fails with <code>
      Given Bob is signed in
      And <service> <fault>
      When Bob tries to <operation>
      Then Bob is refused with <code> from <service>
      And the refusal shows nothing of <service>'s own answer

      Examples: plex.tv, when someone asks to sign in
        | service | fault                                           | operation                | code                |
        | plex.tv | is down                                         | ask to sign in with Plex | SERVICE_UNAVAILABLE |
        | plex.tv | breaks off its answers mid-way                  | ask to sign in with Plex | UPSTREAM_ERROR      |
        | plex.tv | breaks the connection before answering          | ask to sign in with Plex | UPSTREAM_ERROR      |
        | plex.tv | answers with a server error                     | ask to sign in with Plex | UPSTREAM_ERROR      |
        | plex.tv | answers with malformed JSON                     | ask to sign in with Plex | UPSTREAM_ERROR      |
        | plex.tv | answers with an HTML page instead of JSON       | ask to sign in with Plex | UPSTREAM_ERROR      |
        | plex.tv | answers with a body over 5 MiB                  | ask to sign in with Plex | UPSTREAM_ERROR      |
        | plex.tv | announces a body over 5 MiB, then sends nothing | ask to sign in with Plex | UPSTREAM_ERROR      |
        | plex.tv | asks MediaNest to slow down                     | ask to sign in with Plex | SERVICE_UNAVAILABLE |
        | plex.tv | refuses MediaNest's credentials                 | ask to sign in with Plex | UPSTREAM_ERROR      |

      Examples: Plex, when someone browses the library
        | service | fault                                           | operation          | code                |
        | Plex    | is down                                         | browse the library | SERVICE_UNAVAILABLE |
        | Plex    | breaks off its answers mid-way                  | browse the library | UPSTREAM_ERROR      |
        | Plex    | breaks the connection before answering          | browse the library | UPSTREAM_ERROR      |
        | Plex    | answers with a server error                     | browse the library | UPSTREAM_ERROR      |
        | Plex    | answers with malformed JSON                     | browse the library | UPSTREAM_ERROR      |
        | Plex    | answers with an HTML page instead of JSON       | browse the library | UPSTREAM_ERROR      |
        | Plex    | answers with a body over 5 MiB                  | browse the library | UPSTREAM_ERROR      |
        | Plex    | announces a body over 5 MiB, then sends nothing | browse the library | UPSTREAM_ERROR      |
        | Plex    | asks MediaNest to slow down                     | browse the library | SERVICE_UNAVAILABLE |
        | Plex    | refuses MediaNest's credentials                 | browse the library | UPSTREAM_ERROR      |

      Examples: Overseerr, when someone searches for a title
        | service   | fault                                           | operation         | code                |
        | Overseerr | is down                                         | search for a film | SERVICE_UNAVAILABLE |
        | Overseerr | breaks off its answers mid-way                  | search for a film | UPSTREAM_ERROR      |
        | Overseerr | breaks the connection before answering          | search for a film | UPSTREAM_ERROR      |
        | Overseerr | answers with a server error                     | search for a film | UPSTREAM_ERROR      |
        | Overseerr | answers with malformed JSON                     | search for a film | UPSTREAM_ERROR      |
        | Overseerr | answers with an HTML page instead of JSON       | search for a film | UPSTREAM_ERROR      |
        | Overseerr | answers with a body over 5 MiB                  | search for a film | UPSTREAM_ERROR      |
        | Overseerr | announces a body over 5 MiB, then sends nothing | search for a film | UPSTREAM_ERROR      |
        | Overseerr | asks MediaNest to slow down                     | search for a film | SERVICE_UNAVAILABLE |
        | Overseerr | refuses MediaNest's credentials                 | search for a film | UPSTREAM_ERROR      |

  Rule: the refusal says in words what was wrong with the answer

    Scenario Outline: when Plex <fault>, Bob is told it <words>
      Given Bob is signed in
      And Plex <fault>
      When Bob tries to browse the library
      Then Bob is refused with UPSTREAM_ERROR, told that "<words>"

      Examples:
        | fault                                           | words                              |
        | answers with an HTML page instead of JSON       | answered text/html instead of JSON |
        | answers with text that does not say what it is  | answered something instead of JSON |
        | answers with malformed JSON                     | answered malformed JSON            |
        | answers with a body over 5 MiB                  | answered with a body too large     |
        | announces a body over 5 MiB, then sends nothing | answered with a body too large     |
        | breaks the connection before answering          | broke the connection               |
        | breaks off its answers mid-way                  | broke off its answer               |
        | answers with a server error                     | answered 500                       |

  Rule: an answer of up to 5 MiB is read, however large

    Scenario: Plex answering with exactly 5 MiB is understood
      Given Bob is signed in
      And Plex answers with a body of exactly 5 MiB
      When Bob tries to browse the library
      Then Bob gets what he asked for

  Rule: the correlation id a person sends travels to the upstream and back

    Scenario Outline: the correlation id Bob sends reaches <service> and comes back with the refusal
      Given Bob is signed in
      And <service> answers with a server error
      When Bob tries to <operation> with the correlation id "bob-trace-0042"
      Then the refusal carries the correlation id "bob-trace-0042"
      And <service> saw the correlation id "bob-trace-0042" on every call for it

      Examples:
        | service   | operation                |
        | plex.tv   | ask to sign in with Plex |
        | Plex      | browse the library       |
        | Overseerr | search for a film        |

    Scenario: a correlation id longer than 128 characters is replaced by a new one, which the upstream sees
      Given Bob is signed in
      And Plex answers with a server error
      When Bob tries to browse the library with a correlation id of 129 characters
      Then the refusal carries a new correlation id instead of Bob's
      And Plex saw that new correlation id on every call for it

    Scenario: a Request-Id header is not taken for a correlation id: only X-Correlation-Id names one
      Given Bob is signed in
      And Plex answers with a server error
      When Bob tries to browse the library with the Request-Id "bob request 7"
      Then the refusal carries a new correlation id instead of Bob's
      And Plex saw that new correlation id on every call for it
