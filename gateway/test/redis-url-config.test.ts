import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, readConfig } from '../src/config';

test('REDIS_URL must be a redis:// or rediss:// URL', () => {
  for (const url of ['redis://127.0.0.1:6379', 'rediss://cache.example:6380/2']) assert.equal(readConfig({ REDIS_URL: url }).redisUrl, url);
  for (const url of ['http://127.0.0.1:6379', '127.0.0.1:6379', 'not a url']) {
    assert.throws(() => readConfig({ REDIS_URL: url }), (error: unknown) => error instanceof ConfigError && error.variable === 'REDIS_URL');
  }
  assert.equal(readConfig({}).redisUrl, undefined);
});
