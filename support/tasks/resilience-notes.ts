import type { HttpExchange } from '../api/exchange';
import type { MediaNestWorld } from '../world';
import type { UpstreamOperation } from './upstream-operations';

/** What resilience steps of one scenario tell each other: the last operation tried and what the upstream had seen by then. */
export interface ResilienceNotes {
  operation?: UpstreamOperation;
  /** The upstream's journal length just before the last operation was tried. */
  callsBefore: number;
  /** The upstream's journal length when its breaker opened. */
  callsWhenOpened?: number;
  tries: HttpExchange[];
}

// Keyed by the scenario's world, so nothing outlives the scenario.
const notes = new WeakMap<MediaNestWorld, ResilienceNotes>();

export function notesOf(world: MediaNestWorld): ResilienceNotes {
  let found = notes.get(world);
  if (!found) notes.set(world, (found = { callsBefore: 0, tries: [] }));
  return found;
}
