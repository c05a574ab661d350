@fuzz @contract
Feature: Fuzzing from the contract
  An outside fuzzer found a server error and answers the contract did not describe. The suite
  now fuzzes the gateway itself: for every operation of the published contract it generates
  requests from the operation's own parameters and body, mostly valid, sometimes hostile, sent by
  an admin, a user and a visitor. No answer may be a server error, every answer must be one the
  contract declares, every refusal in the error envelope, and afterwards the critical path still
  works. A failure names how to replay it and the smallest request that still fails.

  Contract details: requests are generated from `support/contract/openapi.json` with fast-check,
  seeded; run it with `npx cucumber-js -p fuzz` (`FUZZ_RUNS`, `FUZZ_SEED`).

  Scenario: generated requests to every operation never break the gateway or its contract
    Given the gateway's limits are raised for fuzzing
    And Ada, an admin, is signed in
    And Bob has signed in
    When requests generated from the contract are sent to every operation
    Then no answer was a server error and every answer kept the contract
    And afterwards Dan can still sign in and request a film, and Ada can approve it
