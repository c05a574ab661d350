import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHealthyFakes } from '../../scripts/healthy-fakes';
import { compareWithFakes, fakesInstall } from '../../scripts/upstream-recordings/compare-with-fakes';
import type { Install } from '../../scripts/upstream-recordings/exchanges';
import { installFromEnvironment } from '../../scripts/upstream-recordings/install';
import type { FakeUpstream } from '../../support/upstreams/fake-upstream';

let fakes: Awaited<ReturnType<typeof startHealthyFakes>>;
let install: Install;

before(async () => {
  fakes = await startHealthyFakes();
  install = fakesInstall(fakes.upstreams, fakes.origins);
});
after(() => fakes.transport.close());

/** The fake answers `path` as before, through `change` (a fake that drifted from the service). */
function drift(fake: FakeUpstream, path: string, change: (response: Response, body: Record<string, unknown>) => Response): () => void {
  const handle = fake.handle.bind(fake);
  fake.handle = async (request) => {
    const response = await handle(request);
    if (new URL(request.url).pathname !== path) return response;
    return change(response, (await response.json()) as Record<string, unknown>);
  };
  return () => void (fake.handle = handle);
}

test('the healthy fakes answer every recorded exchange as the recording does', async () => {
  const comparison = await compareWithFakes(install);
  assert.equal(comparison.compared, 19);
  assert.deepEqual(comparison.differences, []);
});

test('a recorded field the fake no longer sends is reported, naming the exchange and the field', async () => {
  const restore = drift(fakes.upstreams.overseerr, '/api/v1/search', (response, body) => {
    for (const result of (body.results ?? []) as Array<Record<string, unknown>>) delete result.posterPath;
    return Response.json(body, { status: response.status });
  });
  try {
    const { differences } = await compareWithFakes(install);
    assert.deepEqual(differences, ['overseerr search (GET /api/v1/search): body.results[].posterPath is missing from the fake']);
  } finally {
    restore();
  }
});

test('a field of another type, another status and another content type are each reported', async () => {
  const restore = drift(fakes.upstreams.uptimeKuma, `/api/status-page/heartbeat/${install.uptimeKumaSlug}`, (_, body) => {
    const uptimes = body.uptimeList as Record<string, unknown>;
    for (const key of Object.keys(uptimes)) uptimes[key] = `${String(uptimes[key])}`;
    return new Response(JSON.stringify(body), { status: 203, headers: { 'content-type': 'text/plain' } });
  });
  try {
    const { differences } = await compareWithFakes(install);
    const about = `uptime-kuma heartbeats (GET /api/status-page/heartbeat/${install.uptimeKumaSlug})`;
    assert.deepEqual(differences, [
      `${about}: status 200 in the recording, 203 from the fake`,
      `${about}: content type application/json in the recording, text/plain from the fake`,
      `${about}: body is object in the recording, string from the fake`,
    ]);
  } finally {
    restore();
  }
});

test('recording from a real install says which variables are missing', () => {
  assert.deepEqual(installFromEnvironment({ RECORD_PLEX_TOKEN: 'x', RECORD_UPTIME_KUMA_URL: 'http://kuma:3001' }), {
    missing: ['RECORD_PLEX_SERVER_URL', 'RECORD_OVERSEERR_URL', 'RECORD_OVERSEERR_API_KEY', 'RECORD_UPTIME_KUMA_SLUG'],
  });
});
