@monitoring @resilience @fresh-gateway
Feature: The dashboard when Uptime Kuma cannot be read
  Uptime Kuma watches the other services, but it can fail too. When MediaNest cannot read it, the
  dashboard keeps showing the last statuses it knew, marked **stale**, rather than an error page;
  people watching live are told the statuses went stale, and told again when Uptime Kuma answers
  once more. Statuses nobody has refreshed for longer than a poll and its retries take (30 + 20
  seconds) are stale too, even when no poll has failed yet.

  Contract details: a stale dashboard answers `meta.stale: true`.


  @embedded-only
  Scenario: with Uptime Kuma down, the last known statuses are shown, marked stale
    Given Bob has seen every service up on the dashboard
    And Uptime Kuma is down
    When 60 seconds pass
    Then Bob sees the last known statuses, marked stale

  @embedded-only
  Scenario: people watching are told when the statuses go stale
    Given Bob is watching service health
    And Uptime Kuma's status page has been unpublished
    When 30 seconds pass
    Then Bob is told the service statuses are stale
    And Bob sees the last known statuses, marked stale

  @embedded-only
  Scenario: people watching before Uptime Kuma ever answered are told once that the statuses are stale
    Given Bob is watching only service health live
    And Uptime Kuma's status page has been unpublished
    When MediaNest is left running for 2 minutes
    Then Bob is told once that the service statuses are stale

  @embedded-only
  Scenario: the statuses are fresh again once Uptime Kuma answers
    Given Bob is watching service health
    And Uptime Kuma's status page has been unpublished
    And 30 seconds pass
    And Uptime Kuma has recovered
    When 30 seconds pass
    Then Bob is told the service statuses are fresh
    And Bob's dashboard is fresh again

  @embedded-only
  Scenario: statuses not refreshed for longer than a poll and its retries are marked stale
    Given Bob has seen every service up on the dashboard
    And MediaNest is left running for 12 minutes
    And Uptime Kuma stays silent
    When Bob opens the service dashboard
    Then Bob sees the last known statuses, marked stale

  Scenario Outline: before Uptime Kuma has ever answered, every service is unknown, never an error
    Given Uptime Kuma <fault>
    When Bob opens the service dashboard
    Then Bob sees every service unknown, marked stale

    Examples: ways Uptime Kuma fails
      | fault                                     |
      | is down                                   |
      | answers with a server error               |
      | answers with malformed JSON               |
      | answers with an HTML page instead of JSON |
