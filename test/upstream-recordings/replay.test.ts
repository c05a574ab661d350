import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UPSTREAM_NAMES } from '../../scripts/upstream-recordings/exchanges';
import { readRecordings, recordingOf } from '../../scripts/upstream-recordings/recordings';
import { replayToGatewayClients } from '../../scripts/upstream-recordings/replay';

// node --test runs each file in a process of its own: nock, loaded here, never meets msw.
const recordings = () => UPSTREAM_NAMES.flatMap(readRecordings);

test("the gateway's clients understand every shipped recording", async () => {
  const { lines, failed } = await replayToGatewayClients(recordings());
  assert.equal(failed, 0, lines.join('\n'));
  assert.equal(lines.length, 17);
});

test('a recording the client cannot read fails its probe, and only that one', async () => {
  const changed = recordings();
  const sections = recordingOf(changed, 'sections').recording.response as { MediaContainer: Record<string, unknown> };
  sections.MediaContainer.Directories = sections.MediaContainer.Directory;
  delete sections.MediaContainer.Directory;
  const { lines, failed } = await replayToGatewayClients(changed);
  assert.equal(failed, 1);
  assert.match(lines.find((line) => line.startsWith('FAILED'))!, /^FAILED {2}plex-server sections: libraries need string keys and titles/);
});

test('a call the client did not make fails its probe', async () => {
  const changed = recordings();
  const account = recordingOf(changed, 'account').recording;
  account.path = '/api/v2/users/account';
  const { lines } = await replayToGatewayClients(changed);
  assert.match(lines.find((line) => line.includes('plex-tv account:'))!, /^FAILED/);
});
