import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';

/** The floor's three steps: each does next to nothing, so a run measures cucumber, ts-node and the formatters. */
let total = 0;

Given('a number {int}', function (n: number) {
  total = n;
});

When('it is doubled', function () {
  total *= 2;
});

Then('it is {int}', function (expected: number) {
  assert.equal(total, expected);
});
