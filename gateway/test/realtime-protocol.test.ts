import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encode, isProtocolError, parseClientMessage } from '../src/realtime/protocol';

test('auth carries its token at the top level, as the contract writes it, or in data', () => {
  assert.deepEqual(parseClientMessage('{"type":"auth","token":"abc"}'), { type: 'auth', token: 'abc' });
  assert.deepEqual(parseClientMessage('{"type":"auth","data":{"token":"abc"}}'), { type: 'auth', token: 'abc' });
});

test('subscribe names known topics, each kept once', () => {
  assert.deepEqual(parseClientMessage('{"type":"subscribe","data":{"topics":["services","downloads","services"]}}'), {
    type: 'subscribe',
    topics: ['services', 'downloads'],
  });
  assert.deepEqual(parseClientMessage('{"type":"subscribe","topics":["library"]}'), { type: 'subscribe', topics: ['library'] });
  assert.deepEqual(parseClientMessage('{"type":"ping"}'), { type: 'ping' });
});

for (const [text, code, message] of [
  ['not json', 'INVALID_JSON', /JSON/],
  ['[]', 'VALIDATION_ERROR', /object \{type, data\}/],
  ['{"data":{}}', 'VALIDATION_ERROR', /object \{type, data\}/],
  ['{"type":"ping","data":[]}', 'VALIDATION_ERROR', /data must be an object/],
  ['{"type":"ping","extra":1}', 'VALIDATION_ERROR', /Unknown fields: extra/],
  ['{"type":"auth"}', 'VALIDATION_ERROR', /needs a token/],
  ['{"type":"auth","token":""}', 'VALIDATION_ERROR', /needs a token/],
  ['{"type":"subscribe","topics":[]}', 'VALIDATION_ERROR', /needs topics/],
  ['{"type":"subscribe","topics":["services","secrets"]}', 'VALIDATION_ERROR', /Unknown topics: secrets/],
  [`{"type":"${'x'.repeat(500)}"}`, 'VALIDATION_ERROR', /^Unknown message type "x{40}";/],
] as const) {
  test(`${text.slice(0, 60)} is a ${code}`, () => {
    const parsed = parseClientMessage(text);
    assert.ok(isProtocolError(parsed), `accepted as ${JSON.stringify(parsed)}`);
    assert.equal(parsed.code, code);
    assert.match(parsed.message, message);
  });
}

test('a server message is encoded once as {type, data}', () => {
  assert.equal(encode('service:status', { service: 'plex', status: 'down' }), '{"type":"service:status","data":{"service":"plex","status":"down"}}');
});
