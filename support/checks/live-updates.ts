import { expect } from './chai';
import type { ClosedAs } from '../parameter-types/realtime';
import { contractStatusOf } from '../contract/error-codes';
import type { LiveConnection } from '../drivers/ws';
import { until } from '../tasks/while-time-passes';
import type { MediaNestWorld } from '../world';

const ISO_TIME = /^\d{4}-\d\d-\d\dT/;
const closedAs = (connection: LiveConnection) => (connection.closed ? `${connection.closed.code} ${connection.closed.reason}` : 'still open');

/** The request titles a connection has been told about, once each. */
const requestTitles = (connection: LiveConnection) => [...new Set(connection.received('request.status').map((message) => message.data.title as string))].sort();

/** Questions about what arrived on a person's live connection. */
export const LiveChecks = {
  async readyFor(world: MediaNestWorld, name: string): Promise<void> {
    const { data } = await world.live.latest(name).waitFor('ready');
    const { user } = world.actor(name).signedIn();
    expect({ id: data.user.id, username: data.user.username, role: data.user.role }, `Expected the connection to be ready for ${name}`).to.deep.equal({ id: user.id, username: name, role: user.role });
  },

  refusedBeforeOpening(connection: LiveConnection, code: string): void {
    expect(connection.refused, `Expected the connection to be refused before it opened, but it received ${connection.describe()}`).to.not.equal(undefined);
    expect({ status: connection.refused!.status, code: connection.refused!.body?.error?.code }, `Expected the connection refused with ${code}`).to.deep.equal({ status: contractStatusOf(code), code });
    expect(connection.messages, 'Expected no message on a socket that never opened').to.deep.equal([]);
    expect(connection.refused!.body?.error?.message, `Expected the ${code} refusal to say in words what went wrong`).to.be.a('string').and.match(/\w/);
  },

  /** Closed with the code, and with the reason when one is given. */
  async closedAs(connection: LiveConnection, { code, reason }: ClosedAs): Promise<void> {
    const closed = await connection.waitForClose().catch(() => undefined);
    const what = closed ? `closed with ${closedAs(connection)}` : `stayed open (it received ${connection.describe()})`;
    const expected = reason === undefined ? { code } : { code, reason };
    expect(closed && (reason === undefined ? { code: closed.code } : closed), `Expected ${connection.owner}'s connection closed with ${code} ${reason ?? ''}, but it ${what}`).to.deep.equal(expected);
  },

  neverReady(connection: LiveConnection): void {
    expect(connection.received('ready').length, `Expected ${connection.owner}'s connection never to be ready`).to.equal(0);
  },

  /** Dropped without a closing handshake: a dead peer could not take part in one. */
  async dropped(connection: LiveConnection): Promise<void> {
    await LiveChecks.closedAs(connection, { code: 1006 });
  },

  async toldOfRequest(world: MediaNestWorld, name: string, title: string, previous: string, status: string, requestId: number): Promise<void> {
    const { data } = await world.live.latest(name).waitFor('request.status', (event) => event.title === title && event.status === status);
    expect({ previous: data.previous, requestId: data.requestId }, `Expected ${name} to be told the request for "${title}" (${requestId}) went from ${previous}`).to.deep.equal({ previous, requestId });
    expect(data.at, 'Expected the time of the change').to.match(ISO_TIME);
  },

  /** Told of these titles and no other (a round trip first, so anything sent has arrived). */
  async toldOfOnly(connection: LiveConnection, titles: string[]): Promise<void> {
    for (const title of titles) await connection.waitFor('request.status', (event) => event.title === title);
    await connection.roundTrip();
    expect(requestTitles(connection), `Expected ${connection.owner} to be told of ${titles.join(' and ')} only`).to.deep.equal([...titles].sort());
  },

  async toldDownloadCompleted(connection: LiveConnection): Promise<void> {
    const { data } = await connection.waitFor('download.status', (event) => event.status === 'completed', 15_000);
    expect(data.downloadId, 'Expected the download named by its id').to.be.a('number');
    expect(connection.received('download.progress', (event) => event.downloadId === data.downloadId).length, `Expected ${connection.owner} to be told the download's progress too`).to.be.above(0);
  },

  /** Each change of the download's status, with the status it left, and its progress. */
  async toldTheDownloadsStory(connection: LiveConnection): Promise<void> {
    const { data } = await connection.waitFor('download.status', (event) => event.status === 'completed', 15_000);
    const moves = connection.received('download.status', (event) => event.downloadId === data.downloadId).map((message) => `${message.data.previous} -> ${message.data.status}`);
    expect(moves, `Expected ${connection.owner} to be told each move of the download`).to.deep.equal(['null -> queued', 'queued -> downloading', 'downloading -> completed']);
    expect(connection.received('download.progress', (event) => event.downloadId === data.downloadId).length, `Expected ${connection.owner} to be told the download's progress too`).to.be.above(0);
  },

  /** The owner was told the download failed, with the status it left and yt-dlp's words. */
  async toldTheDownloadFailed(connection: LiveConnection, error: string): Promise<void> {
    const { data } = await connection.waitFor('download.status', (event) => event.status === 'failed', 15_000);
    expect(data, `Expected ${connection.owner} to be told the download failed while downloading, with yt-dlp's words`).to.deep.equal({ downloadId: data.downloadId, status: 'failed', previous: 'downloading', error });
  },

  async toldNothing(connection: LiveConnection): Promise<void> {
    await connection.roundTrip();
    const events = connection.messages.filter((message) => !['ready', 'subscribed', 'pong'].includes(message.type));
    expect(events.map((message) => message.type), `Expected ${connection.owner} to be told nothing, but was told ${connection.describe()}`).to.deep.equal([]);
  },

  /** Told nothing of this type (a round trip first, so anything sent has arrived). */
  async toldNothingOf(connection: LiveConnection, type: string): Promise<void> {
    await connection.roundTrip();
    expect(connection.received(type).map((message) => message.data), `Expected ${connection.owner} to be told no ${type}, but was told ${connection.describe()}`).to.deep.equal([]);
  },

  /** Told the library changed, in these words. */
  async toldLibraryChangedBecause(connection: LiveConnection, reason: string): Promise<void> {
    const { data } = await connection.waitFor('cache.invalidated', (event) => event.scope === 'library');
    expect(data.reason, `Expected ${connection.owner} to be told the library changed because ${reason}`).to.equal(reason);
  },

  async toldLibraryChanged(connection: LiveConnection, title: string): Promise<void> {
    const { data } = await connection.waitFor('cache.invalidated', (event) => event.scope === 'library');
    expect(String(data.reason), `Expected ${connection.owner} to be told the library changed because "${title}" became available`).to.include(title);
    expect(data.at, 'Expected the time of the change').to.match(ISO_TIME);
  },

  /** The app was told `code`, with a message that says `words` (what was wrong, and what would be right). */
  async toldError(connection: LiveConnection, code: string, words: string): Promise<void> {
    const { data } = await connection.waitFor('error');
    expect(data.code, `Expected ${connection.owner}'s app to be told ${code}, but it was told ${JSON.stringify(data)}`).to.equal(code);
    expect(data.message, `Expected the ${code} error to say "${words}", but it said ${JSON.stringify(data.message)}`).to.be.a('string').and.include(words);
  },

  async answered(connection: LiveConnection, count: number): Promise<void> {
    await until(() => connection.received('pong').length >= count || connection.closed !== undefined, `${count} answers`);
    expect(connection.closed, `Expected ${connection.owner}'s connection to stay open, but it closed with ${closedAs(connection)}`).to.equal(undefined);
    expect(connection.received('pong').length, `Expected ${connection.owner}'s app to be answered ${count} times`).to.equal(count);
    expect(connection.received('pong').filter((pong) => !ISO_TIME.test(pong.data?.at)).map((pong) => pong.data), 'Expected every pong to carry the time').to.deep.equal([]);
    expect(connection.isOpen, `Expected ${connection.owner}'s connection to stay open`).to.equal(true);
  },

  /** A connection told an error on signing in stays open for another try: a second sign-in is answered, not closed. */
  async maySignInAgain(connection: LiveConnection, token: string): Promise<void> {
    connection.send({ type: 'auth', token });
    await until(() => connection.received('error').length >= 2 || connection.closed !== undefined, 'an answer to the second sign-in');
    expect(connection.closed, `Expected ${connection.owner}'s connection to stay open for another sign-in, but it closed with ${closedAs(connection)}`).to.equal(undefined);
  },

  async stillOpen(...connections: LiveConnection[]): Promise<void> {
    await Promise.all(connections.map((connection) => connection.roundTrip()));
  },
};
