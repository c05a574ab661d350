import { cookiesSetBy, type Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { expectData } from '../checks/answers';
import { expect } from '../checks/chai';
import { startNotesWith } from '../notes';
import { PLEX_CLIENT_ID } from '../target/environment';
import type { MediaNestWorld } from '../world';
import { until } from './while-time-passes';

/** How long plex.tv holds its answers about a PIN returned twice, so both returns are in the gateway at once. */
const HOLD_MS = 300;
/** A PIN id the gateway never asked plex.tv for. */
const NEVER_ISSUED = 999_999_999;

/** What the sign-in steps of a scenario tell each other. */
export class SignInNotes {
  /** Each person's MediaNest account id from their first sign-in of the scenario. */
  readonly firstAccounts = new Map<string, number>();
  /** A PIN someone made at plex.tv without MediaNest. */
  pinMadeAtPlexTv?: number;
  /** The answers to a PIN returned twice at the same moment. */
  twoReturns: HttpExchange[] = [];
}

declare module '../notes' {
  interface ScenarioNotes {
    signIn: SignInNotes;
  }
}
startNotesWith('signIn', () => new SignInNotes());

/** Signing in with Plex, step by step as a person does it, or all at once. */
export const SignIn = {
  /** The portal asks for a PIN; a PIN given is kept on the actor. */
  async askForPin(actor: Actor): Promise<HttpExchange> {
    const exchange = await actor.api.createPin();
    if (exchange.response.status === 201) actor.pinId = exchange.response.body.data.id;
    return exchange;
  },

  /** A visitor asks for PINs one after another, each given. */
  async askForPins(actor: Actor, count: number): Promise<void> {
    for (let i = 0; i < count; i++) expectData(await SignIn.askForPin(actor), 201);
  },

  /** The person approves the PIN at app.plex.tv with their own Plex account. */
  approvePin(world: MediaNestWorld, actor: Actor, pinId = actor.pinId): void {
    const pin = world.upstreams.plexTv.model.livePin(pinId!);
    expect(pin, `plex.tv no longer knows PIN ${pinId}`).to.not.equal(undefined);
    world.upstreams.plexTv.model.claim(pin!, actor.name);
  },

  /** The portal exchanges the PIN for a session; a success is kept on the actor. */
  async verify(actor: Actor, pinId: unknown = actor.pinId): Promise<HttpExchange> {
    const exchange = await actor.api.verifyPin({ pinId });
    if (exchange.response.status === 200) {
      const { token, user, expiresAt } = exchange.response.body.data;
      actor.session = { token, user, expiresAt, cookies: cookiesSetBy(exchange), setCookie: exchange.response.headers['set-cookie'] ?? '' };
    }
    return exchange;
  },

  /** Returns to MediaNest with a PIN id it never asked plex.tv for. */
  verifyUnknown(actor: Actor, offset = 0): Promise<HttpExchange> {
    return SignIn.verify(actor, NEVER_ISSUED - offset);
  },

  /** Tries PINs MediaNest never issued, each refused as unknown. */
  async tryUnknownPins(actor: Actor, count: number): Promise<void> {
    for (let i = 1; i <= count; i++) expect(await SignIn.verifyUnknown(actor, i)).to.be.refusedWith('PIN_NOT_FOUND');
  },

  /** Approves the PIN asked for, and returns to MediaNest with it. */
  async approveAndReturn(world: MediaNestWorld, actor: Actor): Promise<HttpExchange> {
    SignIn.approvePin(world, actor);
    return SignIn.verify(actor);
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
    const both = Promise.all([SignIn.verify(actor), SignIn.verify(actor)]);
    if (world.clock.virtual) {
      await until(() => asked() >= before + 2, 'plex.tv to be asked about the PIN twice');
      await world.clock.advance(HOLD_MS);
    }
    world.notes.signIn.twoReturns = await both;
    return world.notes.signIn.twoReturns;
  },

  /** Someone makes a PIN straight at plex.tv with MediaNest's client id, and another person approves it. */
  pinMadeAtPlexTv(world: MediaNestWorld, approver: string): number {
    const { model } = world.upstreams.plexTv;
    const pin = model.createPin(PLEX_CLIENT_ID, true);
    model.claim(pin, approver);
    return (world.notes.signIn.pinMadeAtPlexTv = pin.id);
  },

  /** The whole sign-in with Plex; the person's first account id of the scenario is noted. */
  async as(world: MediaNestWorld, name: string): Promise<Actor> {
    const actor = world.actor(name);
    expectData(await SignIn.askForPin(actor), 201);
    expectData(await SignIn.approveAndReturn(world, actor));
    if (!world.notes.signIn.firstAccounts.has(name)) world.notes.signIn.firstAccounts.set(name, actor.signedIn().user.id);
    return actor;
  },

  /** Signs in, one person after another. */
  async everyone(world: MediaNestWorld, names: string[]): Promise<void> {
    for (const name of names) await SignIn.as(world, name);
  },

  /** Signs in with the web portal: the session rides in its cookies from then on. */
  async throughThePortal(world: MediaNestWorld, name: string): Promise<Actor> {
    const actor = await SignIn.as(world, name);
    await actor.usesThePortal();
    return actor;
  },

  /** Signs in and insists the account is an admin. */
  async asAdmin(world: MediaNestWorld, name: string): Promise<Actor> {
    const actor = await SignIn.as(world, name);
    expect(actor.signedIn().user.role, `${name}'s role`).to.equal('admin');
    return actor;
  },
};
