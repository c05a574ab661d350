@suite @load
Feature: The suite's load driver is not the bottleneck
  The load scenarios drive the gateway from inside the suite's own process. A driver slower than
  the gateway would make every figure measure the driver instead: so the driver is compared with
  the same load tool run by hand from the command line, on a bare route, turn by turn.

  Scenario: the suite's load driver keeps pace with the command line
    When the suite's driver and the autocannon command line each load the baseline route
    Then the driver reaches at least 90% of the command line's throughput
