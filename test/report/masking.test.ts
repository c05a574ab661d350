import * as cucumber from '@cucumber/cucumber';
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { collectEvidence, scenarioMasker } from '../../support/report/collect-evidence';
import { EVIDENCE_MEDIA_TYPE } from '../../support/report/evidence';
import { MASK, Masker } from '../../support/report/mask';
import { EmbeddedTarget } from '../../support/target/embedded';
import { JWT_SECRET, WEBHOOK_SECRET } from '../../support/target/environment';
import type { SignIn as SignInTask } from '../../support/tasks/sign-in';
import { OVERSEERR_API_KEY } from '../../support/upstreams/upstreams';
import type { MediaNestWorld as World } from '../../support/world';
import { ndjson, pageFrom } from './helpers';

// The world registers itself with a running Cucumber; here none runs, so that one call is a no-op.
(cucumber as { setWorldConstructor: unknown }).setWorldConstructor = () => undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { MediaNestWorld } = require('../../support/world') as { MediaNestWorld: typeof World };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SignIn } = require('../../support/tasks/sign-in') as { SignIn: typeof SignInTask };
const { Status } = cucumber;

MediaNestWorld.target = new EmbeddedTarget();
after(() => MediaNestWorld.target.close());

/**
 * A real scenario's worth of traffic on the embedded gateway: Bob signs in (plex.tv issues his
 * token, the gateway a JWT), reads with a bearer token, Cleo uses cookies and a CSRF token, a
 * live connection is opened. Then the evidence goes through the attachment path into a page.
 */
test('no credential of the run reaches the evidence or the page', async () => {
  const world = new MediaNestWorld({ attach: () => undefined, log: () => undefined, link: () => undefined, parameters: { target: 'embedded' } } as never);
  try {
    await MediaNestWorld.target.attach(world.upstreams.all());
    const bob = await SignIn.as(world, 'Bob');
    const cleo = await SignIn.as(world, 'Cleo');
    await cleo.usesThePortal();
    await bob.call('GET', '/api/v1/plex/libraries');
    await cleo.call('POST', '/api/v1/media-requests', { body: { title: 'The Matrix', mediaType: 'movie', tmdbId: 603 } });
    await world.live.open('Bob', { bearer: bob.session!.token });
    const tokens = [
      ...world.upstreams.plexTv.model.issuedTokens,
      bob.session!.token,
      cleo.session!.token,
      ...Object.values(cleo.session!.cookies),
      JWT_SECRET,
      WEBHOOK_SECRET.replace(/^Bearer /, ''),
      OVERSEERR_API_KEY,
    ];
    assert.ok(tokens.length >= 8, `the run handled credentials: ${tokens.length}`);
    const masker = scenarioMasker(world);
    const logs = (await world.gateway()).logs();
    const evidence = collectEvidence(world, masker, `${logs}\n{"level":50,"msg":"token ${bob.session!.token} refused"}`);
    const attached = JSON.stringify(evidence);
    for (const token of tokens) assert.ok(!attached.includes(token), `the evidence carries a credential: ${token.slice(0, 6)}…`);
    assert.ok(attached.includes(MASK));
    assert.ok(evidence.upstream.some((call) => call.service === 'Plex' && call.headers['x-plex-token'] === MASK), 'Plex tokens in upstream calls are masked');
    assert.ok(evidence.exchanges.some((exchange) => exchange.request.headers.cookie?.includes(`medianest_session=${MASK}`)), 'cookies keep their names');

    const { html } = pageFrom([ndjson(scenarioMessages(attached))]);
    for (const token of tokens) assert.ok(!html.includes(token), `the page carries a credential: ${token.slice(0, 6)}…`);
    assert.ok(html.includes(MASK));
  } finally {
    await world.dispose();
  }
});

test('secrets are learned from headers and fields, then masked wherever they appear', () => {
  const masker = new Masker();
  masker.learnHeaders({ 'X-Plex-Token': 'plex-token-abcdef123', cookie: 'medianest_session=cookie-secret-1; theme=dark' });
  masker.learnFields({ data: { authToken: 'pin-auth-token-999' } });
  assert.equal(masker.text('GET /library?X-Plex-Token=plex-token-abcdef123'), `GET /library?X-Plex-Token=${MASK}`);
  assert.equal(masker.text('log: pin-auth-token-999 and cookie-secret-1'), `log: ${MASK} and ${MASK}`);
  assert.equal(masker.text('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'), `Authorization: Bearer ${MASK}`);
  assert.deepEqual(masker.headers({ 'set-cookie': 'medianest_csrf=abc123456789; Path=/; SameSite=Strict' }), { 'set-cookie': `medianest_csrf=${MASK}; Path=/; SameSite=Strict` });
  assert.deepEqual(masker.json({ token: 'short', nested: [{ apiKey: 'k' }], theme: 'dark' }), { token: MASK, nested: [{ apiKey: MASK }], theme: 'dark' });
});

/** A one-scenario messages file carrying `evidence`, for a page. */
function scenarioMessages(evidence: string) {
  const uri = 'features/authentication/sign_in_with_plex.feature';
  return [
    { testRunStarted: { timestamp: { seconds: 1, nanos: 0 } } },
    { gherkinDocument: { uri, comments: [], feature: { tags: [], location: { line: 1 }, language: 'en', keyword: 'Feature', name: 'Sign in with a Plex account', description: '', children: [{ scenario: { id: 's1', tags: [], location: { line: 3 }, keyword: 'Scenario', name: 'masked', description: '', steps: [{ id: 'st1', location: { line: 4 }, keyword: 'When ', text: 'Bob signs in' }], examples: [] } }] } } },
    { pickle: { id: 'p1', uri, name: 'masked', language: 'en', astNodeIds: ['s1'], tags: [], steps: [{ id: 'ps1', text: 'Bob signs in', astNodeIds: ['st1'] }] } },
    { testCase: { id: 'tc1', pickleId: 'p1', testSteps: [{ id: 'ts1', pickleStepId: 'ps1', stepDefinitionIds: [], stepMatchArgumentsLists: [] }, { id: 'ts2', hookId: 'h1' }] } },
    { testCaseStarted: { id: 'tcs1', testCaseId: 'tc1', attempt: 0, timestamp: { seconds: 1, nanos: 0 } } },
    { testStepStarted: { testCaseStartedId: 'tcs1', testStepId: 'ts1', timestamp: { seconds: 1, nanos: 0 } } },
    { testStepFinished: { testCaseStartedId: 'tcs1', testStepId: 'ts1', testStepResult: { status: Status.PASSED, duration: { seconds: 0, nanos: 1 } }, timestamp: { seconds: 1, nanos: 0 } } },
    { testStepStarted: { testCaseStartedId: 'tcs1', testStepId: 'ts2', timestamp: { seconds: 1, nanos: 0 } } },
    { attachment: { testCaseStartedId: 'tcs1', testStepId: 'ts2', mediaType: EVIDENCE_MEDIA_TYPE, body: evidence, contentEncoding: 'IDENTITY' } },
    { testStepFinished: { testCaseStartedId: 'tcs1', testStepId: 'ts2', testStepResult: { status: Status.PASSED, duration: { seconds: 0, nanos: 1 } }, timestamp: { seconds: 1, nanos: 0 } } },
    { testCaseFinished: { testCaseStartedId: 'tcs1', willBeRetried: false, timestamp: { seconds: 2, nanos: 0 } } },
    { testRunFinished: { success: true, timestamp: { seconds: 2, nanos: 0 } } },
  ] as never[];
}
