import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MediaNestWorld } from '../world';
import { latencyChart } from '../report/latency-chart';
import { describeFigures } from './describe';
import type { LoadFigures } from './driver';

/** The figures of the last run's load scenarios, one JSON line each, for `npm run bench` and people. */
export const LOAD_FIGURES_FILE = join(__dirname, '..', '..', 'reports', 'load-figures.ndjson');

/** A serial run starts the file afresh with its first figures; parallel workers can only add to it. */
let startAfresh = process.env.CUCUMBER_WORKER_ID === undefined;

/** Keeps a load run's figures for the Then steps and attaches them, with a latency chart, to the report. */
export function recordLoad(world: MediaNestWorld, title: string, series: Array<{ name: string; figures: LoadFigures }>): void {
  world.attach(describeFigures(series, world.target.kind), { mediaType: 'text/plain', fileName: title });
  // A Buffer is attached base64-encoded: Cucumber's HTML report shows an SVG only then.
  world.attach(Buffer.from(latencyChart(title, series)), { mediaType: 'image/svg+xml', fileName: `${title} (chart)` });
  for (const { name, figures } of series) world.remember(`load: ${name}`, figures);
  mkdirSync(dirname(LOAD_FIGURES_FILE), { recursive: true });
  const line = `${JSON.stringify({ scenario: title, series })}\n`;
  if (startAfresh) writeFileSync(LOAD_FIGURES_FILE, line);
  else appendFileSync(LOAD_FIGURES_FILE, line);
  startAfresh = false;
}
