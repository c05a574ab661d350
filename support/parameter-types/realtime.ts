import { defineParameterType } from '@cucumber/cucumber';

const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (phrases: string[]) => new RegExp([...phrases].sort((a, b) => b.length - a.length).map(escape).join('|'));

/** The close codes a person's app can tell apart (CONTRACT.md, "Realtime"). */
const CLOSED_AS: Record<string, number> = {
  unauthorised: 4401,
  'sending too much': 4429,
  'too many connections': 4429,
  'too large': 1009,
  'the gateway going away': 1001,
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
const BAD_MESSAGES: Record<string, string> = {
  'something that is not JSON': 'hello, is anyone there?',
  'a message of a kind the gateway does not know': JSON.stringify({ type: 'dance', data: {} }),
  'a subscription to a topic that does not exist': JSON.stringify({ type: 'subscribe', data: { topics: ['gossip'] } }),
  'a subscription without topics': JSON.stringify({ type: 'subscribe', data: {} }),
  'a message with a field the gateway does not know': JSON.stringify({ type: 'ping', data: {}, urgent: true }),
  'a list instead of a message': JSON.stringify([{ type: 'ping' }]),
};

defineParameterType({ name: 'badMessage', regexp: anyOf(Object.keys(BAD_MESSAGES)), transformer: (words: string) => BAD_MESSAGES[words]! });
