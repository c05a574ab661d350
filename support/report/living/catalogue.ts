import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Feature, type GherkinDocument, type Rule, type Scenario, type Step, type Tag } from '@cucumber/messages';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The suite's tests of itself (features/suite/) have a card of their own, so the cards add up to the run. */
export const SUITE_ITSELF = 'suite';

export interface CapabilitySpec {
  key: string;
  title: string;
  /** Paragraphs of the folder's README, for product owners. */
  narrative: string[];
}

export interface FeatureSpec {
  uri: string;
  capability: string;
  name: string;
  description: string;
  tags: string[];
}

export interface SpecifiedScenario {
  /** The file, the name and the Examples row: the same in every run (pickle ids are not). */
  id: string;
  uri: string;
  capability: string;
  feature: string;
  rule?: { name: string; description: string };
  /** The name, with an outline's placeholders filled from its Examples row. */
  title: string;
  tags: string[];
  steps: string[];
  line: number;
}

export interface Catalogue {
  capabilities: CapabilitySpec[];
  features: FeatureSpec[];
  scenarios: SpecifiedScenario[];
}

export interface SourceDocument {
  uri: string;
  document: GherkinDocument;
}

export function scenarioId(uri: string, name: string, exampleValues?: readonly string[]): string {
  return exampleValues ? `${uri} » ${name} » ${exampleValues.join(' | ')}` : `${uri} » ${name}`;
}

/**
 * An outline run's title: its placeholders filled from the row; a name without placeholders gets
 * the row's values after it, so two runs never read the same.
 */
export function outlineTitle(name: string, headers: readonly string[], values: readonly string[]): string {
  const filled = name.replace(/<([^>]+)>/g, (whole, header: string) => {
    const index = headers.indexOf(header);
    return index >= 0 ? values[index]! : whole;
  });
  return filled !== name ? filled : `${name} (${headers.map((header, index) => `${header}: ${values[index]}`).join(', ')})`;
}

export function capabilityOf(uri: string): string {
  const normalised = uri.replace(/\\/g, '/');
  return /^features\/([^/]+)\//.exec(normalised)?.[1] ?? 'other';
}

/** Every `.feature` file under `dir` (its uri relative to `root`, as Cucumber names it). */
export function parseFeatures(dir: string, root = process.cwd()): SourceDocument[] {
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(folder, entry.name)) : entry.name.endsWith('.feature') ? [join(folder, entry.name)] : [],
    );
  const parser = new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher());
  return files(dir)
    .sort()
    .map((file) => ({ uri: relative(root, file).replace(/\\/g, '/'), document: parser.parse(readFileSync(file, 'utf8')) }));
}

/** The capability folders' READMEs, by folder name (the suite itself's under SUITE_ITSELF). */
export function readReadmes(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const readmes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name, 'README.md');
    if (entry.isDirectory() && existsSync(file)) readmes[entry.name] = readFileSync(file, 'utf8');
  }
  return readmes;
}

export function buildCatalogue(documents: SourceDocument[], readmes: Record<string, string>): Catalogue {
  const features: FeatureSpec[] = [];
  const scenarios: SpecifiedScenario[] = [];
  for (const { uri, document } of documents) {
    const feature = document.feature;
    if (!feature) continue;
    const capability = capabilityOf(uri);
    features.push({ uri, capability, name: feature.name, description: tidy(feature.description), tags: names(feature.tags) });
    const add = (scenario: Scenario, rule?: Rule) => scenarios.push(...specify(uri, capability, feature, scenario, rule));
    for (const child of feature.children) {
      if (child.scenario) add(child.scenario);
      for (const ruleChild of child.rule?.children ?? []) if (ruleChild.scenario) add(ruleChild.scenario, child.rule);
    }
  }
  const keys = [...new Set(features.map((feature) => feature.capability))];
  const capabilities = keys.map((key) => describeCapability(key, readmes[key])).sort((a, b) => order(a.key) - order(b.key) || a.title.localeCompare(b.title));
  return { capabilities, features, scenarios };
}

function specify(uri: string, capability: string, feature: Feature, scenario: Scenario, rule?: Rule): SpecifiedScenario[] {
  const inherited = [...names(feature.tags), ...names(rule?.tags ?? []), ...names(scenario.tags)];
  const base = { uri, capability, feature: feature.name, rule: rule && { name: rule.name, description: tidy(rule.description) } };
  if (!scenario.examples.length) {
    return [{ ...base, id: scenarioId(uri, scenario.name), title: scenario.name, tags: unique(inherited), steps: scenario.steps.map(stepText), line: scenario.location.line }];
  }
  return scenario.examples.flatMap((examples) => {
    const headers = examples.tableHeader?.cells.map((cell) => cell.value) ?? [];
    return examples.tableBody.map((row) => {
      const values = row.cells.map((cell) => cell.value);
      const fill = (text: string) => text.replace(/<([^>]+)>/g, (whole, header: string) => (headers.includes(header) ? values[headers.indexOf(header)]! : whole));
      return {
        ...base,
        id: scenarioId(uri, scenario.name, values),
        title: outlineTitle(scenario.name, headers, values),
        tags: unique([...inherited, ...names(examples.tags)]),
        steps: scenario.steps.map((step) => fill(stepText(step))),
        line: row.location.line,
      };
    });
  });
}

function describeCapability(key: string, readme: string | undefined): CapabilitySpec {
  const lines = (readme ?? '').split('\n');
  const heading = lines.find((line) => line.startsWith('# '));
  const narrative = lines
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const fallback = key === SUITE_ITSELF ? 'The suite itself' : key.replace(/[-_]/g, ' ').replace(/^./, (first) => first.toUpperCase());
  return { key, title: heading?.slice(2).trim() ?? fallback, narrative };
}

/** The product's capabilities in the order a person meets them; the suite's own checks last. */
const ORDER = ['authentication', 'media-requests', 'library', 'downloads', 'realtime', 'monitoring', 'resilience', 'security', 'contract', 'load', SUITE_ITSELF];

function order(key: string): number {
  const index = ORDER.indexOf(key);
  return index < 0 ? ORDER.length - 2 : index;
}

function stepText(step: Step): string {
  return `${step.keyword.trim()} ${step.text}`;
}

function names(tags: readonly Tag[]): string[] {
  return tags.map((tag) => tag.name);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function tidy(description: string): string {
  return description
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .trim();
}
