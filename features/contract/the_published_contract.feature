@contract
Feature: The published contract
  Teams building on MediaNest read its OpenAPI document to know every operation, who may call it
  and every answer it can give. The suite keeps that document as its own copy
  (`support/contract/openapi.json`), reviewed like these features, and checks every answer of
  every scenario against it: so the document a gateway publishes must be exactly that copy, or a
  gateway whose behaviour and document drifted together would go unnoticed.

  @smoke
  Scenario: the gateway publishes exactly the contract the suite holds
    When a visitor reads the API description
    Then it is exactly the suite's copy of the contract
