import { defineParameterType } from '@cucumber/cucumber';

const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (phrases: string[]) => new RegExp([...phrases].sort((a, b) => b.length - a.length).map(escape).join('|'));

/**
 * How a connection is closed: the code an app tells apart (CONTRACT.md, "Realtime") and, where the
 * phrase says why, the reason the gateway names (gateway/src/realtime/README.md). ws closes an
 * oversized message with its own words.
 */
export interface ClosedAs {
  code: number;
  reason?: string;
}

const CLOSED_AS: Record<string, ClosedAs> = {
  unauthorised: { code: 4401 },
  'unauthorised for not signing in in time': { code: 4401, reason: 'AUTH_TIMEOUT' },
  'unauthorised for not signing in first': { code: 4401, reason: 'UNAUTHORIZED' },
  'unauthorised for a token MediaNest did not sign': { code: 4401, reason: 'TOKEN_INVALID' },
  'signed out': { code: 4401, reason: 'TOKEN_REVOKED' },
  expired: { code: 4401, reason: 'TOKEN_EXPIRED' },
  'sending too much': { code: 4429, reason: 'RATE_LIMITED' },
  'too many connections': { code: 4429, reason: 'TOO_MANY_SOCKETS' },
  'too large': { code: 1009 },
  'the gateway going away': { code: 1001, reason: 'GATEWAY_STOPPING' },
};

defineParameterType({ name: 'closeReason', regexp: anyOf(Object.keys(CLOSED_AS)), transformer: (words: string) => CLOSED_AS[words]! });

/** What a person watches, in the words the features use, as the topics of CONTRACT.md. */
const WATCHED: Record<string, string[]> = {
  'his requests and the library': ['requests', 'library'],
  'her requests and the library': ['requests', 'library'],
  'his requests': ['requests'],
  'her requests': ['requests'],
  'every request': ['requests'],
  requests: ['requests'],
  'his downloads': ['downloads'],
  'her downloads': ['downloads'],
  'every download': ['downloads'],
  downloads: ['downloads'],
  'only service health': ['services'],
  'the library': ['library'],
};

defineParameterType({ name: 'watched', regexp: anyOf(Object.keys(WATCHED)), transformer: (words: string) => WATCHED[words]! });

/** Messages an app gets wrong, by what a reader would call them, and what is sent on the wire. */
const BAD_MESSAGES: Record<string, string | Buffer> = {
  'something that is not JSON': 'hello, is anyone there?',
  'a message of a kind the gateway does not know': JSON.stringify({ type: 'dance', data: {} }),
  'a subscription to topics that do not exist': JSON.stringify({ type: 'subscribe', data: { topics: ['gossip', 'weather'] } }),
  'a subscription without topics': JSON.stringify({ type: 'subscribe', data: {} }),
  'a subscription to no topics at all': JSON.stringify({ type: 'subscribe', data: { topics: [] } }),
  'a message with fields the gateway does not know': JSON.stringify({ type: 'ping', data: {}, urgent: true, again: 1 }),
  'a list instead of a message': JSON.stringify([{ type: 'ping' }]),
  'a message without a type': JSON.stringify({ data: {} }),
  'a message whose data is not an object': JSON.stringify({ type: 'ping', data: 'now' }),
  'a message whose data is null': JSON.stringify({ type: 'ping', data: null }),
  'a binary message': Buffer.from(JSON.stringify({ type: 'ping' })),
  'a sign-in without a token': JSON.stringify({ type: 'auth' }),
  'a second sign-in on a connection already signed in': JSON.stringify({ type: 'auth', token: 'any-token-at-all' }),
};

defineParameterType({ name: 'badMessage', regexp: anyOf(Object.keys(BAD_MESSAGES)), transformer: (words: string) => BAD_MESSAGES[words]! });

/** A first message that is not a sign-in with a token. */
const FIRST_MESSAGES: Record<string, object> = {
  'asks for updates': { type: 'subscribe', data: { topics: ['services'] } },
  'signs in without a token': { type: 'auth' },
  'signs in with an empty token': { type: 'auth', token: '' },
};

defineParameterType({ name: 'firstMessage', regexp: anyOf(Object.keys(FIRST_MESSAGES)), transformer: (words: string) => FIRST_MESSAGES[words]! });
