/**
 * Measures the step layer against issue 14's bars: every step body's physical lines inside its
 * braces (median <= 2, none over 5), step files by folder, raw regular expressions where a
 * parameter type could serve, duplicate bodies, and the strings that must not appear in
 * step-definitions/ ('/api/v1', 'node:assert', remember(/recall( calls).
 *
 *   npm run step-bars                              # the figures, and the longest bodies
 *   npm run step-bars -- --check                   # the same, exiting 1 when a bar is missed
 *   npm run step-bars -- authentication library    # only these folders of step-definitions/
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');
const STEPS = join(ROOT, 'step-definitions');
const KEYWORDS = new Set(['Given', 'When', 'Then', 'defineStep']);

interface StepBody {
  where: string;
  lines: number;
  text: string;
  rawRegex: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function stepsOf(file: string): StepBody[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: StepBody[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && KEYWORDS.has(node.expression.text)) {
      const body = node.arguments.at(-1);
      if (body && (ts.isFunctionExpression(body) || ts.isArrowFunction(body))) {
        const line = (position: number) => source.getLineAndCharacterOfPosition(position).line;
        const block = body.body;
        const lines = ts.isBlock(block) ? Math.max(line(block.end) - line(block.getStart(source)) - 1, block.statements.length ? 1 : 0) : 1;
        const text = ts.isBlock(block) ? block.getText(source).replace(/\s+/g, ' ') : block.getText(source);
        found.push({ where: `${relative(ROOT, file)}:${line(node.getStart(source)) + 1}`, lines, text, rawRegex: ts.isRegularExpressionLiteral(node.arguments[0]!) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const files = filesUnder(STEPS).filter((file) => only.length === 0 || only.some((folder) => relative(STEPS, file).startsWith(`${folder}/`)));
const steps = files.flatMap(stepsOf);
const sorted = steps.map((step) => step.lines).sort((a, b) => a - b);
const median = sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2 : 0;
const max = sorted.at(-1) ?? 0;
const texts = files.map((file) => readFileSync(file, 'utf8')).join('\n');
const bodies = new Map<string, string[]>();
for (const step of steps) bodies.set(step.text, [...(bodies.get(step.text) ?? []), step.where]);
const duplicates = [...bodies.values()].filter((places) => places.length > 1);
const folders = new Set(files.map((file) => relative(STEPS, file).split('/').slice(0, -1).join('/')).filter(Boolean));

const figures = {
  files: files.length,
  folders: folders.size,
  steps: steps.length,
  medianLines: median,
  maxLines: max,
  over3: steps.filter((step) => step.lines > 3).length,
  over5: steps.filter((step) => step.lines > 5).length,
  rawRegexes: steps.filter((step) => step.rawRegex).length,
  duplicateBodies: duplicates.length,
  apiV1: count(texts, /\/api\/v1/g),
  nodeAssert: count(texts, /node:assert/g),
  rememberRecall: count(texts, /\b(remember|recall)\s*[(<]/g),
};

console.log(Object.entries(figures).map(([name, value]) => `${name}: ${value}`).join('\n'));
const longest = [...steps].sort((a, b) => b.lines - a.lines).filter((step) => step.lines > 3).slice(0, 15);
if (longest.length) console.log(`\nlongest bodies:\n${longest.map((step) => `  ${step.lines} lines  ${step.where}`).join('\n')}`);
if (duplicates.length) console.log(`\nduplicate bodies:\n${duplicates.map((places) => `  ${places.join(' = ')}`).join('\n')}`);

const missed = [
  figures.medianLines > 2 && 'the median step body is over 2 lines',
  figures.maxLines > 5 && 'a step body is over 5 lines',
  figures.folders < 6 && 'step-definitions/ has fewer than six folders',
  figures.duplicateBodies > 0 && 'some step bodies are duplicates',
  figures.apiV1 > 0 && "step-definitions/ spells '/api/v1'",
  figures.nodeAssert > 0 && 'step-definitions/ uses node:assert',
  figures.rememberRecall > 0 && 'remember( or recall( is still called',
].filter(Boolean);
if (process.argv.includes('--check') && missed.length) {
  console.error(`\nbars missed: ${missed.join('; ')}`);
  process.exitCode = 1;
}
