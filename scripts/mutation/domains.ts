import { readdirSync } from 'node:fs';

/**
 * The domains of `npm run mutation -- <domain>`: the folders of gateway/src, and "core" for the
 * files directly in it (main.ts aside: the embedded target never runs it). Each has a time budget
 * on two shared cores, from the measured runs in gateway/MUTATION.md; a run over budget says so.
 */
export const SOURCE = 'gateway/src';

const BUDGET_MINUTES: Record<string, number> = {
  auth: 25,
  'media-requests': 30,
};
const DEFAULT_BUDGET_MINUTES = 20;

export function domains(): string[] {
  const folders = readdirSync(SOURCE, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  return ['core', ...folders.sort()];
}

/** Stryker's --mutate patterns for a domain. */
export function mutatePatterns(domain: string): string[] {
  return domain === 'core' ? [`${SOURCE}/*.ts`, `!${SOURCE}/main.ts`] : [`${SOURCE}/${domain}/**/*.ts`, `!${SOURCE}/${domain}/**/*.d.ts`];
}

export function budgetMinutes(selected: string[]): number {
  return selected.reduce((sum, domain) => sum + (BUDGET_MINUTES[domain] ?? DEFAULT_BUDGET_MINUTES), 0);
}
