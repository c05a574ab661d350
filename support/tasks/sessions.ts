import type { HttpExchange } from '../api/exchange';
import type { MediaNestWorld } from '../world';
import { RequestMedia } from './request-media';

/** Using and ending a session, as an app, a browser, or a page on another site would. */
export const SessionUse = {
  /** Moves the clock to `before` ms ahead of the end MediaNest gave the person's session when it began. */
  async untilSessionEnds(world: MediaNestWorld, name: string, before = 0): Promise<void> {
    await world.clock.advance(Date.parse(world.actor(name).signedIn().expiresAt) - before - world.clock.now());
  },

  /** Shows a Basic username and password instead of a session. */
  withBasicAuth(world: MediaNestWorld): Promise<HttpExchange> {
    return world.visitor.api.getSession({ headers: { authorization: `Basic ${Buffer.from('ada:secret').toString('base64')}` } });
  },

  /** Sends the person's own token under another scheme than Bearer (`Token <token>`, as some APIs take it). */
  withTokenUnderScheme(world: MediaNestWorld, name: string, scheme: string): Promise<HttpExchange> {
    const actor = world.actor(name);
    return actor.api.getSession({ headers: { authorization: `${scheme} ${actor.signedIn().token}` } });
  },

  /** A page on another site makes the person's browser sign out: the cookies ride along, no CSRF header. */
  forgedSignOut(world: MediaNestWorld, name: string): Promise<HttpExchange> {
    return world.actor(name).api.logout({ withoutCsrf: true });
  },

  /** A page on another site makes the person's browser withdraw their request for a title. */
  forgedWithdrawal(world: MediaNestWorld, name: string, title: string): Promise<HttpExchange> {
    return world.actor(name).api.deleteMediaRequest(RequestMedia.idOf(world, name, title), { withoutCsrf: true });
  },

  /** A browser that lost (or never got) the CSRF cookie: the session cookie alone, no token to send. */
  signOutWithSessionCookieAlone(world: MediaNestWorld, name: string): Promise<HttpExchange> {
    const actor = world.actor(name);
    return actor.api.logout({ withoutCsrf: true, headers: { cookie: `medianest_session=${actor.signedIn().cookies.medianest_session}` } });
  },

  /** Signs out with a CSRF token of the sender's own making. */
  signOutWithForeignCsrf(world: MediaNestWorld, name: string): Promise<HttpExchange> {
    return world.actor(name).api.logout({ headers: { 'x-csrf-token': 'forged-csrf-token' } });
  },
};
