import type { Topic } from './events';

/** The bounds of CONTRACT.md ("Realtime"). */
export const MAX_MESSAGE_BYTES = 16 * 1024;
export const MESSAGES_PER_SECOND = 20;
export const SOCKETS_PER_USER = 20;
export const AUTH_GRACE_MS = 5_000;
export const PING_INTERVAL_MS = 30_000;
export const MISSED_PONGS_TOLERATED = 2;

/** Close codes: 1001 and 1009 are the WebSocket standard's, 44xx mirror the HTTP statuses. */
export const CLOSE = { goingAway: 1001, tooBig: 1009, unauthorized: 4401, tooMany: 4429 } as const;

export const TOPICS: readonly Topic[] = ['services', 'requests', 'downloads', 'library'];

export type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'subscribe'; topics: Topic[] }
  | { type: 'ping' };

/** A message the client got wrong: it is told, and the socket stays open. */
export interface ProtocolError {
  code: 'INVALID_JSON' | 'VALIDATION_ERROR';
  message: string;
}

/** Encodes a server message once; fan-out sends the same text to every socket. */
export function encode(type: string, data: unknown): string {
  return JSON.stringify({ type, data });
}

/**
 * Reads a client message `{type, data?}`. The auth token may sit at the top level, as CONTRACT.md
 * writes it (`{"type":"auth","token"}`), or in `data`; subscribe topics sit in `data` (or at the
 * top level, for the same symmetry). Anything else is a `ProtocolError`.
 */
export function parseClientMessage(text: string): ClientMessage | ProtocolError {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { code: 'INVALID_JSON', message: 'Send each message as JSON' };
  }
  if (!isObject(message) || typeof message.type !== 'string') return invalid('A message is an object {type, data}');
  const data = message.data === undefined ? {} : message.data;
  if (!isObject(data)) return invalid('data must be an object');
  const unknown = Object.keys(message).filter((key) => !['type', 'data', 'token', 'topics'].includes(key));
  if (unknown.length) return invalid(`Unknown fields: ${unknown.join(', ')}`);
  switch (message.type) {
    case 'auth': {
      const token = message.token ?? data.token;
      return typeof token === 'string' && token.length > 0 ? { type: 'auth', token } : invalid('auth needs a token');
    }
    case 'subscribe': {
      const topics = message.topics ?? data.topics;
      if (!Array.isArray(topics) || topics.length === 0) return invalid(`subscribe needs topics, some of: ${TOPICS.join(', ')}`);
      const wrong = topics.filter((topic) => !TOPICS.includes(topic as Topic));
      if (wrong.length) return invalid(`Unknown topics: ${wrong.map(String).join(', ')}; the topics are ${TOPICS.join(', ')}`);
      return { type: 'subscribe', topics: [...new Set(topics as Topic[])] };
    }
    case 'ping':
      return { type: 'ping' };
    default:
      return invalid(`Unknown message type "${message.type.slice(0, 40)}"; send auth, subscribe or ping`);
  }
}

export const isProtocolError = (parsed: ClientMessage | ProtocolError): parsed is ProtocolError => 'code' in parsed;

function invalid(message: string): ProtocolError {
  return { code: 'VALIDATION_ERROR', message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
