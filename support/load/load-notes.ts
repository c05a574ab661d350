import { startNotesWith } from '../notes';
import type { BroadcastDelivery } from './broadcast-delivery';
import type { FollowedDownload } from './download-followers';
import type { LoadFigures } from './driver';
import type { LoadSeries } from './record';

/** What the load steps of one scenario tell each other (world.notes.load). */
export class LoadNotes {
  /** The series the scenario's one load run recorded. */
  series?: LoadSeries[];
  /** The bare route's first round, measured by a Given moments before the When measures the rest. */
  firstBaseline?: LoadFigures;
  /** The bytes the bare route answers, when it stands in for a route of the gateway. */
  baselineBody?: string;
  broadcast?: BroadcastDelivery;
  followed?: FollowedDownload[];
}

declare module '../notes' {
  interface ScenarioNotes {
    load: LoadNotes;
  }
}
startNotesWith('load', () => new LoadNotes());
