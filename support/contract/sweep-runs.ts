import { startNotesWith } from '../notes';
import { whileUpstreamHolds } from '../tasks/while-time-passes';
import type { UpstreamName } from '../upstreams/fake-upstream';
import type { FaultKind } from '../upstreams/faults';
import type { MediaNestWorld } from '../world';
import { prepareSweep, sampleOf, type SweepIds } from './sample-calls';
import { adminOnly, codesAt, guardedByCsrf, limited, looksUp, needsSession, operationsWhere, outOfBounds, sampleCall, send, writes, type SweepAnswer } from './sweeps';

/** One deadline per upstream call, retries included (CONTRACT.md, "Resilience and limits"). */
const UPSTREAM_DEADLINE_MS: Record<UpstreamName, number> = { 'plex-tv': 10_000, 'plex-server': 5_000, overseerr: 5_000, 'uptime-kuma': 5_000 };
const NOTHING_MADE: SweepIds = { request: 1, pin: 1, bob: 1, missing: false };

/** What a contract scenario's steps tell each other: the answers of its sweep, the fuzzer's counts. */
export class ContractNotes {
  sweep: SweepAnswer[] = [];
  fuzzCounts: Record<string, number> = {};
}

declare module '../notes' {
  interface ScenarioNotes {
    contract: ContractNotes;
  }
}
startNotesWith('contract', () => new ContractNotes());

/** Runs a sweep and notes its answers for the Then step. */
async function noted(world: MediaNestWorld, sweep: () => Promise<SweepAnswer[]>): Promise<void> {
  world.notes.contract.sweep = await sweep();
  if (world.notes.contract.sweep.length === 0) throw new Error('the sweep found no operation to call');
}

/** Calls each operation once, in the contract's order, expecting the answer `expect` names. */
async function eachOf(operationIds: string[], call: (operationId: string) => Promise<SweepAnswer | SweepAnswer[] | undefined>): Promise<SweepAnswer[]> {
  const answers: SweepAnswer[] = [];
  for (const operationId of operationIds) answers.push(...[await call(operationId)].flat().filter((answer): answer is SweepAnswer => answer !== undefined));
  return answers;
}

const idsWhere = (which: Parameters<typeof operationsWhere>[0]) => operationsWhere(which).map(({ operationId }) => operationId);

/** The sweeps of the rules every operation keeps (features/contract/rules_every_operation_keeps.feature). */
export const Sweeps = {
  withoutSession: (world: MediaNestWorld) =>
    noted(world, () => eachOf(idsWhere(needsSession), async (operationId) => ({ operationId, expected: { status: 401, code: 'UNAUTHORIZED' }, exchange: await send(world, sampleCall(world, operationId, NOTHING_MADE, 'a visitor')) }))),

  asUser: (world: MediaNestWorld, name: string) =>
    noted(world, () => eachOf(idsWhere(adminOnly), async (operationId) => ({ operationId, expected: { status: 403, code: 'FORBIDDEN' }, exchange: await send(world, sampleCall(world, operationId, NOTHING_MADE, name)) }))),

  /** From the portal's cookies without the CSRF header; each caller is back on its token afterwards. */
  withoutCsrf: (world: MediaNestWorld) =>
    noted(world, () =>
      eachOf(idsWhere(guardedByCsrf), async (operationId) => {
        const call = sampleCall(world, operationId, NOTHING_MADE);
        await call.caller.usesThePortal();
        const exchange = await send(world, call, { withoutCsrf: true });
        call.caller.leavesThePortal();
        return { operationId, expected: { status: 403, code: 'CSRF_INVALID' }, exchange };
      }),
    ),

  /** A parameter out of its bounds where the operation has one, else a body cut short. */
  withParametersItCannotAccept: (world: MediaNestWorld) =>
    noted(world, () =>
      eachOf(idsWhere((operation) => codesAt(operation, 400).includes('VALIDATION_ERROR') || writes(operation)), async (operationId) => {
        const call = sampleCall(world, operationId, NOTHING_MADE);
        const wrong = outOfBounds(call, operationsWhere((_, matched) => matched.operationId === operationId)[0]!.operation);
        if (wrong) return { operationId, expected: { status: 400, code: 'VALIDATION_ERROR' }, exchange: await send(world, wrong) };
        const halfBody = { ...call, body: '{"half": ', headers: { ...call.headers, 'content-type': 'application/json' } };
        return { operationId, expected: { status: 400, code: 'INVALID_JSON' }, exchange: await send(world, halfBody, { outOfContract: true }) };
      }),
    ),

  /** A body over 64 KiB, and a body sent as plain text, to every operation that writes. */
  withBodiesItCannotRead: (world: MediaNestWorld) =>
    noted(world, () =>
      eachOf(idsWhere(writes), async (operationId) => {
        const call = sampleCall(world, operationId, NOTHING_MADE);
        const huge = { ...call, body: JSON.stringify({ padding: 'x'.repeat(70 * 1024) }), headers: { ...call.headers, 'content-type': 'application/json' } };
        const plain = { ...call, body: 'hello', headers: { ...call.headers, 'content-type': 'text/plain' } };
        return [
          { operationId, expected: { status: 413, code: 'PAYLOAD_TOO_LARGE' }, exchange: await send(world, huge, { outOfContract: true }) },
          { operationId, expected: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }, exchange: await send(world, plain, { outOfContract: true }) },
        ];
      }),
    ),

  forWhatDoesNotExist: async (world: MediaNestWorld) => {
    const ids = { ...(await prepareSweep(world)), missing: true };
    await noted(world, () => eachOf(idsWhere(looksUp), async (operationId) => ({ operationId, expected: { status: 404, code: 'NOT_FOUND' }, exchange: await send(world, sampleCall(world, operationId, ids)) })));
  },

  /** Each caller uses up its one call of the minute first (signing out would leave nobody to limit); the sign-in routes' own limits have scenarios of their own. */
  afterTheMinutesCall: (world: MediaNestWorld) =>
    noted(world, () =>
      eachOf(idsWhere(limited).filter((operationId) => sampleOf(operationId).caller !== 'a visitor'), async (operationId) => {
        const call = sampleCall(world, operationId, NOTHING_MADE);
        await send(world, sampleCall(world, 'getSession', NOTHING_MADE, call.caller.name));
        return { operationId, expected: { status: 429, code: 'RATE_LIMITED' }, exchange: await send(world, call) };
      }),
    ),

  /** Every operation needing the upstream while it fails; the breaker is reset after each, or it would open after five and answer 503 for the rest. */
  whileUpstreamFails: async (world: MediaNestWorld, upstream: UpstreamName, fault: FaultKind) => {
    const ids = await prepareSweep(world);
    const expected = fault.kind === 'down' ? { status: 503, code: 'SERVICE_UNAVAILABLE' } : fault.kind === 'silent' ? { status: 504, code: 'UPSTREAM_TIMEOUT' } : { status: 502, code: 'UPSTREAM_ERROR' };
    const fake = world.upstreams.byName(upstream);
    fake.fails(fault);
    await noted(world, () =>
      eachOf(idsWhere(() => true).filter((operationId) => sampleOf(operationId).upstream === upstream), async (operationId) => {
        const call = sampleCall(world, operationId, ids);
        const silent = () => whileUpstreamHolds(world, fake, call.caller.call(call.method, call.path, { body: call.body, headers: call.headers }), UPSTREAM_DEADLINE_MS[upstream]);
        const exchange = fault.kind === 'silent' ? await silent() : await send(world, call);
        await world.actor('Ada').api.resetBreaker(upstream);
        return { operationId, expected, exchange };
      }),
    );
  },
};
