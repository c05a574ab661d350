import { Given, Then, When } from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { prepareSweep, sampleOf, type SweepIds } from '../support/contract/sample-calls';
import {
  adminOnly, codesAt, guardedByCsrf, limited, looksUp, needsSession, operationsWhere, outOfBounds, sampleCall, send, unexpected, writes, type SweepAnswer,
} from '../support/contract/sweeps';
import type { UpstreamName } from '../support/upstreams/fake-upstream';
import type { FaultKind } from '../support/upstreams/faults';
import { whileUpstreamHolds } from '../support/tasks/while-time-passes';
import type { MediaNestWorld } from '../support/world';

/** One deadline per upstream call, retries included (CONTRACT.md, "Resilience and limits"). */
const UPSTREAM_DEADLINE_MS: Record<UpstreamName, number> = { 'plex-tv': 10_000, 'plex-server': 5_000, overseerr: 5_000, 'uptime-kuma': 5_000 };

const NOTHING_MADE: SweepIds = { request: 1, pin: 1, bob: 1, missing: false };

function keep(world: MediaNestWorld, answers: SweepAnswer[]): void {
  assert.ok(answers.length > 0, 'the sweep found no operation to call');
  world.remember('the sweep of every operation', answers);
}

When('a visitor calls every operation that needs a session', async function (this: MediaNestWorld) {
  const answers: SweepAnswer[] = [];
  for (const { operationId } of operationsWhere(needsSession)) {
    answers.push({ operationId, expected: { status: 401, code: 'UNAUTHORIZED' }, exchange: await send(this, sampleCall(this, operationId, NOTHING_MADE, 'a visitor')) });
  }
  keep(this, answers);
});

When('Bob calls every operation only an admin may use', async function (this: MediaNestWorld) {
  const answers: SweepAnswer[] = [];
  for (const { operationId } of operationsWhere(adminOnly)) {
    answers.push({ operationId, expected: { status: 403, code: 'FORBIDDEN' }, exchange: await send(this, sampleCall(this, operationId, NOTHING_MADE, 'Bob')) });
  }
  keep(this, answers);
});

When('every operation that changes something is called from a browser session without the CSRF header', async function (this: MediaNestWorld) {
  const answers: SweepAnswer[] = [];
  for (const { operationId } of operationsWhere(guardedByCsrf)) {
    const call = sampleCall(this, operationId, NOTHING_MADE);
    await call.caller.usesThePortal();
    answers.push({ operationId, expected: { status: 403, code: 'CSRF_INVALID' }, exchange: await send(this, call, { withoutCsrf: true }) });
    call.caller.leavesThePortal();
  }
  keep(this, answers);
});

When('every operation that takes parameters is sent one it cannot accept', async function (this: MediaNestWorld) {
  const answers: SweepAnswer[] = [];
  for (const { operationId, operation } of operationsWhere((operation) => codesAt(operation, 400).includes('VALIDATION_ERROR') || writes(operation))) {
    const call = sampleCall(this, operationId, NOTHING_MADE);
    const wrong = outOfBounds(call, operation);
    if (wrong) answers.push({ operationId, expected: { status: 400, code: 'VALIDATION_ERROR' }, exchange: await send(this, wrong) });
    else answers.push({ operationId, expected: { status: 400, code: 'INVALID_JSON' }, exchange: await send(this, { ...call, body: '{"half": ', headers: { ...call.headers, 'content-type': 'application/json' } }, { outOfContract: true }) });
  }
  keep(this, answers);
});

When('every operation that changes something is sent a body it cannot read', async function (this: MediaNestWorld) {
  const answers: SweepAnswer[] = [];
  for (const { operationId } of operationsWhere(writes)) {
    const call = sampleCall(this, operationId, NOTHING_MADE);
    const huge = { ...call, body: JSON.stringify({ padding: 'x'.repeat(70 * 1024) }), headers: { ...call.headers, 'content-type': 'application/json' } };
    answers.push({ operationId, expected: { status: 413, code: 'PAYLOAD_TOO_LARGE' }, exchange: await send(this, huge, { outOfContract: true }) });
    const plain = { ...call, body: 'hello', headers: { ...call.headers, 'content-type': 'text/plain' } };
    answers.push({ operationId, expected: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, exchange: await send(this, plain, { outOfContract: true }) });
  }
  keep(this, answers);
});

When('every operation that looks something up is asked for something that does not exist', async function (this: MediaNestWorld) {
  const ids = { ...(await prepareSweep(this)), missing: true };
  const answers: SweepAnswer[] = [];
  for (const { operationId } of operationsWhere(looksUp)) {
    answers.push({ operationId, expected: { status: 404, code: 'NOT_FOUND' }, exchange: await send(this, sampleCall(this, operationId, ids)) });
  }
  keep(this, answers);
});

When('everyone calls every operation after their one call of the minute', async function (this: MediaNestWorld) {
  const answers: SweepAnswer[] = [];
  for (const { operationId } of operationsWhere(limited)) {
    if (sampleOf(operationId).caller === 'a visitor') continue; // the sign-in routes' own limits have scenarios of their own
    const call = sampleCall(this, operationId, NOTHING_MADE);
    // uses up the caller's minute (signing out first would leave nobody to limit)
    await send(this, sampleCall(this, 'getSession', NOTHING_MADE, call.caller.name));
    answers.push({ operationId, expected: { status: 429, code: 'RATE_LIMITED' }, exchange: await send(this, call) });
  }
  keep(this, answers);
});

When('every operation that needs {upstream} is called while it {fault}', async function (this: MediaNestWorld, upstream: UpstreamName, fault: FaultKind) {
  const ids = await prepareSweep(this);
  const expected =
    fault.kind === 'down' ? { status: 503, code: 'SERVICE_UNAVAILABLE' }
    : fault.kind === 'silent' ? { status: 504, code: 'UPSTREAM_TIMEOUT' }
    : { status: 502, code: 'UPSTREAM_ERROR' };
  const fake = this.upstreams.byName(upstream);
  fake.fails(fault);
  const answers: SweepAnswer[] = [];
  for (const { operationId } of operationsWhere(() => true)) {
    if (sampleOf(operationId).upstream !== upstream) continue;
    const call = sampleCall(this, operationId, ids);
    const exchange =
      fault.kind === 'silent'
        ? await whileUpstreamHolds(this, fake, call.caller.call(call.method, call.path, { body: call.body, headers: call.headers }), UPSTREAM_DEADLINE_MS[upstream])
        : await send(this, call);
    answers.push({ operationId, expected, exchange });
    // one failure per operation: the breaker would open after five and answer 503 for the rest
    await send(this, { caller: this.actor('Ada'), method: 'POST', path: `/api/v1/admin/resilience/${upstream}/reset` });
  }
  keep(this, answers);
});

Then('each answers with the refusal the contract documents for it', function (this: MediaNestWorld) {
  const answers = this.recall<SweepAnswer[]>('the sweep of every operation');
  for (const { exchange } of answers) exchange.asserted = true;
  assert.deepEqual(unexpected(answers), []);
});

Given('each person may make {int} call(s) a minute', function (this: MediaNestWorld, limit: number) {
  this.env.RATE_LIMIT_USER_PER_MINUTE = String(limit);
});
