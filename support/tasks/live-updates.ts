import assert from 'node:assert/strict';
import type { ConnectOptions, LiveConnection } from '../drivers/ws';
import type { MediaNestWorld } from '../world';
import { FORGERIES, type Forgery } from './forge-token';
import { SignIn } from './sign-in';
import { until } from './while-time-passes';

/** How a person's app or browser signs its live connection in (CONTRACT.md, "Realtime"). */
export type SignInMode = 'token' | 'cookies' | 'first message' | 'nothing';

/** The gateway's heartbeat interval: one ping per socket every 30 s. */
export const PING_INTERVAL_MS = 30_000;

/** Where a subscription names its topics: in `data`, or beside the type (as `auth` may its token). */
type TopicsNamed = 'in data' | 'beside the type';

/** Opening live connections and listening on them, as the portal and the apps do. */
export const LiveUpdates = {
  /** Opens a connection signed in the given way with the person's current session. */
  async open(world: MediaNestWorld, name: string, mode: SignInMode, extra: ConnectOptions = {}): Promise<LiveConnection> {
    const session = mode === 'nothing' ? undefined : world.actor(name).signedIn();
    const options: ConnectOptions =
      mode === 'token' ? { bearer: session!.token }
      : mode === 'cookies' ? { cookies: session!.cookies, sameOrigin: true }
      : {};
    const connection = await world.live.open(name, { ...options, ...extra });
    if (mode === 'first message' && connection.isOpen) connection.send({ type: 'auth', token: session!.token });
    return connection;
  },

  /** Signs the person in first if needed (a persona), then opens a ready connection. */
  async connect(world: MediaNestWorld, name: string, extra: ConnectOptions = {}): Promise<LiveConnection> {
    if (!world.actor(name).session) await SignIn.as(world, name);
    return LiveUpdates.ready(world, name, extra);
  },

  /** Signs the person in first if needed, then opens `count` ready connections at once. */
  async connectMany(world: MediaNestWorld, name: string, count: number): Promise<LiveConnection[]> {
    if (!world.actor(name).session) await SignIn.as(world, name);
    return Promise.all(Array.from({ length: count }, () => LiveUpdates.ready(world, name)));
  },

  /** Signs the person in first if needed, then opens a connection subscribed to the topics. */
  /** Signs the person in first if needed, then opens a connection subscribed to the topics (named in `data`, or `beside` the type). */
  async watch(world: MediaNestWorld, name: string, topics: string[], naming: TopicsNamed = 'in data'): Promise<LiveConnection> {
    if (!world.actor(name).session) await SignIn.as(world, name);
    const connection = await LiveUpdates.ready(world, name);
    await LiveUpdates.subscribe(connection, topics, naming);
    return connection;
  },

  /** Signs the person in first if needed, then opens a connection that signs in with its first message, ready before the clock moves. */
  async signInByMessage(world: MediaNestWorld, name: string): Promise<LiveConnection> {
    if (!world.actor(name).session) await SignIn.as(world, name);
    const connection = await LiveUpdates.open(world, name, 'first message');
    await connection.waitFor('ready');
    return connection;
  },

  /** Opens a connection presenting a forged token, in the upgrade or in the first message. */
  async presentForged(world: MediaNestWorld, name: string, forgery: Forgery, how: 'upgrade' | 'first message'): Promise<void> {
    const forged = await FORGERIES[forgery](world.actor(name).signedIn().token);
    if (how === 'upgrade') await world.live.open(name, { bearer: forged });
    else (await world.live.open(name)).send({ type: 'auth', token: forged });
  },

  /** Sends `count` pings at once and waits for their answers. */
  async pingAndWait(connection: LiveConnection, count: number): Promise<void> {
    const pongs = connection.received('pong').length;
    for (let i = 0; i < count; i++) connection.send({ type: 'ping' });
    await until(() => connection.received('pong').length >= pongs + count || connection.closed !== undefined, `${count} answers`);
    assert.ok(!connection.closed, `${connection.owner}'s connection closed with ${connection.closed?.code} ${connection.closed?.reason}`);
  },

  /**
   * The app closes its connection; the step waits until the gateway has let go of it: one timer
   * fewer on the scenario clock (the poll for the topics nobody follows any more is called off).
   */
  async closeAndLetGo(world: MediaNestWorld, connection: LiveConnection): Promise<void> {
    const timers = world.clock.waiting();
    connection.close();
    await connection.waitForClose();
    await until(() => world.clock.waiting() < timers, `MediaNest to let go of ${connection.owner}'s connection (one timer fewer than ${timers})`);
  },

  /** A ping whose JSON text is exactly `bytes` long. */
  pingOfSize(bytes: number): string {
    const empty = JSON.stringify({ type: 'ping', data: { padding: '' } });
    return JSON.stringify({ type: 'ping', data: { padding: 'x'.repeat(bytes - empty.length) } });
  },

  /** Opens a connection with the person's token and waits until the gateway says it is ready. */
  async ready(world: MediaNestWorld, name: string, extra: ConnectOptions = {}): Promise<LiveConnection> {
    const connection = await LiveUpdates.open(world, name, 'token', extra);
    assert.ok(!connection.refused, `${name}'s connection was refused with HTTP ${connection.refused?.status}`);
    await connection.waitFor('ready');
    return connection;
  },

  /** A ready connection subscribed to the topics, once the gateway has confirmed them. */
  async subscribed(world: MediaNestWorld, name: string, topics: string[], extra: ConnectOptions = {}): Promise<LiveConnection> {
    const connection = await LiveUpdates.ready(world, name, extra);
    await LiveUpdates.subscribe(connection, topics);
    return connection;
  },

  async subscribe(connection: LiveConnection, topics: string[], naming: TopicsNamed = 'in data'): Promise<void> {
    const [confirmations, errors] = [connection.received('subscribed').length, connection.received('error').length];
    connection.send(naming === 'in data' ? { type: 'subscribe', data: { topics } } : { type: 'subscribe', topics });
    const answered = () => connection.received('subscribed').length > confirmations || connection.received('error').length > errors;
    await until(() => answered() || connection.closed !== undefined, 'the subscription to be confirmed');
    const refusal = connection.received('error').slice(errors)[0]?.data;
    assert.ok(!refusal, `the subscription was refused: ${JSON.stringify(refusal)}`);
    const confirmed = connection.received('subscribed').at(-1)?.data?.topics ?? [];
    assert.ok(topics.every((topic) => confirmed.includes(topic)), `subscribed to ${confirmed.join(', ')} instead of ${topics.join(', ')}`);
  },

  /**
   * Moves the clock one heartbeat at a time; after each, every connection that answers pings
   * receives its ping and makes a round trip, so the gateway has its answer before time moves on.
   */
  async passTimeConnected(world: MediaNestWorld, ms: number): Promise<void> {
    for (let left = ms; left > 0; left -= PING_INTERVAL_MS) {
      const answering = world.live.all.filter((connection) => connection.isOpen && connection.answersPings);
      const pings = answering.map((connection) => connection.pingsReceived);
      await world.clock.advance(Math.min(left, PING_INTERVAL_MS));
      if (left < PING_INTERVAL_MS) break;
      for (const [i, connection] of answering.entries()) {
        await until(() => connection.pingsReceived > pings[i]! || !connection.isOpen, `${connection.owner}'s connection to be pinged`);
        if (connection.isOpen) await connection.roundTrip();
      }
    }
  },

  /**
   * Proves a connection received nothing more of a type: a round trip after the event reached
   * someone else, so anything the gateway had sent this connection has arrived.
   */
  async receivedNo(connection: LiveConnection, type: string): Promise<void> {
    await connection.roundTrip();
    assert.deepEqual(connection.received(type).map((message) => message.data), [], `${connection.owner} received ${type}`);
  },
};
