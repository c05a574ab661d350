import { startNotesWith } from '../notes';

/** What the network guard's self-test noted (world.notes.networkGuard): reading the blocked calls empties the guard's list. */
export class NetworkGuardNotes {
  blockedCalls: string[] = [];
}

declare module '../notes' {
  interface ScenarioNotes {
    networkGuard: NetworkGuardNotes;
  }
}
startNotesWith('networkGuard', () => new NetworkGuardNotes());
