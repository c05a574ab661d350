import { expectData } from '../checks/answers';
import { SignIn } from '../tasks/sign-in';
import type { MediaNestWorld } from '../world';
import { fuzzEveryOperation, fuzzSettings } from './fuzz-operations';

const RAISED = '1000000';

/** The fuzz scenario's tasks (features/contract/fuzzing_from_the_contract.feature). */
export const Fuzzing = {
  /** Raises the gateway's limits, or most generated requests would be told to slow down and nothing deeper would be reached. */
  raiseLimits(world: MediaNestWorld): void {
    for (const name of ['RATE_LIMIT_USER_PER_MINUTE', 'RATE_LIMIT_ANON_PER_MINUTE', 'RATE_LIMIT_PIN_PER_MINUTE', 'RATE_LIMIT_VERIFY_PER_MINUTE', 'DOWNLOAD_QUOTA_PER_HOUR']) world.env[name] = RAISED;
  },

  /** Fuzzes every operation; the examples per operation are noted, and attached with the answers by status. */
  async everyOperation(world: MediaNestWorld): Promise<void> {
    const settings = fuzzSettings();
    const started = performance.now();
    const counts = (world.notes.contract.fuzzCounts = await fuzzEveryOperation(world, settings));
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    const statuses: Record<number, number> = {};
    for (const exchange of world.exchanges) statuses[exchange.response.status] = (statuses[exchange.response.status] ?? 0) + 1;
    world.attach(JSON.stringify({ ...settings, seconds, examples: counts, answersByStatus: statuses }, null, 1), { mediaType: 'application/json', fileName: 'Fuzzed examples per operation' });
    console.log(`fuzz: ${Object.values(counts).reduce((a, b) => a + b, 0)} examples over ${Object.keys(counts).length} operations in ${seconds} s (seed ${settings.seed})`);
  },

  /**
   * Dan requests a film and Ada approves it, both signed in afresh (the fuzzing may have signed Ada
   * out or changed her role; signing in as a named admin restores it); answers the status Dan then sees.
   */
  async requestApprovedAfterwards(world: MediaNestWorld): Promise<string> {
    const [dan, ada] = [await SignIn.as(world, 'Dan'), await SignIn.as(world, 'Ada')];
    const request = expectData(await dan.api.createMediaRequest({ mediaType: 'movie', tmdbId: 27205 }), 201);
    expectData(await ada.api.approveMediaRequest(request.id));
    return expectData(await dan.api.getMediaRequest(request.id)).status;
  },
};
