import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MediaNestWorld } from '../world';
import { latencyChart } from '../report/latency-chart';
import { describeFigures } from './describe';
import type { LoadFigures } from './driver';
import './load-notes';

/** The figures of the last run's load scenarios, one JSON line each, for `npm run bench` and people. */
export const LOAD_FIGURES_FILE = join(__dirname, '..', '..', 'reports', 'load-figures.ndjson');

export const LOAD_MEDIA_TYPE = 'application/vnd.medianest.load+json';

/** One measured series: its best round's figures and, when it was measured more than once, every round. */
export interface LoadSeries {
  name: string;
  figures: LoadFigures;
  rounds?: LoadFigures[];
}

/** A serial run starts the file afresh with its first figures; parallel workers can only add to it. */
let startAfresh = process.env.CUCUMBER_WORKER_ID === undefined;

/**
 * Keeps a load run's figures for the Then steps (loadSeries) and
 * attaches them to the report: as text, as JSON for tools, and as a latency chart (base64, the
 * only form of image the stock HTML report shows).
 */
export function recordLoad(world: MediaNestWorld, title: string, series: LoadSeries[]): void {
  world.attach(describeFigures(series, world.target.kind), { mediaType: 'text/plain', fileName: title });
  world.attach(JSON.stringify({ title, target: world.target.kind, series }), { mediaType: LOAD_MEDIA_TYPE, fileName: `${title} (figures)` });
  world.attach(Buffer.from(latencyChart(title, series)), { mediaType: 'image/svg+xml', fileName: `${title} (chart)` });
  world.notes.load.series = series;
  mkdirSync(dirname(LOAD_FIGURES_FILE), { recursive: true });
  const line = `${JSON.stringify({ scenario: title, series })}\n`;
  if (startAfresh) writeFileSync(LOAD_FIGURES_FILE, line);
  else appendFileSync(LOAD_FIGURES_FILE, line);
  startAfresh = false;
}

/** The series a scenario's load run recorded (one run a scenario), by name. */
export function loadSeries(world: MediaNestWorld, name: string): LoadSeries {
  const found = seriesOf(world).find((series) => series.name === name);
  if (!found) throw new Error(`no load series named ${name} was recorded`);
  return found;
}

/** Every run of the gateway in the scenario, each round included: behaviour holds in every one, not only the best. */
export function gatewayRuns(world: MediaNestWorld): LoadFigures[] {
  return seriesOf(world).filter(({ name }) => name.startsWith('gateway')).flatMap(({ figures, rounds }) => rounds ?? [figures]);
}

function seriesOf(world: MediaNestWorld): LoadSeries[] {
  const { series } = world.notes.load;
  if (!series) throw new Error('no load run was recorded');
  return series;
}
