import { defineParameterType } from '@cucumber/cucumber';
import type { Actor } from '../actor';
import type { HttpExchange } from '../api/exchange';
import { phrasesOf } from '../parameter-types';

export interface BadSignInBody {
  body: string;
  contentType?: string;
}

/** Bodies a careless or hostile client sends to the sign-in routes, by the words the features use. */
const BAD_BODIES: Record<string, BadSignInBody> = {
  'malformed JSON': { body: '{"pinId": 12,' },
  'an empty body sent as JSON': { body: '' }, // content type application/json, no body at all
  'a PIN id written as text': { body: '{"pinId": "12"}' },
  'a PIN id that is not a whole number': { body: '{"pinId": 12.5}' },
  'no PIN id': { body: '{}' },
  'an extra field claiming a role': { body: '{"pinId": 12, "role": "admin"}' },
  'a PIN id written as text and an extra field': { body: '{"pinId": "12", "role": "admin"}' },
  'a body sent as plain text': { body: 'pinId=12', contentType: 'text/plain' },
  'a body over 64 KiB': { body: JSON.stringify({ pinId: 12, padding: 'x'.repeat(70 * 1024) }) },
  'a client name that is a number': { body: '{"clientName": 42}' },
  'an extra field': { body: '{"clientName": "MediaNest Web", "admin": true}' },
};

/** The two sign-in routes, by what the portal does with them. */
const SIGN_IN_ROUTES = { 'verify the PIN': 'verifyPin', 'ask for a PIN': 'createPin' } as const;

defineParameterType({ name: 'signInBody', regexp: phrasesOf(BAD_BODIES), transformer: (words: string) => BAD_BODIES[words]! });
defineParameterType({ name: 'signInRoute', regexp: phrasesOf(SIGN_IN_ROUTES), transformer: (words: string) => SIGN_IN_ROUTES[words as keyof typeof SIGN_IN_ROUTES] });

export type SignInRoute = (typeof SIGN_IN_ROUTES)[keyof typeof SIGN_IN_ROUTES];

/** Sends a bad body to a sign-in route, with its content type (JSON unless the kind says otherwise). */
export function sendBadSignInBody(actor: Actor, bad: BadSignInBody, route: SignInRoute): Promise<HttpExchange> {
  return actor.api[route](undefined as never, { body: bad.body, headers: { 'content-type': bad.contentType ?? 'application/json' } });
}
