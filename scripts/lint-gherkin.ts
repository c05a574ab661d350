/**
 * Gherkin lint for the features: parses every file and checks the house style of STYLE.md
 * (scenarios inside Rules included, which off-the-shelf linters skip).
 */
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import { IdGenerator, type Scenario, type Tag } from '@cucumber/messages';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

const ALLOWED_TAGS = new Set([
  '@auth', '@media-requests', '@library', '@downloads', '@realtime', '@monitoring', '@resilience', '@rate-limiting',
  '@security', '@contract', '@fuzz', '@load', '@suite', '@critical-path', '@smoke', '@embedded-only', '@fresh-gateway', '@wip',
  '@cluster', '@one-instance', '@configuration',
]);
const MAX_STEPS = 7;
const MAX_LINES = 200;

function featureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? featureFiles(join(dir, entry.name)) : entry.name.endsWith('.feature') ? [join(dir, entry.name)] : [],
  );
}

function lint(file: string): string[] {
  const problems: string[] = [];
  const text = readFileSync(file, 'utf8');
  const at = (line: number | undefined, message: string) => problems.push(`${relative(process.cwd(), file)}:${line ?? 1}: ${message}`);
  if (!/^[a-z0-9_]+\.feature$/.test(basename(file))) at(1, 'file names are snake_case');
  if (text.split('\n').length > MAX_LINES) at(1, `over ${MAX_LINES} lines: split the capability`);
  text.split('\n').forEach((line, index) => /[ \t]+$/.test(line) && at(index + 1, 'trailing white space'));
  if (!text.endsWith('\n')) at(1, 'no new line at the end of the file');
  let document;
  try {
    document = new Parser(new AstBuilder(IdGenerator.uuid()), new GherkinClassicTokenMatcher()).parse(text);
  } catch (error) {
    at(1, (error as Error).message);
    return problems;
  }
  const feature = document.feature;
  if (!feature) return (at(1, 'no Feature'), problems);
  if (!feature.description.trim()) at(feature.location.line, 'the Feature needs a paragraph saying what the capability is for');
  const checkTags = (tags: readonly Tag[]) => tags.forEach((tag) => !ALLOWED_TAGS.has(tag.name) && at(tag.location.line, `unknown tag ${tag.name}`));
  checkTags(feature.tags);
  const scenarios: Scenario[] = [];
  for (const child of feature.children) {
    if (child.scenario) scenarios.push(child.scenario);
    if (child.rule) {
      checkTags(child.rule.tags);
      for (const ruleChild of child.rule.children) if (ruleChild.scenario) scenarios.push(ruleChild.scenario);
    }
  }
  if (!scenarios.length) at(feature.location.line, 'a feature without scenarios');
  const names = new Set<string>();
  for (const scenario of scenarios) {
    checkTags(scenario.tags);
    scenario.examples.forEach((examples) => checkTags(examples.tags));
    if (!scenario.name.trim()) at(scenario.location.line, 'an unnamed scenario');
    if (names.has(scenario.name)) at(scenario.location.line, `a second scenario named "${scenario.name}"`);
    names.add(scenario.name);
    if (scenario.steps.length > MAX_STEPS) at(scenario.location.line, `${scenario.steps.length} steps: keep a scenario to ${MAX_STEPS}`);
    const whens = scenario.steps.filter((step) => step.keyword.trim() === 'When').length;
    if (whens > 1) at(scenario.location.line, 'more than one When');
    let previous = '';
    for (const step of scenario.steps) {
      const keyword = step.keyword.trim();
      if (keyword === previous && keyword !== '*') at(step.location.line, `repeat "${keyword}": use And`);
      if (keyword !== 'And' && keyword !== 'But') previous = keyword;
    }
  }
  return problems;
}

const files = featureFiles(join(process.cwd(), 'features'));
const problems = files.flatMap(lint);
problems.forEach((problem) => console.error(problem));
console.log(`gherkin lint: ${files.length} feature files, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
