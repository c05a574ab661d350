import { defineParameterType } from '@cucumber/cucumber';
import { SignJWT } from 'jose';
import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { phrasesOf } from '../parameter-types';
import { JWT_SECRET } from '../target/environment';

/** The ways an attacker tries to get a token the gateway would trust, each built from a real one. */
export const FORGERIES = {
  'a token that claims to need no signature': (real: string) => {
    const [, payload] = real.split('.');
    return `${encode({ alg: 'none', typ: 'JWT' })}.${payload}.`;
  },
  'his token with the payload edited to say admin': (real: string) => {
    const [header, payload, signature] = real.split('.');
    return `${header}.${encode({ ...decode(payload!), role: 'admin' })}.${signature}`;
  },
  'a token signed with another key': (real: string) => sign(decode(real.split('.')[1]!), 'a-completely-different-signing-key-0123456789'),
  'a token signed for another audience': (real: string) => sign({ ...decode(real.split('.')[1]!), aud: 'another-api' }),
  'a token from another issuer': (real: string) => sign({ ...decode(real.split('.')[1]!), iss: 'not-medianest' }),
  'garbage instead of a token': () => 'this-is-not-a-token',
  'a token with no expiry': (real: string) => {
    const { exp: _exp, ...claims } = decode(real.split('.')[1]!);
    return sign(claims);
  },
  'a token claiming a role MediaNest does not have': (real: string) => sign({ ...decode(real.split('.')[1]!), role: 'owner' }),
  'a token for an account that does not exist': (real: string) => sign({ ...decode(real.split('.')[1]!), sub: '987654' }),
} as const satisfies Record<string, (real: string) => string | Promise<string>>;

export type Forgery = keyof typeof FORGERIES;

/** A forgery, as steps name it: {forgery}. */
defineParameterType({ name: 'forgery', regexp: phrasesOf(FORGERIES), transformer: (words: string) => words as Forgery });

/** The person calls MediaNest with a token forged from their real one. */
export async function callWithForgery(actor: Actor, forgery: Forgery): Promise<HttpExchange> {
  return actor.api.getSession({ headers: { authorization: `Bearer ${await FORGERIES[forgery](actor.signedIn().token)}` } });
}

function encode(part: object): string {
  return Buffer.from(JSON.stringify(part)).toString('base64url');
}

function decode(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** Signs claims as they are (HS256), with the gateway's own key unless told another. */
function sign(claims: Record<string, unknown>, secret = JWT_SECRET): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}
