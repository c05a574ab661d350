/**
 * What the steps of one scenario tell each other: one typed page per domain, on `world.notes`.
 * A domain adds its page by declaration merging and says how a page starts:
 *
 *   declare module '../notes' { interface ScenarioNotes { downloads: DownloadNotes } }
 *   startNotesWith('downloads', () => new DownloadNotes());
 *
 * A page is made the first time a step reads it, and is thrown away with the scenario.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ScenarioNotes {}

const starters = new Map<string, () => unknown>();

export function startNotesWith<Name extends keyof ScenarioNotes>(name: Name, start: () => ScenarioNotes[Name]): void {
  starters.set(name as string, start);
}

/** A scenario's notes: every registered page, each made on first read. */
export function freshNotes(): ScenarioNotes {
  const notes = {};
  for (const [name, start] of starters) {
    let page: unknown;
    Object.defineProperty(notes, name, { enumerable: true, get: () => (page ??= start()) });
  }
  return notes as ScenarioNotes;
}
