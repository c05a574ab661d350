import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { FakeUpstream } from '../../support/upstreams/fake-upstream';
import type { NetworkGuard } from '../../support/upstreams/network-guard';
import { InProcessTransport } from '../../support/upstreams/transports/in-process';

const transport = new InProcessTransport({ block: () => undefined } as unknown as NetworkGuard);
transport.attach([{ origin: 'http://plex.test', handle: async (request: Request) => new Response(request.method) } as unknown as FakeUpstream]);
after(() => transport.close());

test('in-process, fetch refuses the methods Node\'s fetch refuses (msw alone sends an empty one as GET, and TRACE as it is)', async () => {
  await assert.rejects(fetch('http://plex.test/', { method: '' }), { name: 'TypeError', message: "'' is not a valid HTTP method." });
  await assert.rejects(fetch('http://plex.test/', { method: 'TRACE' }), TypeError);
});

test('in-process, a valid method reaches the fake as fetch sends it', async () => {
  assert.equal(await (await fetch('http://plex.test/', { method: 'DELETE' })).text(), 'DELETE');
  assert.equal(await (await fetch('http://plex.test/', { method: 'post' })).text(), 'POST');
  assert.equal(await (await fetch('http://plex.test/')).text(), 'GET');
});
