/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The callbacks given to page.evaluate run in the page: they are typed against the DOM.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { writeLivingDocumentation } from '../../support/report/living/build';
import { readMessageFiles } from '../../support/report/living/read-messages';
import { fixtureTexts, pageFrom } from './helpers';

/** Debian's Chromium; another path can be given to try a different browser (or none, to see the skip). */
const CHROMIUM = process.env.LIVING_DOC_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = resolve('reports/screenshots');
const skip = existsSync(CHROMIUM) ? false : 'no Chromium here: apt-get install chromium';

let browser: Browser;
let page: Page;
let url: string;
let openedInMs: number;
const leaving: string[] = [];
const consoleErrors: string[] = [];
const profileDir = mkdtempSync(join(tmpdir(), 'living-doc-chromium-'));

/** Counts per capability folder straight from the messages, without the report's code: last attempts, most severe step. */
function countsFromMessages(): Map<string, { passed: number; failed: number }> {
  const { envelopes } = readMessageFiles(fixtureTexts());
  const pickles = new Map(envelopes.flatMap((e) => (e.pickle ? [[e.pickle.id, e.pickle.uri] as const] : [])));
  const cases = new Map(envelopes.flatMap((e) => (e.testCase ? [[e.testCase.id, e.testCase.pickleId] as const] : [])));
  const started = new Map(envelopes.flatMap((e) => (e.testCaseStarted ? [[e.testCaseStarted.id, e.testCaseStarted.testCaseId] as const] : [])));
  const failedStarts = new Set(envelopes.flatMap((e) => (e.testStepFinished && ['FAILED', 'UNDEFINED', 'AMBIGUOUS'].includes(e.testStepFinished.testStepResult.status) ? [e.testStepFinished.testCaseStartedId] : [])));
  const counts = new Map<string, { passed: number; failed: number }>();
  for (const envelope of envelopes) {
    const finished = envelope.testCaseFinished;
    if (!finished || finished.willBeRetried) continue;
    const uri = pickles.get(cases.get(started.get(finished.testCaseStartedId)!)!)!;
    const folder = /network_guard|features\/time\//.test(uri) ? 'suite' : uri.split('/')[1]!;
    const entry = counts.get(folder) ?? { passed: 0, failed: 0 };
    entry[failedStarts.has(finished.testCaseStartedId) ? 'failed' : 'passed']++;
    counts.set(folder, entry);
  }
  return counts;
}

/** Goes to a view as a reader following a link would (the search box loses focus, so it follows the URL). */
async function show(hash: string): Promise<void> {
  await page.evaluate((target) => {
    (document.activeElement as HTMLElement | null)?.blur();
    location.hash = target;
  }, hash);
  await page.waitForFunction((target) => `#${location.hash.slice(1)}`.split('?')[0] === target, {}, hash);
}

async function noOverflow(view: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 1400, `${view} is ${width} px wide in a 1400 px window`);
}

// Without Chromium the whole browser test is one skipped line.
describe('the living documentation in Chromium', { skip }, () => {
  before(async () => {
    const result = pageFrom(fixtureTexts());
    const dir = mkdtempSync(join(tmpdir(), 'living-doc-page-'));
    writeLivingDocumentation(dir, result);
    url = `file://${join(dir, 'living-documentation.html')}`;
    const puppeteer = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-quic', `--user-data-dir=${profileDir}`],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    // Nothing may leave the file: every other request is noted and refused.
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().split('#')[0] === url) return void request.continue();
      leaving.push(request.url());
      void request.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    const started = performance.now();
    await page.goto(url, { waitUntil: 'load' });
    openedInMs = performance.now() - started;
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    rmSync(profileDir, { recursive: true, force: true });
  });

  test('the home page shows one card per capability, with the counts of the messages', async () => {
    const cards = await page.$$eval('.card', (all) =>
      all.map((card) => ({
        folder: (card as HTMLElement).dataset.capability!,
        text: card.textContent!,
        passed: Number(card.querySelector('[data-count="passed"] b')!.textContent),
        failed: Number(card.querySelector('[data-count="failed"] b')!.textContent),
      })),
    );
    const expected = countsFromMessages();
    assert.ok(cards.length >= 9);
    for (const card of cards) {
      const want = expected.get(card.folder) ?? { passed: 0, failed: 0 };
      assert.deepEqual({ passed: card.passed, failed: card.failed }, want, `the ${card.folder} card`);
      assert.doesNotMatch(card.text, /features\/|\.feature/, 'no file path on the home page');
    }
    assert.ok([...expected.values()].some((counts) => counts.failed > 0), 'the fixture holds a failed scenario');
    await noOverflow('the home page');
    await page.screenshot({ path: join(SCREENSHOTS, 'home.png') });
  });

  test('a search by words, then by tag expression, narrows the list and stays in the URL', async () => {
    const visible = () => page.$$eval('details.scenario', (all) => all.filter((row) => (row as HTMLElement).offsetParent !== null).length);
    await page.type('#search', 'reconnects');
    const byWords = await visible();
    assert.ok(byWords > 0 && byWords < 10, `${byWords} scenarios match "reconnects"`);
    assert.match(await page.evaluate(() => location.hash), /q=reconnects/);
    await page.evaluate(() => (document.getElementById('search') as HTMLInputElement).select());
    await page.type('#search', '@critical-path and not @downloads');
    const byTags = await visible();
    assert.ok(byTags > 0, 'the tag expression matches some scenarios');
    const tags = await page.$$eval('details.scenario', (all) => all.filter((row) => (row as HTMLElement).offsetParent !== null).map((row) => (row as HTMLElement).dataset.tags!));
    assert.ok(tags.every((list) => list.includes('@critical-path') && !list.includes('@downloads')));
    await show('#');
  });

  test('a capability page shows its features, rules and scenarios, with technical tags hidden', async () => {
    await show('#authentication');
    const text = await page.$eval('[data-view="authentication"]', (section) => (section as HTMLElement).innerText);
    assert.match(text, /Signing in with Plex/);
    assert.doesNotMatch(text, /@fresh-gateway|@embedded-only|<[a-z]+>/);
    await noOverflow('the capability page');
    await page.screenshot({ path: join(SCREENSHOTS, 'capability.png') });
  });

  test('one click on a failed scenario shows why, its exchanges and its sequence diagram', async () => {
    await show('#downloads');
    const id = await page.$eval('[data-view="downloads"] details.scenario[data-status="failed"]', (row) => row.id);
    await page.click(`[id="${id}"] > summary`);
    await page.waitForSelector(`[id="${id}"] svg.sequence`);
    const shown = await page.$eval(`[id="${id}"]`, (row) => ({
      exchanges: row.querySelectorAll('.exchange').length,
      arrows: row.querySelectorAll('svg.sequence .sd-arrow').length,
      why: row.querySelector('.failure')?.textContent ?? '',
    }));
    assert.ok(shown.exchanges > 0 && shown.arrows > 0, JSON.stringify(shown));
    assert.match(shown.why, /replay starts right after/);
    assert.match(await page.evaluate(() => location.hash), new RegExp(`#${id}$`), 'the deep link follows the open scenario');
    await noOverflow('an open scenario');
    const row = await page.$(`[id="${id}"]`);
    await row!.screenshot({ path: join(SCREENSHOTS, 'failed-scenario.png') });
  });

  test('a load scenario shows its figures and a chart with data', async () => {
    await show('#load');
    const id = await page.$eval('[data-view="load"] details.scenario:has(.load-figures)', (row) => row.id);
    await page.click(`[id="${id}"] > summary`);
    const bars = await page.$$eval(`[id="${id}"] .load svg rect`, (rects) => rects.filter((rect) => Number(rect.getAttribute('height')) > 0 && rect.getAttribute('fill') !== 'white').length);
    assert.ok(bars >= 4, `the chart plots ${bars} bars`);
    assert.ok((await page.$$(`[id="${id}"] .load-figures table`)).length >= 1);
    await noOverflow('a load scenario');
    const row = await page.$(`[id="${id}"]`);
    await row!.screenshot({ path: join(SCREENSHOTS, 'load-scenario.png') });
  });

  test('the API coverage page says where coverage comes from', async () => {
    await show('#api-coverage');
    const text = await page.$eval('[data-view="api-coverage"]', (section) => (section as HTMLElement).innerText);
    assert.match(text, /API coverage/);
    await page.screenshot({ path: join(SCREENSHOTS, 'api-coverage.png') });
  });

  test('no console error, no request leaves the file, and it opens quickly', () => {
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(leaving, []);
    process.stdout.write(`# the fixture page opened in ${Math.round(openedInMs)} ms\n`);
  });
});
