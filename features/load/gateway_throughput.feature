@load
Feature: Throughput and latency under load
  The gateway must stay quick when many people use it at once. Each figure is compared with a bare
  Fastify route measured on the same machine in the same run, so the thresholds hold on any
  machine, a busy one too. Capacity is judged by answers per second of processor time, which other
  work on the machine changes far less than it changes throughput; latency by loading the gateway
  and a bare route side by side, so a stall slows both alike, with a floor under the bound.
  Behaviour is checked before any figure, so a slow moment can never hide it. Every scenario
  attaches its figures, each comparison and a latency chart to this report.

  Scenario: the liveness check keeps pace with a bare route
    Given the bare baseline route has been measured at 50 connections
    When 50 clients call the liveness check for 3 seconds
    Then no call failed
    And the gateway answers at least 60% as many calls per second of processor time as the bare route

  @rate-limiting @fresh-gateway
  Scenario: a burst of twice a person's limit admits exactly the limit
    Given each signed-in person may make 500 requests a minute
    And Bob is signed in
    When Bob sends 1000 requests for his session at once over 50 open connections, beside the same burst to a bare route
    Then exactly 500 are answered and 500 are told to retry later
    And the slowest answers took no longer than 4 times the bare route's slowest, or 100 ms, whichever is more
