@security
Feature: Every answer protects the browser that reads it
  MediaNest answers in JSON, for its own web portal. Every answer, refusals included, tells the
  browser how to treat it: never as another type than JSON, never inside another site's page,
  never as a page that loads or runs anything, only over HTTPS, and without passing on where the
  person came from. A page elsewhere cannot turn an answer against the person reading it.

  Scenario: the liveness check carries the browser protections
    When a visitor checks that MediaNest is alive
    Then the answer carries the browser protections of a JSON API

  Scenario: a signed-in person's answer carries the browser protections
    Given Bob has signed in
    When Bob looks at his session
    Then the answer carries the browser protections of a JSON API

  Scenario: a refusal carries the browser protections
    When a visitor looks at the session
    Then the answer carries the browser protections of a JSON API

  Scenario: an address MediaNest does not have carries the browser protections
    When a visitor asks for an address MediaNest does not have
    Then the answer carries the browser protections of a JSON API

  Scenario: an address with a broken percent-escape is refused in MediaNest's own words, with the browser protections
    When a visitor asks for an address with a broken percent-escape
    Then the visitor is refused with VALIDATION_ERROR, told that "not a valid address"
    And the answer carries the browser protections of a JSON API
