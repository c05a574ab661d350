import { cookiesSetBy } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { SignIn } from '../tasks/sign-in';
import type { MediaNestWorld } from '../world';
import { expectData, outcomeOf } from './answers';
import { expect } from './chai';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The Set-Cookie line of one cookie in an answer. */
const cookieLine = (exchange: HttpExchange, name: string) => (exchange.response.headers['set-cookie'] ?? '').split('\n').find((line) => line.startsWith(`${name}=`));
/** The value of one attribute (`Expires`, `Path`) of a Set-Cookie line; undefined when it has none. */
const cookieAttribute = (line: string, attribute: string) => new RegExp(`;\\s*${attribute}=([^;]+)`, 'i').exec(line)?.[1];

/** The latest answer to an operation in the scenario. */
function lastAnswerTo(world: MediaNestWorld, operationId: string): HttpExchange {
  const exchange = world.exchanges.findLast((candidate) => candidate.operationId === operationId);
  if (!exchange) throw new Error(`nobody called ${operationId} in this scenario`);
  return exchange;
}

/** Questions about sessions, answered from what MediaNest said. */
export const Sessions = {
  /** What the session answer shows: whose it is, a known role, its end 24 hours away, no Plex token. */
  shown(world: MediaNestWorld, exchange: HttpExchange) {
    const { user, expiresAt } = expectData(exchange);
    return { username: user.username, knownRole: ['admin', 'user'].includes(user.role), endsInADay: Math.abs(Date.parse(expiresAt) - (world.clock.now() + DAY_MS)) < 60_000, plexToken: user.plexToken };
  },

  /** Who MediaNest says the person is now, asking with their session. */
  async account(world: MediaNestWorld, name: string): Promise<{ id: number; username: string; email: string; role: string }> {
    return expectData(await world.actor(name).api.getSession()).user;
  },

  /** The accounts MediaNest has, by username in the order they first signed in, as Ada the admin lists them. */
  async usernames(world: MediaNestWorld, admin = 'Ada'): Promise<string[]> {
    const actor = world.actor(admin).session ? world.actor(admin) : await SignIn.as(world, admin);
    return expectData(await actor.api.listUsers()).map((user: { username: string }) => user.username);
  },

  /** The accounts an answer lists, by username, and how many of them carry a Plex token. */
  usersListed(exchange: HttpExchange) {
    const users: Array<{ username: string; plexToken?: string }> = expectData(exchange);
    return { usernames: users.map((user) => user.username), plexTokens: users.filter((user) => user.plexToken !== undefined).length };
  },

  /** The two answers to returning twice at once with one PIN, in a few words, and what the refused one says. */
  twoReturns(world: MediaNestWorld): { outcomes: string[]; refusalSays?: string } {
    const answers = world.notes.signIn.twoReturns;
    return { outcomes: answers.map(outcomeOf).sort(), refusalSays: answers.find((answer) => answer.response.status !== 200)?.response.body?.error?.message };
  },

  /** The attributes of the cookies the latest sign-in set. */
  signInCookies(world: MediaNestWorld) {
    const verify = lastAnswerTo(world, 'verifyPin');
    const [session, csrf] = [cookieLine(verify, 'medianest_session') ?? '', cookieLine(verify, 'medianest_csrf') ?? ''];
    return { sessionHttpOnly: /;\s*HttpOnly/i.test(session), sessionSameSiteLax: /;\s*SameSite=Lax/i.test(session), csrfReadable: csrf !== '' && !/HttpOnly/i.test(csrf), csrfLongEnough: (cookiesSetBy(verify).medianest_csrf ?? '').length >= 16 };
  },

  /**
   * Where and until when a browser keeps and sends each cookie of the latest sign-in: its Path, its
   * Expires against the session's end (whole seconds, as cookies carry it), and whether it goes
   * only over HTTPS (Secure).
   */
  signInCookieScope(world: MediaNestWorld): Record<string, { path?: string; expiresWithSession: boolean; httpsOnly: boolean }> {
    const verify = lastAnswerTo(world, 'verifyPin');
    const sessionEnd = Math.floor(Date.parse(expectData(verify).expiresAt) / 1000);
    return Object.fromEntries(['medianest_session', 'medianest_csrf'].map((name) => {
      const line = cookieLine(verify, name) ?? '';
      const expires = cookieAttribute(line, 'Expires');
      return [name, { path: cookieAttribute(line, 'Path'), expiresWithSession: expires !== undefined && Math.floor(Date.parse(expires) / 1000) === sessionEnd, httpsOnly: /;\s*Secure(;|$)/i.test(line) }];
    }));
  },

  /**
   * The cookies the latest sign-out cleared: emptied and expired on the scenario clock, on the path
   * they were set on (Path=/): a clearing cookie on another path leaves the browser holding the old one.
   */
  clearedBySignOut(world: MediaNestWorld): string[] {
    const logout = lastAnswerTo(world, 'logout');
    return ['medianest_session', 'medianest_csrf'].filter((name) => {
      const line = cookieLine(logout, name) ?? '';
      const expires = cookieAttribute(line, 'Expires');
      const gone = /;\s*Max-Age=0\b/i.test(line) || (expires !== undefined && Date.parse(expires) <= world.clock.now());
      return line !== '' && cookiesSetBy(logout)[name] === '' && gone && /;\s*Path=\/(;|$)/i.test(line);
    });
  },

  /** The person's old session, sent again after signing out (which must have worked): the token, or the old cookie by hand (the browser dropped it). */
  async replayedAfterSigningOut(world: MediaNestWorld, name: string): Promise<HttpExchange> {
    expect(world.lastExchangeOf(name)).to.be.answered(204);
    const actor = world.actor(name);
    const cookie = actor.onThePortal ? { cookie: `medianest_session=${actor.signedIn().cookies.medianest_session}` } : undefined;
    return actor.api.getSession({ headers: cookie });
  },

  /** Where MediaNest let the person's Plex token out in this scenario: an answer's body or headers, the gateway's log. */
  async plexTokenLeaks(world: MediaNestWorld, name: string): Promise<string[]> {
    const token = world.upstreams.plexTv.model.account(name).authToken;
    const leaks = world.exchanges.filter(({ response }) => response.text.includes(token) || JSON.stringify(response.headers).includes(token)).map(({ request }) => `${request.method} ${request.path}`);
    const logged = world.target.kind !== 'remote' && (await world.gateway()).logs().includes(token);
    return world.exchanges.length === 0 ? ['(no answer was looked at)'] : logged ? [...leaks, "the gateway's log"] : leaks;
  },
};
