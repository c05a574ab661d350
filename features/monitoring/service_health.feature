@monitoring @fresh-gateway
Feature: Service health on the dashboard
  The dashboard tells everyone whether Plex, Overseerr and MediaNest itself are working, so people
  know whether to wait or to tell the admin. MediaNest reads Uptime Kuma's public status page every
  30 seconds, matches its monitors to services by name, and adds what it knows itself: a service
  whose circuit breaker is open is **degraded** even while Uptime Kuma still sees it up, and so is a
  service that answers Uptime Kuma in more than a second.

  Rule: the dashboard shows what Uptime Kuma last saw

    @smoke
    Scenario: every service is up, with its response time and its uptime over 24 hours
      When Bob opens the service dashboard
      Then Bob sees every service up, with its response time and its uptime over 24 hours

    Scenario Outline: a service is shown as Uptime Kuma's last check found it
      Given Uptime Kuma's last check of Overseerr found it <found>
      When Bob opens the service dashboard
      Then Bob sees that Overseerr is <shown>, with no response time

      Examples: Uptime Kuma's heartbeat states
        | found             | shown             |
        | down              | down              |
        | under maintenance | under maintenance |
        | pending           | degraded          |

    Scenario: a service that answers in more than a second is degraded
      Given Uptime Kuma measured Plex answering in 1500 ms
      When Bob opens the service dashboard
      Then Bob sees that Plex is degraded, answering in 1500 ms

    Scenario: a service answering in exactly a second is still up
      Given Uptime Kuma measured Plex answering in 1000 ms
      When Bob opens the service dashboard
      Then Bob sees that Plex is up, answering in 1000 ms

    Scenario: on a server in another time zone, the dashboard still gives the moment of Uptime Kuma's last check
      Given MediaNest is configured with TZ set to "America/New_York"
      When Bob opens the service dashboard
      Then Bob sees every service up, with its response time and its uptime over 24 hours

    Scenario: a service Uptime Kuma has not checked yet is unknown
      Given Uptime Kuma has just begun watching MediaNest and has not checked it yet
      When Bob opens the service dashboard
      Then Bob sees that MediaNest is unknown, never checked
      And Bob sees that Plex is up, answering in 42 ms

    Scenario: a service Uptime Kuma no longer watches is unknown
      Given Uptime Kuma has no monitor for MediaNest
      When Bob opens the service dashboard
      Then Bob sees that MediaNest is unknown

    @fresh-gateway
    Scenario: monitors are matched to services by the names MediaNest is configured with
      Given MediaNest reads Plex's health from the Uptime Kuma monitor "Plex (living room)"
      And Uptime Kuma's last check of Plex found it down
      When Bob opens the service dashboard
      Then Bob sees that Plex is down

    @embedded-only
    Scenario: without Uptime Kuma to read, every service is unknown and nobody is told of a failure
      Given MediaNest has no Uptime Kuma to read
      And Bob is watching only service health live
      And Cleo has seen every service unknown on the dashboard
      When MediaNest is left running for 1 minute
      Then Bob is told nothing

    @security
    Scenario: the dashboard is for signed-in people only
      When a visitor opens the service dashboard
      Then the visitor is refused with UNAUTHORIZED

  Rule: people watching are told of each change within one poll

    @embedded-only
    Scenario: a service going down is announced at the next poll
      Given Bob is watching service health
      And Uptime Kuma's last check of Plex found it down
      When 30 seconds pass
      Then Bob is told Plex went from up to down
      And Bob's dashboard now shows that Plex is down

    @embedded-only
    Scenario: someone watching before the first poll is told each service's status from unknown
      Given Bob is watching only service health live
      And Uptime Kuma's last check of Plex found it down
      When 30 seconds pass
      Then Bob is told Plex went from unknown to down

    @embedded-only
    Scenario: a poll that finds every service as it was tells nobody anything
      Given Bob is watching service health
      When MediaNest is left running for 1 minute
      Then Bob is told nothing

    @embedded-only
    Scenario: nothing is announced before the poll comes round
      Given Bob is watching service health
      And Uptime Kuma's last check of Plex found it down
      When 29 seconds pass
      Then Bob has been told nothing about Plex

    @embedded-only
    Scenario: a service coming back is announced as up
      Given Uptime Kuma's last check of Overseerr found it down
      And Bob is watching service health
      And Uptime Kuma's last check of Overseerr found it up
      When 30 seconds pass
      Then Bob is told Overseerr went from down to up

    @embedded-only @resilience
    Scenario Outline: a service whose breaker opens is degraded at once, though Uptime Kuma still sees it up
      Given Bob is watching service health
      And <service> is down
      When Bob tries to <use it> 5 times
      Then every try was refused with SERVICE_UNAVAILABLE
      And Bob is told <service> went from up to degraded
      And Bob's dashboard now shows that <service> is degraded

      Examples: the services MediaNest calls itself
        | service   | use it             |
        | Plex      | browse the library |
        | Overseerr | search for a film  |

  Rule: a look within a poll interval is answered from the last poll

    @one-instance
    Scenario: a second look within the poll interval does not ask Uptime Kuma again
      Given Bob has seen every service up on the dashboard
      When Bob opens the service dashboard
      Then Uptime Kuma has been read only once

    @embedded-only
    Scenario: looks between polls do not make MediaNest poll more often
      Given Bob has seen every service up on the dashboard
      And 10 seconds pass
      And Cleo has seen every service up on the dashboard
      When MediaNest is left running for 2 minutes
      Then Uptime Kuma was polled 5 times, 30 seconds apart

    @embedded-only
    Scenario: a poll falling due while another is under way does not ask Uptime Kuma again
      Given Bob is watching only service health live
      And 29 seconds pass
      And Uptime Kuma answers only after 2 seconds
      When Cleo opens the service dashboard
      Then Uptime Kuma has been read only once

  Rule: nobody looking, no polling

    @embedded-only
    Scenario: a look after MediaNest has rested asks Uptime Kuma again
      Given Bob has seen every service up on the dashboard
      And MediaNest is left running for 12 minutes
      And Uptime Kuma's last check of Plex found it down
      When Bob opens the service dashboard
      Then Bob sees that Plex is down

    @embedded-only
    Scenario: a MediaNest that has shut down polls no more, even with a poll under way as it stopped
      Given Bob has seen every service up on the dashboard
      And Uptime Kuma answers only after 2 seconds
      And 30 seconds pass
      And MediaNest has shut down
      When 2 minutes pass
      Then Uptime Kuma was polled 2 times, 30 seconds apart

    @embedded-only
    Scenario: while nobody looks at service health, Uptime Kuma is left alone
      Given Bob is signed in
      When 30 minutes pass
      Then Uptime Kuma was not asked anything

    @embedded-only
    Scenario: after a look at the dashboard, MediaNest keeps polling for 10 minutes, then rests
      Given Bob has seen every service up on the dashboard
      When MediaNest is left running for 12 minutes
      Then Uptime Kuma was polled every 30 seconds for 10 minutes after the look

    @embedded-only
    Scenario: while someone watches service health live, Uptime Kuma is polled every 30 seconds
      Given Bob is watching only service health live
      When MediaNest is left running for 2 minutes
      Then Uptime Kuma was polled 4 times, 30 seconds apart

    @embedded-only
    Scenario: once nobody watches service health live any more, Uptime Kuma is left alone
      Given Bob is watching only service health live
      And Bob's app has closed its live connection
      When MediaNest is left running for 2 minutes
      Then Uptime Kuma was not asked anything
