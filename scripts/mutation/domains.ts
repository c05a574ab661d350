import { readdirSync } from 'node:fs';

/**
 * The domains of `npm run mutation -- <domain>`: the folders of gateway/src, and "core" for the
 * files directly in it (main.ts aside: the embedded target never runs it). Each is mutated by a
 * Stryker run of its own with its own incremental baseline, and has a time budget on two shared
 * cores (gateway/MUTATION.md has the measured times); a run over budget says so.
 */
export const SOURCE = 'gateway/src';
export const BASELINES = 'gateway/mutation-baseline';

const BUDGET_MINUTES: Record<string, number> = { auth: 120, 'media-requests': 120 };
const DEFAULT_BUDGET_MINUTES = 60;

/** The feature folders whose scenarios are about a domain: they run first against its mutants. */
const SCENARIOS_FIRST: Record<string, string[]> = {
  auth: ['authentication'],
  'media-requests': ['media-requests'],
  webhooks: ['media-requests'],
  downloads: ['downloads'],
  realtime: ['realtime'],
  resilience: ['resilience'],
  upstreams: ['resilience'],
  library: ['library'],
  monitoring: ['monitoring'],
  health: ['monitoring'],
  http: ['contract', 'security'],
  core: ['configuration'],
};

export function domains(): string[] {
  const folders = readdirSync(SOURCE, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return ['core', ...folders.sort()];
}

/** Stryker's --mutate patterns for a domain. */
export function mutatePatterns(domain: string): string[] {
  return domain === 'core' ? [`${SOURCE}/*.ts`, `!${SOURCE}/main.ts`] : [`${SOURCE}/${domain}/**/*.ts`];
}

export function baselineFile(domain: string): string {
  return `${BASELINES}/${domain}.json`;
}

/**
 * Every route's declaration (its schemas, access, refusals) runs in every scenario, since each
 * builds a gateway; the published-contract scenario compares the whole OpenAPI document, so it
 * runs first and settles a changed declaration in one scenario instead of after hundreds.
 */
const ALWAYS_FIRST = 'features/contract/the_published_contract.feature';

export function scenariosFirst(domain: string): string {
  return [ALWAYS_FIRST, ...(SCENARIOS_FIRST[domain] ?? []).map((folder) => `features/${folder}/`)].join(',');
}

export function budgetMinutes(domain: string): number {
  return BUDGET_MINUTES[domain] ?? DEFAULT_BUDGET_MINUTES;
}
