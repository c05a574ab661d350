@load
Feature: Throughput and latency under load
  The gateway must stay quick when many people use it at once. Each figure is compared with a bare
  Fastify route measured on the same machine in the same run, so the thresholds hold on any
  machine. Every scenario attaches its figures and a latency chart to this report.

  Scenario: the liveness check keeps pace with a bare route
    Given the bare baseline route has been measured at 50 connections
    When 50 clients call the liveness check for 3 seconds
    Then the gateway serves at least 60% of the baseline's throughput
    And no call failed

  @rate-limiting @fresh-gateway
  Scenario: a burst of twice a person's limit admits exactly the limit
    Given each signed-in person may make 500 requests a minute
    And Bob is signed in
    When Bob sends 1000 requests for his session at once over 50 connections
    Then exactly 500 are answered and 500 are told to retry later
    And the slowest answers of the burst took less than 250 ms

  Scenario: the suite's load driver is not the bottleneck
    When the suite's driver and the autocannon command line each load the baseline route
    Then the driver reaches at least 90% of the command line's throughput
