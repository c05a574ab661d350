import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ComputeCoverage } from '../../support/report/living/api-coverage';
import { CONTRACT_MEDIA_TYPE } from '../../support/report/living/read-run';
import { envelopesOf, fixtureTexts, ndjson, pageFrom, scratchOptions } from './helpers';

/** A stand-in with the contract helper's interface: counts records per operation and status. */
const standIn: ComputeCoverage = (document: any, scenarios) => {
  const operations = Object.entries(document.paths).flatMap(([path, methods]: [string, any]) =>
    Object.entries(methods).map(([method, operation]: [string, any]) => ({
      operationId: operation.operationId,
      method,
      path,
      statuses: Object.keys(operation.responses).map((status) => {
        const hits = scenarios.flatMap(({ scenario, records }) => records.filter((record) => record.operationId === operation.operationId && String(record.status) === status).map(() => scenario));
        return { status, exchanges: hits.length, scenarios: hits };
      }),
    })),
  );
  return { operations, outOfContract: [], unmatched: [], violations: [] };
};

test('every declared operation and status is listed, with the scenarios that reached it and those none did', () => {
  const options = scratchOptions();
  const openapi = join(options.outDir, 'openapi.json');
  writeFileSync(openapi, JSON.stringify({ paths: { '/api/v1/auth/plex/pin': { post: { operationId: 'createPin', responses: { 201: {}, 503: {}, 429: {} } } }, '/api/v1/health': { get: { operationId: 'health', responses: { 200: {} } } } } }));
  const [functional] = fixtureTexts() as [string];
  // Each scenario's exchanges become contract records, as the contract helper's attachment carries them.
  const envelopes = envelopesOf(functional).flatMap((envelope) => {
    const attachment = envelope.attachment;
    if (attachment?.mediaType !== 'application/vnd.medianest.evidence+json') return [envelope];
    const records = JSON.parse(attachment.body).exchanges.map((exchange: any) => ({ operationId: exchange.path === '/api/v1/auth/plex/pin' ? 'createPin' : null, method: exchange.method, path: exchange.path, status: exchange.status, outOfContract: false, violations: [] }));
    return [envelope, { attachment: { ...attachment, mediaType: CONTRACT_MEDIA_TYPE, body: JSON.stringify(records) } }];
  });
  const { html, summary } = pageFrom([ndjson(envelopes)], { openapi, computeCoverage: standIn });
  assert.deepEqual(summary.apiCoverage, { operations: 2, operationsReached: 1, statuses: 4, statusesReached: 2 });
  assert.match(html, /<span class="op-status hit">201<\/span>\d+ exchanges: <a href="#authentication\//);
  assert.match(html, /Not reached by any scenario \(2\)/);
  assert.match(html, /GET \/api\/v1\/health<\/span> → 200/);
});

test('without the contract’s document the page says so', () => {
  const { html, summary } = pageFrom(fixtureTexts().slice(0, 1), { computeCoverage: standIn });
  assert.equal(summary.apiCoverage, null);
  assert.match(html, /OpenAPI document \(support\/contract\/openapi.json\) is not in this checkout/);
});
