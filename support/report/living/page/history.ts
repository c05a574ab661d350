import type { HistoryView } from '../history';
import { esc } from '../html';
import type { CapabilityView, ScenarioView } from '../model';
import type { Result } from '../read-run';

const COLOUR: Record<Result, string> = { passed: '#2f855a', failed: '#c53030', skipped: '#b7791f' };

/** The last runs: a trend per capability, flaky scenarios, new failures, recoveries and the slowest. */
export function historySection(history: HistoryView, scenarios: ScenarioView[], capabilities: CapabilityView[]): string {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const name = (id: string) => {
    const scenario = byId.get(id);
    return scenario ? `<a href="#${esc(scenario.key)}">${esc(scenario.title)}</a>` : esc(id.split(' » ').slice(1).join(' — '));
  };
  const runs = history.runs.length;
  if (!runs) return '<h2>History</h2><p>No run has been recorded yet.</p>';
  const trendRows = capabilities
    .filter((capability) => history.capabilities[capability.key])
    .map((capability) => `<tr><td>${esc(capability.title)}</td><td>${trendBars(history.capabilities[capability.key]!)}</td></tr>`)
    .join('');
  const list = (title: string, items: Array<{ id: string; results: Array<Result | null>; why?: string }>, empty: string) =>
    `<h4>${esc(title)} (${items.length})</h4>${items.length ? `<table class="grid"><tbody>${items.map((item) => `<tr><td>${name(item.id)}${item.why ? `<div class="note">${esc(item.why)}</div>` : ''}</td><td style="width:260px">${dots(item.results)}</td></tr>`).join('')}</tbody></table>` : `<p class="note">${esc(empty)}</p>`}`;
  const slowest = history.slowest
    .map((item) => `<tr><td>${name(item.id)}</td><td style="width:110px">${(item.durationMs / 1000).toFixed(1)} s</td><td style="width:260px">${sparkline(item.durations)}</td></tr>`)
    .join('');
  return `<h2>History</h2><p class="narrative">The last ${runs} run${runs === 1 ? '' : 's'} recorded in reports/history.jsonl, oldest on the left.</p>
<h4>Trend per capability</h4><table class="grid"><colgroup><col style="width:34%"><col></colgroup><tbody>${trendRows}</tbody></table>
${list('Flaky: passed only on retry, or changed back and forth', history.flaky, 'No scenario was flaky.')}
${list('New failures', history.newFailures, 'No scenario that passed before fails now.')}
${list('Recovered', history.recovered, 'No scenario that failed before passes now.')}
<h4>Slowest scenarios</h4><table class="grid"><tbody>${slowest}</tbody></table>`;
}

function trendBars(runs: Array<{ passed: number; failed: number; skipped: number } | null>): string {
  const width = 14;
  const height = 28;
  const most = Math.max(1, ...runs.map((run) => (run ? run.passed + run.failed + run.skipped : 0)));
  const bars = runs.map((run, index) => {
    if (!run) return '';
    const x = index * (width + 3);
    const scale = (count: number) => (height * count) / most;
    let y = height;
    return (['passed', 'skipped', 'failed'] as const)
      .map((kind) => {
        const h = scale(run[kind]);
        y -= h;
        return h ? `<rect x="${x}" y="${y.toFixed(1)}" width="${width}" height="${h.toFixed(1)}" fill="${COLOUR[kind]}"><title>${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped</title></rect>` : '';
      })
      .join('');
  });
  return `<svg class="spark" width="${runs.length * (width + 3)}" height="${height}" viewBox="0 0 ${runs.length * (width + 3)} ${height}">${bars.join('')}</svg>`;
}

function dots(results: Array<Result | null>): string {
  return `<svg class="spark" width="${results.length * 12}" height="12">${results
    .map((result, index) => (result ? `<circle cx="${index * 12 + 6}" cy="6" r="5" fill="${COLOUR[result]}"><title>${result}</title></circle>` : `<circle cx="${index * 12 + 6}" cy="6" r="2" fill="#cbd5e0"/>`))
    .join('')}</svg>`;
}

function sparkline(durations: Array<number | null>): string {
  const known = durations.filter((value): value is number => value !== null);
  const most = Math.max(1, ...known);
  const points = durations.flatMap((value, index) => (value === null ? [] : [`${index * 12 + 6},${(22 - (20 * value) / most).toFixed(1)}`]));
  return `<svg class="spark" width="${durations.length * 12}" height="24"><polyline points="${points.join(' ')}" fill="none" stroke="#2b6cb0" stroke-width="1.6"/>${points.map((point) => `<circle cx="${point.split(',')[0]}" cy="${point.split(',')[1]}" r="2" fill="#2b6cb0"/>`).join('')}</svg>`;
}
