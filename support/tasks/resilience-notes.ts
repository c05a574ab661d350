import type { HttpExchange } from '../api/exchange';
import { startNotesWith } from '../notes';
import type { UpstreamOperation } from './upstream-operations';

/** What the resilience steps of one scenario tell each other (world.notes.resilience). */
export class ResilienceNotes {
  /** The operation tried last. */
  operation?: UpstreamOperation;
  /** The upstream's journal length just before the last operation was tried. */
  callsBefore = 0;
  /** The upstream's journal length when its breaker opened. */
  callsWhenOpened?: number;
  tries: HttpExchange[] = [];
  /** How long the probe's answer took (or until it timed out), when a second person waited for it. */
  probeMs?: number;
  /** The scenario clock when an admin looked at the breakers. */
  lookedAt?: number;
  /** How long, on the scenario clock, the last answer held up at an upstream took. */
  answerTookMs?: number;
  /** The correlation id the gateway made up in place of one it would not echo. */
  newCorrelationId?: string;
}

declare module '../notes' {
  interface ScenarioNotes {
    resilience: ResilienceNotes;
  }
}
startNotesWith('resilience', () => new ResilienceNotes());
