import type { LoadFigures } from '../load/driver';

const PERCENTILES = [
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p97.5', 'p97_5'],
  ['p99', 'p99'],
] as const;
const COLOURS = ['#2b6cb0', '#a0aec0', '#dd6b20', '#38a169'];

/** A grouped bar chart of latency percentiles, one colour per measured series, as an SVG image. */
export function latencyChart(title: string, series: Array<{ name: string; figures: LoadFigures }>): string {
  const width = 640;
  const height = 300;
  const left = 56;
  const bottom = 250;
  const top = 40;
  const max = Math.max(1, ...series.flatMap(({ figures }) => PERCENTILES.map(([, key]) => figures.latencyMs[key])));
  const groupWidth = (width - left - 20) / PERCENTILES.length;
  const barWidth = Math.min(36, (groupWidth - 16) / series.length);
  const y = (ms: number) => bottom - ((bottom - top) * ms) / max;
  const bars = PERCENTILES.flatMap(([label, key], group) => {
    const x0 = left + group * groupWidth + 8;
    return [
      `<text x="${x0 + (barWidth * series.length) / 2}" y="${bottom + 18}" text-anchor="middle" font-size="12">${label}</text>`,
      ...series.map(({ figures }, index) => {
        const value = figures.latencyMs[key];
        const x = x0 + index * barWidth;
        return `<rect x="${x}" y="${y(value)}" width="${barWidth - 2}" height="${bottom - y(value)}" fill="${COLOURS[index % COLOURS.length]}"/>` +
          `<text x="${x + barWidth / 2 - 1}" y="${y(value) - 3}" text-anchor="middle" font-size="10">${value}</text>`;
      }),
    ];
  });
  const legend = series.map(
    ({ name, figures }, index) =>
      `<rect x="${left + index * 200}" y="12" width="12" height="12" fill="${COLOURS[index % COLOURS.length]}"/>` +
      `<text x="${left + index * 200 + 16}" y="22" font-size="12">${escape(name)} (${figures.requestsPerSecond} req/s)</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">`,
    `<title>${escape(title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<line x1="${left}" y1="${bottom}" x2="${width - 10}" y2="${bottom}" stroke="#333"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#333"/>`,
    `<text x="${left - 8}" y="${top + 4}" text-anchor="end" font-size="11">${max} ms</text>`,
    `<text x="${left - 8}" y="${bottom}" text-anchor="end" font-size="11">0</text>`,
    `<text x="14" y="${(top + bottom) / 2}" font-size="11" transform="rotate(-90 14 ${(top + bottom) / 2})">latency (ms)</text>`,
    ...legend,
    ...bars,
    '</svg>',
  ].join('');
}

function escape(text: string): string {
  return text.replace(/[<>&"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
