import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { expectData } from '../support/checks/answers';
import { fuzzEveryOperation, fuzzSettings } from '../support/fuzz/fuzz-operations';
import { SignIn } from '../support/tasks/sign-in';
import type { MediaNestWorld } from '../support/world';

const RAISED = '1000000';

Given("the gateway's limits are raised for fuzzing", function (this: MediaNestWorld) {
  // or most generated requests would be told to slow down, and nothing deeper would be reached
  Object.assign(this.env, {
    RATE_LIMIT_USER_PER_MINUTE: RAISED,
    RATE_LIMIT_ANON_PER_MINUTE: RAISED,
    RATE_LIMIT_PIN_PER_MINUTE: RAISED,
    RATE_LIMIT_VERIFY_PER_MINUTE: RAISED,
    DOWNLOAD_QUOTA_PER_HOUR: RAISED,
  });
});

// 100 examples for each of 32 operations: bounded at a minute on two cores (README, "Fuzzing")
When('requests generated from the contract are sent to every operation', { timeout: 90_000 }, async function (this: MediaNestWorld) {
  const settings = fuzzSettings();
  const started = performance.now();
  const counts = await fuzzEveryOperation(this, settings);
  const seconds = (performance.now() - started) / 1000;
  const statuses: Record<number, number> = {};
  for (const exchange of this.exchanges) statuses[exchange.response.status] = (statuses[exchange.response.status] ?? 0) + 1;
  const report = { ...settings, seconds: Number(seconds.toFixed(1)), examples: counts, answersByStatus: statuses };
  this.attach(JSON.stringify(report, null, 1), { mediaType: 'application/json', fileName: 'Fuzzed examples per operation' });
  console.log(`fuzz: ${Object.values(counts).reduce((a, b) => a + b, 0)} examples over ${Object.keys(counts).length} operations in ${report.seconds} s (seed ${settings.seed})`);
  this.remember('the fuzz counts', counts);
});

Then('no answer was a server error and every answer kept the contract', function (this: MediaNestWorld) {
  // an upstream's failure passed on as declared (502-504) is the fakes' doing; the gateway's own 500 never is
  const broken = this.exchanges.filter((exchange) => exchange.response.status === 500 || exchange.response.status > 504 || exchange.violations?.length);
  assert.deepEqual(broken.map((exchange) => `${exchange.request.method} ${exchange.request.path}: ${exchange.response.status} ${exchange.violations?.join('; ')}`), []);
  const counts = this.recall<Record<string, number>>('the fuzz counts');
  const runs = fuzzSettings().runs;
  assert.deepEqual(Object.entries(counts).filter(([, count]) => count < runs), [], `every operation had ${runs} examples`);
});

Then('afterwards Dan can still sign in and request a film, and Ada can approve it', async function (this: MediaNestWorld) {
  // both sign in afresh: the fuzzing may have signed Ada out or changed her role (signing in as a named admin restores it)
  const dan = await SignIn.as(this, 'Dan');
  const ada = await SignIn.as(this, 'Ada');
  const request = expectData(await dan.call('POST', '/api/v1/media/requests', { body: { mediaType: 'movie', tmdbId: 27205 } }), 201);
  expectData(await ada.call('POST', `/api/v1/admin/media/requests/${request.id}/approve`));
  const mine = expectData(await dan.call('GET', `/api/v1/media/requests/${request.id}`));
  assert.equal(mine.status, 'approved');
});
