import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clipBody, parseLog, type Evidence } from '../../support/report/evidence';
import { describeTimeline } from '../../support/report/attachments';
import { pageFrom, ndjson, envelopesOf, fixtureTexts } from './helpers';
import { EVIDENCE_MEDIA_TYPE } from '../../support/report/evidence';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const client = require('../../support/report/living/page/client.js');

const silent: Evidence = {
  clock: 'virtual',
  exchanges: [{ actor: 'Bob', method: 'POST', path: '/api/v1/auth/plex/pin', status: 504, ms: 12, at: 0, t: 5, request: { headers: {} }, response: { headers: {} } }],
  upstream: [{ service: 'plex.tv', method: 'POST', path: '/api/v2/pins', at: 0, t: 6, headers: {} }],
  live: [],
  moves: [{ at: 0, t: 8, ms: 9_000 }, { at: 9_000, t: 9, ms: 1_000 }],
};

test('moved time is drawn and labelled on the scenario clock', () => {
  const svg = client.sequenceDiagram(silent);
  assert.match(svg, /10 s pass on the scenario clock/);
  assert.equal(svg.split('pass on the scenario clock').length, 2, 'two pieces of one move are drawn as one');
  assert.match(svg, /\+10\.000 s/, 'the answer comes 10 s later on the clock');
  assert.match(describeTimeline(silent), /\+0\.000 s +⏩ 9 s pass on the scenario clock/, 'the stock report shows moved time too');
});

test('a 5 MB body is clipped, and says how big it was', () => {
  const big = 'x'.repeat(5 * 1024 * 1024);
  const clipped = clipBody(big)!;
  assert.ok(clipped.clipped);
  assert.equal(clipped.size, big.length);
  assert.ok(clipped.text.length <= 16_384);
  const html = client.renderEvidence({ ...silent, exchanges: [{ ...silent.exchanges[0], response: { headers: {}, body: clipped } }] });
  assert.match(html, /Clipped: the body was 5,242,880 characters/);
});

test('a 5 MB attachment in the messages is read, and the page stays small', () => {
  const [functional] = fixtureTexts() as [string];
  const envelopes = envelopesOf(functional);
  let swollen = false;
  const changed = envelopes.map((envelope) => {
    if (swollen || envelope.attachment?.mediaType !== EVIDENCE_MEDIA_TYPE) return envelope;
    swollen = true;
    const evidence = JSON.parse(envelope.attachment.body) as Evidence;
    evidence.exchanges[0]!.response.body = clipBody({ items: 'y'.repeat(5 * 1024 * 1024) });
    return { attachment: { ...envelope.attachment, body: JSON.stringify(evidence) } };
  });
  const { html } = pageFrom([ndjson(changed)]);
  assert.ok(html.length < 2_000_000, `the page is ${html.length} characters`);
});

test("pino lines become the log table's rows; other lines are kept as messages", () => {
  const rows = parseLog('{"level":50,"time":1,"msg":"plex-tv answered 500","reqId":"abc","service":"plex-tv"}\nnot json');
  assert.deepEqual(rows[0], { time: 1, level: 'error', msg: 'plex-tv answered 500', correlationId: 'abc', details: { service: 'plex-tv' } });
  assert.equal(rows[1]!.msg, 'not json');
});

test('copy as curl carries the request, with credentials as masked in the page', () => {
  const curl = client.curlOf({ method: 'POST', path: '/api/v1/media-requests', request: { headers: { authorization: 'Bearer ••••••' }, body: { text: '{"title":"It\'s"}' } } });
  assert.equal(curl, `curl -i -X POST 'http://localhost:3000/api/v1/media-requests' -H 'authorization: Bearer ••••••' --data-raw '{"title":"It'\\''s"}'`);
});
