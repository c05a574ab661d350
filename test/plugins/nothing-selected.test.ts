import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

/** Cucumber with the fixture profile and `args`, its reports in a folder of its own. */
function cucumber(args: string[]): { status: number | null; stderr: string; reports: string } {
  const reports = mkdtempSync(join(tmpdir(), 'nothing-selected-'));
  const run = spawnSync(process.execPath, ['node_modules/@cucumber/cucumber/bin/cucumber.js', '--config', 'test/plugins/fixture/cucumber.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NOTHING_SELECTED_REPORTS: reports },
  });
  return { status: run.status, stderr: run.stderr, reports };
}

test('a tag that matches no scenario fails the run, names the tag expression, and the reports say nothing ran', () => {
  const run = cucumber(['--tags', '@nonexistent']);
  try {
    assert.equal(run.status, 1, 'Cucumber counts a run of nothing as a success; the plugin must not');
    assert.match(run.stderr, /No scenario ran: the tag expression \(not @wip\) and \(@nonexistent\) selected none of the 2 scenarios read\./);
    assert.match(readFileSync(join(run.reports, 'cucumber-report.html'), 'utf8'), /<h1>No scenario ran<\/h1>/);
    assert.match(readFileSync(join(run.reports, 'living-documentation.html'), 'utf8'), /selected none of the 2 scenarios/);
    assert.match(readFileSync(join(run.reports, 'cucumber-junit.xml'), 'utf8'), /errors="1"[\s\S]*@nonexistent/);
  } finally {
    rmSync(run.reports, { recursive: true, force: true });
  }
});

test('a line that starts no scenario is named too', () => {
  const run = cucumber(['test/plugins/fixture/two_scenarios.feature:2']);
  try {
    assert.equal(run.status, 1);
    assert.match(run.stderr, /at the lines test\/plugins\/fixture\/two_scenarios\.feature:2 selected none/);
  } finally {
    rmSync(run.reports, { recursive: true, force: true });
  }
});

test('a run that selects a scenario is left alone', () => {
  const run = cucumber(['--tags', '@first', '--dry-run']);
  try {
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /No scenario ran/);
  } finally {
    rmSync(run.reports, { recursive: true, force: true });
  }
});
