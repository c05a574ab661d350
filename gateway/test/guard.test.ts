import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessOf } from '../src/auth/guard';

test('a route that does not say who may call it is for signed-in users, never open to anyone', () => {
  assert.equal(accessOf(undefined), 'user');
  assert.equal(accessOf({}), 'user');
  assert.equal(accessOf({ access: 'public' }), 'public');
  assert.equal(accessOf({ access: 'admin' }), 'admin');
});
