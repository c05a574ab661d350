import type { HttpExchange } from '../drivers/http';
import type { FakeUpstream } from '../upstreams/fake-upstream';

const BODY_LIMIT = 1500;

/** The scenario's calls to the gateway, as a reader of the living documentation wants them. */
export function describeExchanges(exchanges: HttpExchange[]): string {
  return exchanges
    .map(({ actor, request, response, durationMs }) => {
      const sent = request.body === undefined ? '' : `\n    ${clip(typeof request.body === 'string' ? request.body : JSON.stringify(request.body))}`;
      const received = response.text ? `\n    ${clip(response.text)}` : '';
      return `${actor}  →  ${request.method} ${request.path}${sent}\n  ←  ${response.status}  (${durationMs.toFixed(1)} ms)${received}`;
    })
    .join('\n\n');
}

/** What crossed from the gateway to each upstream, merged in time order. */
export function describeTimeline(fakes: FakeUpstream[], startedAt: number): string {
  const lines = fakes
    .flatMap((fake) => fake.journal.entries.map((entry) => ({ fake: fake.name, entry })))
    .sort((a, b) => a.entry.at - b.entry.at)
    .map(({ fake, entry }) => {
      const query = new URLSearchParams(entry.query).toString();
      const at = `+${((entry.at - startedAt) / 1000).toFixed(3)} s`.padEnd(11);
      return `${at} gateway → ${fake.padEnd(11)} ${entry.method} ${entry.path}${query ? `?${query}` : ''}`;
    });
  return lines.length ? lines.join('\n') : 'The gateway called no upstream in this scenario.';
}

function clip(text: string): string {
  return text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)} … (${text.length} characters)` : text;
}
