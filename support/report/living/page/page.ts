import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence } from '../../evidence';
import { MASK, Masker } from '../../mask';
import type { MutationScoreState } from '../../mutation-scores';
import type { CoverageState } from '../api-coverage';
import type { HistoryView } from '../history';
import { esc } from '../html';
import type { CapabilityView, Counts, ScenarioView } from '../model';
import type { RunResults } from '../read-run';
import { compactEvidence, scriptJson } from './compact';
import { coverageSection } from './coverage';
import { historySection } from './history';
import { loadSection } from './load';
import { mutationSection, mutationTotal } from './mutation';
import { STYLES } from './styles';

export interface RunMeta {
  time: string;
  commit: string;
  profile: string;
  target: string;
}

export interface PageInput {
  capabilities: CapabilityView[];
  run: RunResults;
  meta: RunMeta;
  history: HistoryView;
  coverage: CoverageState;
  mutation: MutationScoreState;
}

/** Tags that steer how the suite runs: searchable, never shown to readers. */
const TECHNICAL_TAG = /^@(fresh-gateway|embedded-only|wip|smoke|load|downloads|auth|media-requests|library|realtime|monitoring|resilience|rate-limiting|security)$/;

const CLIENT = readFileSync(join(__dirname, 'client.js'), 'utf8');
const TAG_EXPRESSIONS = readFileSync(require.resolve('@cucumber/tag-expressions'), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, '');

/** The whole living documentation as one self-contained HTML file. */
export function renderPage(input: PageInput): string {
  const { capabilities, run, meta } = input;
  const all = capabilities.flatMap((capability) => capability.features.flatMap((feature) => feature.scenarios));
  const totals = sum(capabilities.map((capability) => capability.counts));
  const data = compactEvidence(all.flatMap((scenario) => (scenario.run?.evidence ? [[scenario.key, scenario.run.evidence] as [string, Evidence]] : [])));
  const verdict = !run.finished
    ? '<span class="verdict cut">did not finish</span>'
    : totals.failed
      ? `<span class="verdict bad">${totals.failed} failed</span>`
      : totals.passed
        ? '<span class="verdict ok">all passed</span>'
        : '<span class="verdict cut">nothing ran</span>';
  const body = `<header class="top"><h1>MediaNest — what the gateway does, proven ${verdict}</h1>
<div class="run">Run of ${esc(formatTime(meta.time))} · profile ${esc(meta.profile)} · ${esc(meta.target)} gateway · commit ${esc(meta.commit)}${run.durationMs !== undefined ? ` · ${esc(formatDuration(run.durationMs))}` : ''}</div></header>
<nav class="bar"><a href="#" data-nav="home">Capabilities</a><a href="#api-coverage" data-nav="api-coverage">API coverage</a><a href="#detection-power" data-nav="detection-power">Detection power</a><a href="#history" data-nav="history">History</a>
<span class="search"><input id="search" type="search" placeholder="Search words, or tags: @critical-path and not @downloads" aria-label="Search scenarios"><span id="search-count"></span></span></nav>
<main>
${run.finished ? '' : '<div class="banner"><b>This run did not finish.</b> The messages end before the run did (it crashed or was stopped): what is shown is what happened until then.</div>'}
<section data-view="home">${home(capabilities, totals)}${mutationTotal(input.mutation)}</section>
${capabilities.map(capabilityPage).join('\n')}
<section data-view="api-coverage">${coverageSection(input.coverage, all)}</section>
<section data-view="detection-power">${mutationSection(input.mutation)}</section>
<section data-view="history">${historySection(input.history, all, capabilities)}</section>
</main>
<footer>Built from the run's Cucumber messages. Credentials are shown as ${MASK}.</footer>
<script type="application/json" id="living-data">${scriptJson(data)}</script>
<script>var TagExpressions=(function(){var module={exports:{}};var exports=module.exports;${TAG_EXPRESSIONS}
return module.exports;})();</script>
<script>${CLIENT}</script>`;
  // Failure messages come from assertions: a JWT or bearer value in one is masked here as well.
  const masker = new Masker();
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>MediaNest living documentation</title><style>${STYLES}</style></head><body>${masker.text(body)}</body></html>`;
}

function home(capabilities: CapabilityView[], totals: Counts): string {
  const cards = capabilities
    .map(
      (capability) => `<a class="card" href="#${esc(capability.key)}" data-capability="${esc(capability.key)}">
<h2>${esc(capability.title)}</h2><p>${esc(capability.narrative[0] ?? '')}</p>${bar(capability.counts)}${figures(capability.counts)}</a>`,
    )
    .join('\n');
  return `<div class="totals">${[
    ['specified', 'Scenarios specified', totals.specified],
    ['passed', 'Passed', totals.passed],
    ['failed', 'Failed', totals.failed],
    ['skipped', 'Skipped', totals.skipped],
    ['notrun', 'Not run', totals.notRun],
  ]
    .map(([kind, label, count]) => `<div class="total ${kind}" data-total="${kind}"><b>${count}</b><span>${label}</span></div>`)
    .join('')}</div><div class="cards">${cards}</div>`;
}

function bar(counts: Counts): string {
  const share = (count: number) => (counts.specified ? (100 * count) / counts.specified : 0).toFixed(2);
  return `<div class="bar-track" title="${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.notRun} not run"><i class="p" style="width:${share(counts.passed)}%"></i><i class="f" style="width:${share(counts.failed)}%"></i><i class="s" style="width:${share(counts.skipped)}%"></i><i class="n" style="width:${share(counts.notRun)}%"></i></div>`;
}

function figures(counts: Counts): string {
  return `<div class="figures"><span data-count="specified"><b>${counts.specified}</b> specified</span><span class="passed" data-count="passed"><b>${counts.passed}</b> passed</span><span class="failed" data-count="failed"><b>${counts.failed}</b> failed</span><span data-count="skipped"><b>${counts.skipped}</b> skipped</span><span data-count="notRun"><b>${counts.notRun}</b> not run</span></div>`;
}

function capabilityPage(capability: CapabilityView): string {
  const features = capability.features
    .map((feature) => {
      const loose = feature.scenarios.filter((scenario) => !scenario.rule);
      const rules = [...new Set(feature.scenarios.flatMap((scenario) => (scenario.rule ? [scenario.rule.name] : [])))];
      const ruleBlocks = rules.map((name) => {
        const scenarios = feature.scenarios.filter((scenario) => scenario.rule?.name === name);
        return `<div class="rule"><h4>${esc(name)}</h4>${paragraphs(scenarios[0]!.rule!.description)}${scenarios.map(scenarioRow).join('')}</div>`;
      });
      return `<article class="feature" id="${esc(feature.key)}"><h3>${esc(feature.name)}</h3>${paragraphs(feature.description)}${loose.map(scenarioRow).join('')}${ruleBlocks.join('')}</article>`;
    })
    .join('\n');
  return `<section class="capability-page" data-view="${esc(capability.key)}"><h2>${esc(capability.title)}</h2>
<div class="narrative">${capability.narrative.map((paragraph) => `<p>${esc(paragraph)}</p>`).join('')}</div>${figures(capability.counts)}${features}</section>`;
}

const BADGE: Record<ScenarioView['status'], string> = { passed: '✓ passed', failed: '✗ failed', skipped: '– skipped', 'not run': 'not run' };

function scenarioRow(scenario: ScenarioView): string {
  const run = scenario.run;
  const statusClass = scenario.status === 'not run' ? 'notrun' : scenario.status;
  const search = [scenario.title, scenario.feature, scenario.rule?.name ?? '', ...scenario.steps, ...scenario.tags].join(' ').toLowerCase();
  const chips = scenario.tags.filter((tag) => tag === '@critical-path').map(() => '<span class="chip">critical path</span>');
  const meta = run
    ? `${formatDuration(run.durationMs)}${run.attempts > 1 ? ` · ${run.result === 'passed' ? 'passed' : 'ran'} on attempt ${run.attempts}` : ''}`
    : '';
  const steps = run?.steps.length ? run.steps : scenario.steps.map((text) => ({ text, result: undefined, detail: undefined }));
  const body = `<ol class="steps">${steps
    .map((step) => `<li class="${step.result ?? ''}">${esc(step.text)}${step.detail ? `<span class="detail">${esc(step.detail)}</span>` : ''}</li>`)
    .join('')}</ol>${
    scenario.status === 'not run' ? `<p class="not-run-note">Not run in this run: left out by the profile's tags (${esc(scenario.tags.filter((tag) => TECHNICAL_TAG.test(tag)).join(', ') || 'none of its own')}), the target, or the files named.</p>` : ''
  }${run?.failure ? failureBox(run.failure) : ''}${run ? loadSection(run) : ''}${run?.evidence ? `<div class="evidence" data-key="${esc(scenario.key)}"></div>` : ''}`;
  return `<details class="scenario" id="${esc(scenario.key)}" data-status="${statusClass}" data-tags="${esc(scenario.tags.join(' '))}" data-search="${esc(search)}"><summary><span class="badge ${statusClass}">${BADGE[scenario.status]}</span><span class="title">${esc(scenario.title)}${chips.join('')}</span><span class="meta">${esc(meta)}</span></summary><div class="scenario-body">${body}</div></details>`;
}

/** The assertion's own sentence first; the comparison Node printed under it stays one click away. */
function failureBox(failure: string): string {
  const [headline, ...rest] = failure.split('\n');
  const details = rest.join('\n').trim();
  return `<h4>Why it failed</h4><div class="failure"><b>${esc(headline)}</b>${details ? `<details><summary>The comparison in full</summary><pre>${esc(details)}</pre></details>` : ''}</div>`;
}

function paragraphs(text: string): string {
  const parts = text.split(/\n\s*\n/).map((part) => part.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return parts.length ? `<div class="description">${parts.map((part) => `<p>${esc(part)}</p>`).join('')}</div>` : '';
}

function sum(all: Counts[]): Counts {
  return all.reduce((total, counts) => ({
    specified: total.specified + counts.specified,
    passed: total.passed + counts.passed,
    failed: total.failed + counts.failed,
    skipped: total.skipped + counts.skipped,
    notRun: total.notRun + counts.notRun,
  }), { specified: 0, passed: 0, failed: 0, skipped: 0, notRun: 0 });
}

export function formatDuration(ms: number): string {
  if (ms >= 60_000) return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms)} ms`;
}

function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

