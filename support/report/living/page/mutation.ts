import type { MutationScoreState } from '../../mutation-scores';
import { esc } from '../html';

const GOAL_DOMAINS = new Set(['auth', 'media-requests', 'resilience', 'downloads', 'realtime']);

/**
 * Detection power: how many of Stryker's deliberate breakages of the gateway the scenarios
 * noticed, per domain of gateway/src (reports/mutation/mutation.json, npm run mutation).
 */
export function mutationSection(state: MutationScoreState): string {
  const heading = '<h2>Detection power</h2><p class="narrative">Stryker breaks the gateway on purpose, one small change at a time (a mutant), and runs the scenarios that reach the changed code: a mutant a scenario notices is detected. The score is the share detected, per folder of the gateway. Goals: 85% overall, 90% in auth, media-requests, resilience, downloads and realtime.</p>';
  if (state.kind === 'absent') return `${heading}<div class="banner">${esc(state.why)}</div>`;
  const all = state.scores.find((score) => score.domain === 'all')!;
  const rows = state.scores
    .filter((score) => score.domain !== 'all')
    .map((score) => {
      const goal = GOAL_DOMAINS.has(score.domain) ? 90 : 85;
      const shown = score.score === null ? '–' : `${score.score.toFixed(2)}%`;
      const met = score.score !== null && score.score >= goal;
      return `<tr data-mutation-domain="${esc(score.domain)}"><td>${esc(score.domain)}</td><td class="${met ? 'passed' : 'failed'}">${shown}</td><td>${goal}%</td><td>${score.detected}</td><td>${score.undetected}</td><td>${score.ignored}</td></tr>`;
    })
    .join('');
  return `${heading}<div class="totals"><div class="total" data-mutation-total><b>${all.score === null ? '–' : `${all.score.toFixed(2)}%`}</b><span>of ${all.detected + all.undetected} mutants detected</span></div></div>
<table class="grid"><thead><tr><th>Domain (gateway/src)</th><th>Score</th><th>Goal</th><th>Detected</th><th>Not detected</th><th>Not counted (static, log text)</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">Every mutant no scenario noticed is listed with its reason in gateway/MUTATION.md.</p>`;
}

/** The overall score on the home page, linking to the detection power page; nothing without a report. */
export function mutationTotal(state: MutationScoreState): string {
  if (state.kind === 'absent') return '';
  const all = state.scores.find((score) => score.domain === 'all')!;
  return `<div class="totals"><a class="total" href="#detection-power" data-mutation-home><b>${all.score === null ? '–' : `${all.score.toFixed(2)}%`}</b><span>of deliberate breakages detected (mutation score)</span></a></div>`;
}
