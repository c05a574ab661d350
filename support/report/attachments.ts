import { byTime, type ClippedBody, type Evidence } from './evidence';

/** Bodies in the stock report's text attachments are shorter than in the evidence. */
const TEXT_LIMIT = 1500;

/** The scenario's calls to the gateway, as text for the stock report (already masked). */
export function describeExchanges({ exchanges }: Evidence): string {
  return exchanges
    .map(({ actor, method, path, status, ms, at, request, response }) => {
      const sent = request.body ? `\n    ${clip(request.body)}` : '';
      const received = response.body ? `\n    ${clip(response.body)}` : '';
      return `${seconds(at)} ${actor}  →  ${method} ${path}${sent}\n  ←  ${status}  (${ms.toFixed(1)} ms)${received}`;
    })
    .join('\n\n');
}

/** What crossed to each upstream and back live, merged in time order on the scenario clock, with moved time shown. */
export function describeTimeline({ upstream, live, moves }: Evidence): string {
  const lines = [
    ...upstream.map((call) => ({ at: call.at, t: call.t, line: `gateway → ${call.service.padEnd(11)} ${call.method} ${call.path}` })),
    ...live.map((message) => ({ at: message.at, t: message.t, line: `${message.actor} ⇠ ${message.channel} ${message.type}` })),
    ...moves.map((move) => ({ at: move.at, t: move.t, line: `⏩ ${duration(move.ms)} pass on the scenario clock` })),
  ].sort(byTime);
  if (!upstream.length && !live.length) lines.unshift({ at: 0, t: 0, line: 'The gateway called no upstream in this scenario.' });
  return lines.map(({ at, line }) => `${seconds(at)} ${line}`).join('\n');
}

function seconds(ms: number): string {
  return `+${(ms / 1000).toFixed(3)} s`.padEnd(11);
}

/** "10 s", "25 h", "1.5 min": how long a move of the clock was, in words a reader scans. */
export function duration(ms: number): string {
  if (ms >= 3_600_000) return `${+(ms / 3_600_000).toFixed(2)} h`;
  if (ms >= 60_000) return `${+(ms / 60_000).toFixed(2)} min`;
  if (ms >= 1000) return `${+(ms / 1000).toFixed(2)} s`;
  return `${Math.round(ms)} ms`;
}

function clip(body: ClippedBody): string {
  return body.size > TEXT_LIMIT ? `${body.text.slice(0, TEXT_LIMIT)} … (${body.size} characters)` : body.text;
}
