import assert from 'node:assert/strict';
import { cookiesSetBy, type Actor } from '../actor';
import { expectData } from '../checks/answers';
import type { HttpExchange } from '../api/exchange';
import type { MediaNestWorld } from '../world';
import { until } from './while-time-passes';

/** How long plex.tv holds its answers about a PIN returned twice, so both returns are in the gateway at once. */
const HOLD_MS = 300;

/** Signing in with Plex, step by step as a person does it, or all at once. */
export const SignIn = {
  /** The portal asks for a PIN; returns the gateway's answer. */
  askForPin(actor: Actor): Promise<HttpExchange> {
    return actor.api.createPin();
  },

  /** The person approves the PIN at app.plex.tv with their own Plex account. */
  approvePin(world: MediaNestWorld, actor: Actor, pinId: number): void {
    const pin = world.upstreams.plexTv.model.livePin(pinId);
    assert.ok(pin, `plex.tv no longer knows PIN ${pinId}`);
    world.upstreams.plexTv.model.claim(pin, actor.name);
  },

  /** The portal exchanges the PIN for a session; a success is kept on the actor. */
  async verify(actor: Actor, pinId: unknown): Promise<HttpExchange> {
    const exchange = await actor.api.verifyPin({ pinId });
    if (exchange.response.status === 200) {
      const { token, user } = exchange.response.body.data;
      actor.session = { token, user, cookies: cookiesSetBy(exchange), setCookie: exchange.response.headers['set-cookie'] ?? '' };
    }
    return exchange;
  },

  /**
   * The portal returns with the same PIN twice at the same moment (a double click, two tabs). plex.tv
   * holds both answers until both returns have got past the gateway's first look at the PIN, so the
   * two are truly in flight together; the virtual clock is moved to release them, a real one runs.
   */
  async verifyTwiceAtOnce(world: MediaNestWorld, actor: Actor): Promise<HttpExchange[]> {
    const plexTv = world.upstreams.plexTv;
    const asked = () => plexTv.journal.calls('GET', '/api/v2/pins/').length;
    const before = asked();
    plexTv.fails({ kind: 'slow', ms: HOLD_MS }, 2);
    const both = Promise.all([SignIn.verify(actor, actor.pinId), SignIn.verify(actor, actor.pinId)]);
    if (world.clock.virtual) {
      await until(() => asked() >= before + 2, 'plex.tv to be asked about the PIN twice');
      await world.clock.advance(HOLD_MS);
    }
    return both;
  },

  async as(world: MediaNestWorld, name: string): Promise<Actor> {
    const actor = world.actor(name);
    const pin = expectData(await SignIn.askForPin(actor), 201);
    actor.pinId = pin.id;
    SignIn.approvePin(world, actor, pin.id);
    expectData(await SignIn.verify(actor, pin.id));
    return actor;
  },
};
