import type { CoverageState } from '../api-coverage';
import { esc } from '../html';
import type { ScenarioView } from '../model';

/** Every operation of the contract and every status it declares, with the scenarios that reached it. */
export function coverageSection(state: CoverageState, scenarios: ScenarioView[]): string {
  const heading = '<h2>API coverage</h2><p class="narrative">Every operation the contract declares, each status it may answer, and the scenarios that saw it answered so.</p>';
  if (state.kind === 'absent') return `${heading}<div class="banner">${esc(state.why)}</div>`;
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const link = (id: string) => {
    const scenario = byId.get(id);
    return scenario ? `<a href="#${esc(scenario.key)}">${esc(scenario.title)}</a>` : esc(id);
  };
  const { coverage, figures } = state;
  const rows = coverage.operations
    .map((operation) => {
      const statuses = operation.statuses
        .map((status) => `<div><span class="op-status ${status.exchanges ? 'hit' : 'miss'}">${esc(status.status)}</span>${status.exchanges ? `${status.exchanges} exchange${status.exchanges === 1 ? '' : 's'}: ${[...new Set(status.scenarios)].slice(0, 8).map(link).join(', ')}${status.scenarios.length > 8 ? ` and ${status.scenarios.length - 8} more` : ''}` : '<span class="note">no scenario reached it</span>'}</div>`)
        .join('');
      return `<tr><td class="path">${esc(operation.method.toUpperCase())} ${esc(operation.path)}<div class="note">${esc(operation.operationId)}</div></td><td>${statuses}</td></tr>`;
    })
    .join('');
  const unreached = coverage.operations.flatMap((operation) =>
    operation.statuses.filter((status) => !status.exchanges).map((status) => `<li><span class="path">${esc(operation.method.toUpperCase())} ${esc(operation.path)}</span> → ${esc(status.status)}</li>`),
  );
  const list = (title: string, items: unknown[]) =>
    items.length ? `<h4>${esc(title)} (${items.length})</h4><ul>${items.map((item) => `<li class="path">${esc(typeof item === 'string' ? item : JSON.stringify(item))}</li>`).join('')}</ul>` : '';
  return `${heading}<div class="totals"><div class="total"><b>${figures.operationsReached} / ${figures.operations}</b><span>operations reached</span></div><div class="total"><b>${figures.statusesReached} / ${figures.statuses}</b><span>declared statuses seen (the generic 500 aside)</span></div></div>
<table class="grid coverage"><colgroup><col style="width:34%"><col></colgroup><thead><tr><th>Operation</th><th>Statuses and the scenarios that saw them</th></tr></thead><tbody>${rows}</tbody></table>
<h4>Not reached by any scenario (${unreached.length})</h4>${unreached.length ? `<ul>${unreached.join('')}</ul>` : '<p>Every declared status was seen.</p>'}
${list('Calls outside the contract', coverage.outOfContract)}${list('Calls that matched no operation', coverage.unmatched)}${list('Answers that broke the contract', coverage.violations)}`;
}
