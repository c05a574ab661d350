import { latencyChart } from '../../latency-chart';
import { esc } from '../html';
import type { ScenarioRun } from '../read-run';

/** A load scenario's figures and checks as tables, and its latency chart drawn inline. */
export function loadSection(run: ScenarioRun): string {
  if (!run.loads.length && !run.loadChecks.length && !run.charts.length) return '';
  const tables = run.loads.map(
    (load) => `<h4>${esc(load.title)}${load.target ? ` <span class="note">(${esc(load.target)} target)</span>` : ''}</h4>
<table class="grid"><thead><tr><th>Measured</th><th>req/s</th><th>p50</th><th>p90</th><th>p97.5</th><th>p99</th><th>max</th><th>errors</th><th>answers by status</th></tr></thead><tbody>${load.series
      .map(({ name, figures }) => {
        const latency = figures?.latencyMs ?? {};
        const statuses = Object.entries(figures?.statuses ?? {}).map(([status, count]) => `${status}: ${count}`).join(', ');
        return `<tr><td>${esc(name)}</td><td>${esc(figures?.requestsPerSecond)}</td><td>${esc(latency.p50)} ms</td><td>${esc(latency.p90)} ms</td><td>${esc(latency.p97_5)} ms</td><td>${esc(latency.p99)} ms</td><td>${esc(latency.max)} ms</td><td>${esc((figures?.errors ?? 0) + (figures?.timeouts ?? 0))}</td><td>${esc(statuses)}</td></tr>`;
      })
      .join('')}</tbody></table>
<div class="load">${safeChart(() => latencyChart(load.title, load.series))}</div>`,
  );
  const checks = run.loadChecks.length
    ? `<h4>Checks</h4><table class="grid"><thead><tr><th>Check</th><th>Measured</th><th>Threshold</th><th>Result</th></tr></thead><tbody>${run.loadChecks
        .map((check) => `<tr><td>${esc(check.check)}</td><td>${esc(check.measured)} ${esc(check.unit)}</td><td>${esc(check.threshold)} ${esc(check.unit)}</td><td>${check.passed ? '<span class="pass-word">passed</span>' : '<span class="fail-word">failed</span>'}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  // Without structured figures, the charts the scenario attached (our own SVG) stand in.
  const charts = run.loads.length ? '' : run.charts.map((chart) => `<h4>${esc(chart.name)}</h4><div class="load">${stripScripts(chart.svg)}</div>`).join('');
  return `<section class="load-figures">${tables.join('')}${checks}${charts}</section>`;
}

function safeChart(draw: () => string): string {
  try {
    return draw();
  } catch {
    return '<p class="note">The figures could not be drawn.</p>';
  }
}

function stripScripts(svg: string): string {
  return svg.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/<\?xml[^>]*>/, '');
}
