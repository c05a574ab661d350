import { readdirSync } from 'node:fs';

/**
 * The domains of `npm run mutation -- <domain>`: the folders of gateway/src, "core" for the
 * files directly in it (main.ts aside: the embedded target never runs it), and "shared-stores" for
 * the files that run only when the gateway has DATABASE_URL and REDIS_URL (SHARED_STORES), which
 * leave their folders' domains. Each is mutated by a Stryker run of its own with its own
 * incremental baseline and Cucumber profile, and has a time budget on two shared cores
 * (gateway/MUTATION.md has the measured times); a run over budget says so.
 */
export const SOURCE = 'gateway/src';
export const BASELINES = 'gateway/mutation-baseline';

/**
 * Code that runs only on PostgreSQL and Redis: the embedded target never reaches it, so its domain
 * runs the cluster's scenarios on the cluster's in-process variant (the `mutation-shared-stores`
 * profile). A folder all of whose files are here (redis/) is no domain of its own.
 */
export const SHARED_STORES = [
  `${SOURCE}/redis/event-relay.ts`,
  `${SOURCE}/redis/shared-redis.ts`,
  `${SOURCE}/store/postgres.ts`,
  `${SOURCE}/library/shared-cache.ts`,
  `${SOURCE}/http/rate-limit-store.ts`,
];
const SHARED_STORES_DOMAIN = 'shared-stores';

/** The Cucumber profile (cucumber.js) each domain's scenarios run with. */
const PROFILES: Record<string, string> = { [SHARED_STORES_DOMAIN]: 'mutation-shared-stores' };
const DEFAULT_PROFILE = 'mutation';

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
  [SHARED_STORES_DOMAIN]: ['cluster'],
};

export function domains(): string[] {
  const folders = readdirSync(SOURCE, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const sharedAll = (folder: string) => {
    const files = readdirSync(`${SOURCE}/${folder}`, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
    return files.every((file) => SHARED_STORES.includes(`${SOURCE}/${folder}/${file}`));
  };
  return ['core', ...folders.filter((folder) => !sharedAll(folder)).sort(), SHARED_STORES_DOMAIN];
}

/** Stryker's --mutate patterns for a domain: its files, less those of shared-stores. */
export function mutatePatterns(domain: string): string[] {
  if (domain === SHARED_STORES_DOMAIN) return SHARED_STORES;
  const folder = domain === 'core' ? [`${SOURCE}/*.ts`, `!${SOURCE}/main.ts`] : [`${SOURCE}/${domain}/**/*.ts`];
  const moved = SHARED_STORES.filter((file) => selects(folder, file)).map((file) => `!${file}`);
  return [...folder, ...moved];
}

/** Whether Stryker's --mutate patterns (globs with `*` and `**`, `!` excluding) select a file. */
export function selects(patterns: string[], file: string): boolean {
  let selected = false;
  for (const pattern of patterns) {
    const excluding = pattern.startsWith('!');
    if (globToRegExp(excluding ? pattern.slice(1) : pattern).test(file)) selected = !excluding;
  }
  return selected;
}

function globToRegExp(glob: string): RegExp {
  const parts = glob.split(/(\*\*\/|\*)/).map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('')}$`);
}

/**
 * Whether a domain's baseline speaks for a file: the domain exists and mutates the file now. A
 * baseline may still hold a file that has since moved to another domain, or a domain gone.
 */
export function owns(domain: string, file: string): boolean {
  return domains().includes(domain) && selects(mutatePatterns(domain), file);
}

/** The profile of cucumber.js Stryker runs for a domain's mutants. */
export function cucumberProfile(domain: string): string {
  return PROFILES[domain] ?? DEFAULT_PROFILE;
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
