import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, readConfig } from '../src/config';

const SECRET = 'x'.repeat(32);

test('the defaults of the contract apply when nothing is set', () => {
  const config = readConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.libraryCacheSeconds, 60);
  assert.deepEqual(config.rateLimits, { userPerMinute: 300, anonPerMinute: 100, pinPerMinute: 10, verifyPerMinute: 30 });
  assert.deepEqual(config.uptimeKumaMonitors, { plex: 'Plex Media Server', overseerr: 'Overseerr', medianest: 'MediaNest' });
  assert.equal(config.warnings.length, 2, 'both generated secrets are warned about');
});

for (const [variable, value] of [
  ['PORT', 'eighty'],
  ['PORT', '70000'],
  ['PLEX_SERVER_URL', 'ftp://plex.local'],
  ['OVERSEERR_URL', 'not a url'],
  ['JWT_SECRET', 'too-short'],
  ['LOG_LEVEL', 'loud'],
  ['UPTIME_KUMA_MONITORS', 'plex'],
  ['DOWNLOAD_CONCURRENCY', '0'],
  ['DATABASE_URL', 'mysql://db.local/medianest'],
  ['DATABASE_URL', 'postgres://'],
  ['INSTANCE_NAME', 'instance a'],
] as const) {
  test(`an invalid ${variable} stops start-up naming the variable`, () => {
    assert.throws(() => readConfig({ [variable]: value }), (error: unknown) => error instanceof ConfigError && error.variable === variable);
  });
}

test('production requires both secrets', () => {
  assert.throws(() => readConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: SECRET }), { variable: 'JWT_SECRET' });
  assert.throws(() => readConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }), { variable: 'ENCRYPTION_KEY' });
  assert.equal(readConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET, ENCRYPTION_KEY: SECRET }).warnings.length, 0);
});

test('a postgres:// or postgresql:// DATABASE_URL is taken as it is; INSTANCE_NAME names the instance, medianest by default', () => {
  for (const url of ['postgres://medianest@127.0.0.1:5432/medianest', 'postgresql://user:secret@db.local/medianest?sslmode=require']) {
    assert.equal(readConfig({ DATABASE_URL: url }).databaseUrl, url);
  }
  assert.equal(readConfig({}).databaseUrl, undefined);
  assert.equal(readConfig({}).instanceName, 'medianest');
  assert.equal(readConfig({ INSTANCE_NAME: 'gateway-b' }).instanceName, 'gateway-b');
});

test('an invalid DATABASE_URL is not repeated in the error: it may hold a password', () => {
  assert.throws(() => readConfig({ DATABASE_URL: 'mysql://user:hunter2@db.local/medianest' }), (error: Error) => !error.message.includes('hunter2'));
});
