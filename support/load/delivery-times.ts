import { cpus } from 'node:os';

/** How long each of many receivers took to get what was sent to all of them, summarised. */
export interface DeliveryTimes {
  receivers: number;
  p50: number;
  p90: number;
  p99: number;
  min: number;
  max: number;
  /** From the first receiver served to the last. */
  spread: number;
  /** Every receiver's time, fastest first, for the chart. */
  sorted: number[];
}

/** Nearest-rank percentiles of real-time samples (ms), rounded to a tenth of a millisecond. */
export function deliveryTimes(samplesMs: number[]): DeliveryTimes {
  if (!samplesMs.length) throw new Error('no delivery was timed');
  const sorted = [...samplesMs].sort((a, b) => a - b).map(tenth);
  const rank = (percent: number) => sorted[Math.max(0, Math.ceil((percent / 100) * sorted.length) - 1)]!;
  const [min, max] = [sorted[0]!, sorted.at(-1)!];
  return { receivers: sorted.length, p50: rank(50), p90: rank(90), p99: rank(99), min, max, spread: tenth(max - min), sorted };
}

/** The figures as the report shows them: the machine first, since real-time figures depend on it. */
export function describeDelivery(heading: string, times: DeliveryTimes, notes: string[], target: string): string {
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, target ${target}`;
  return [
    `Machine: ${machine}`,
    '',
    `${heading}:`,
    `  receivers ${times.receivers}`,
    `  p50 ${times.p50} ms, p90 ${times.p90} ms, p99 ${times.p99} ms, max ${times.max} ms`,
    `  first ${times.min} ms, first to last ${times.spread} ms`,
    ...notes.map((note) => `  ${note}`),
  ].join('\n');
}

/** Every receiver's time, fastest to slowest, as an SVG bar per receiver with the percentiles marked. */
export function deliveryChart(title: string, times: DeliveryTimes): string {
  const [width, height, left, top, bottom] = [640, 300, 64, 40, 250];
  const max = Math.max(1, times.max);
  const barWidth = (width - left - 20) / times.sorted.length;
  const y = (ms: number) => bottom - ((bottom - top) * ms) / max;
  const bars = times.sorted.map(
    (ms, i) => `<rect x="${(left + i * barWidth).toFixed(1)}" y="${y(ms).toFixed(1)}" width="${Math.max(0.5, barWidth - 0.5).toFixed(1)}" height="${(bottom - y(ms)).toFixed(1)}" fill="#2b6cb0"/>`,
  );
  // p50 labelled on the left, p99 on the right, so the two never overlap when they are close
  const marks = (['p50', 'p99'] as const).map(
    (name, i) =>
      `<line x1="${left}" y1="${y(times[name]).toFixed(1)}" x2="${width - 10}" y2="${y(times[name]).toFixed(1)}" stroke="#dd6b20" stroke-dasharray="4 3"/>` +
      `<text x="${i ? width - 12 : left + 4}" y="${(y(times[name]) - 3).toFixed(1)}" text-anchor="${i ? 'end' : 'start'}" font-size="10" fill="#dd6b20">${name} ${times[name]} ms</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    `<title>${escape(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${left}" y="22" font-size="12">${escape(title)}: ${times.receivers} receivers, fastest to slowest</text>`,
    ...bars,
    ...marks,
    `<line x1="${left}" y1="${bottom}" x2="${width - 10}" y2="${bottom}" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#333"/>`,
    `<text x="${left - 8}" y="${top + 4}" text-anchor="end" font-size="11">${times.max} ms</text>`,
    `<text x="${left - 8}" y="${bottom}" text-anchor="end" font-size="11">0</text>`,
    `<text x="14" y="${(top + bottom) / 2}" font-size="11" transform="rotate(-90 14 ${(top + bottom) / 2})">time (ms)</text>`,
    '</svg>',
  ].join('');
}

const tenth = (ms: number) => Math.round(ms * 10) / 10;

function escape(text: string): string {
  return text.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
