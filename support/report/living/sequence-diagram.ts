import { duration } from '../attachments';
import { byTime, type Evidence, type Service } from '../evidence';
import { clockLabel, esc } from './html';

const SERVICES: Service[] = ['plex.tv', 'Plex', 'Overseerr', 'Uptime Kuma', 'yt-dlp'];
const GATEWAY = 'gateway';
const ROW = 24;
const LANE = 150;
const TIME_COLUMN = 96;
const TOP = 40;
/** A diagram past this many rows says how many it left out, so one busy scenario cannot swell the page. */
const MAX_ROWS = 150;

type Row =
  | { kind: 'arrow'; at: number; t: number; from: string; to: string; label: string; dashed?: boolean; tone?: 'error' | 'live' | 'upstream' | 'answer' }
  | { kind: 'move'; at: number; t: number; ms: number };

/**
 * What crossed between the people, the gateway and the upstreams, as an inline SVG sequence diagram
 * on the scenario clock: one row per event in time order, the clock's reading in the left column,
 * and a band where time was moved ("10 s pass"), so silences and days passing are visible.
 */
export function sequenceDiagram(evidence: Evidence): string {
  const rows = rowsOf(evidence);
  if (!rows.length) return '';
  const people = [...new Set(rows.flatMap((row) => (row.kind === 'arrow' ? [row.from, row.to] : [])))].filter((lane) => lane !== GATEWAY && !SERVICES.includes(lane as Service));
  const services = SERVICES.filter((service) => rows.some((row) => row.kind === 'arrow' && (row.from === service || row.to === service)));
  const lanes = [...people, GATEWAY, ...services];
  const x = (lane: string) => TIME_COLUMN + LANE / 2 + lanes.indexOf(lane) * LANE;
  const shown = rows.slice(0, MAX_ROWS);
  const width = TIME_COLUMN + lanes.length * LANE;
  const height = TOP + shown.length * ROW + (rows.length > MAX_ROWS ? ROW : 0) + 10;
  const parts: string[] = [];
  let lastClock = -1;
  shown.forEach((row, index) => {
    const y = TOP + index * ROW + ROW / 2;
    if (row.kind === 'move') {
      parts.push(
        `<rect class="sd-move" x="${TIME_COLUMN}" y="${y - ROW / 2 + 2}" width="${width - TIME_COLUMN}" height="${ROW - 4}" rx="4"/>`,
        `<text class="sd-move-label" x="${TIME_COLUMN + (width - TIME_COLUMN) / 2}" y="${y + 4}" text-anchor="middle">⏩ ${esc(duration(row.ms))} pass on the scenario clock</text>`,
      );
      return;
    }
    if (row.at !== lastClock) parts.push(`<text class="sd-time" x="6" y="${y + 4}">${esc(clockLabel(row.at))}</text>`);
    lastClock = row.at;
    const x1 = x(row.from);
    const x2 = x(row.to);
    const direction = x2 > x1 ? 1 : -1;
    const span = Math.abs(x2 - x1);
    const label = fit(row.label, Math.max(span, LANE) - 12);
    parts.push(
      `<g class="sd-arrow${row.tone ? ` sd-${row.tone}` : ''}"><title>${esc(`${clockLabel(row.at)}  ${row.from} → ${row.to}: ${row.label}`)}</title>`,
      `<line x1="${x1}" y1="${y + 6}" x2="${x2 - direction * 6}" y2="${y + 6}"${row.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
      `<path d="M${x2} ${y + 6} l${-direction * 7} -4 v8 z"/>`,
      `<text x="${(x1 + x2) / 2}" y="${y + 1}" text-anchor="middle">${esc(label)}</text></g>`,
    );
  });
  if (rows.length > MAX_ROWS) parts.push(`<text class="sd-time" x="${TIME_COLUMN}" y="${TOP + shown.length * ROW + 16}">… and ${rows.length - MAX_ROWS} more events (see the tables below)</text>`);
  const heads = lanes.map(
    (lane) =>
      `<line class="sd-lane" x1="${x(lane)}" y1="${TOP - 8}" x2="${x(lane)}" y2="${height - 4}"/>` +
      `<rect class="sd-head${lane === GATEWAY ? ' sd-gateway' : SERVICES.includes(lane as Service) ? ' sd-service' : ''}" x="${x(lane) - LANE / 2 + 8}" y="4" width="${LANE - 16}" height="24" rx="6"/>` +
      `<text class="sd-head-label" x="${x(lane)}" y="20" text-anchor="middle">${esc(fit(lane, LANE - 24))}</text>`,
  );
  return (
    `<svg class="sequence" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" role="img" aria-label="Sequence diagram on the scenario clock">` +
    `<text class="sd-time" x="6" y="20">scenario clock</text>${heads.join('')}${parts.join('')}</svg>`
  );
}

function rowsOf(evidence: Evidence): Row[] {
  const rows: Row[] = [];
  const clockAfter = (at: number, t: number, later: number) =>
    at + evidence.moves.filter((move) => move.t >= t && move.t <= later).reduce((sum, move) => sum + move.ms, 0);
  for (const exchange of evidence.exchanges) {
    // Overseerr's webhook calls come from Overseerr's own lane.
    const person = exchange.actor;
    rows.push({ kind: 'arrow', at: exchange.at, t: exchange.t, from: person, to: GATEWAY, label: `${exchange.method} ${exchange.path}` });
    const answered = exchange.t + exchange.ms;
    rows.push({
      kind: 'arrow',
      at: clockAfter(exchange.at, exchange.t, answered),
      t: answered,
      from: GATEWAY,
      to: person,
      label: exchange.status ? String(exchange.status) : 'no answer',
      dashed: true,
      tone: exchange.status >= 400 || !exchange.status ? 'error' : 'answer',
    });
  }
  for (const call of evidence.upstream) {
    rows.push({ kind: 'arrow', at: call.at, t: call.t, from: GATEWAY, to: call.service, label: `${call.method} ${call.path}`.trim(), tone: 'upstream' });
  }
  for (const message of evidence.live) {
    rows.push({ kind: 'arrow', at: message.at, t: message.t, from: GATEWAY, to: message.actor, label: `${message.channel === 'SSE' ? 'SSE' : 'WS'} ${message.type}`, dashed: true, tone: 'live' });
  }
  // Steps move the clock in pieces (9 999 ms, then 1 ms): pieces with nothing between them are one move.
  const events = rows.slice().sort(byTime);
  for (const move of evidence.moves.slice().sort(byTime)) {
    const previous = rows.findLast((row) => row.kind === 'move');
    const between = previous && events.some((row) => row.t > previous.t && row.t < move.t);
    if (previous && previous.kind === 'move' && !between) previous.ms += move.ms;
    else rows.push({ kind: 'move', at: move.at, t: move.t, ms: move.ms });
  }
  return rows.sort(byTime);
}

/** Cuts a label to roughly what fits in `pixels` at the diagram's font size. */
function fit(text: string, pixels: number): string {
  const chars = Math.max(6, Math.floor(pixels / 6.4));
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}
