import assert from 'node:assert/strict';
import { test } from 'node:test';
import { whatForbids } from '../src/upstreams/overseerr';

test("Overseerr's 403 to a new request says whether a quota or a permission stood in the way", () => {
  assert.equal(whatForbids({ message: 'Movie Quota exceeded.' }), 'over-quota');
  assert.equal(whatForbids({ message: 'Series Quota exceeded.' }), 'over-quota');
  assert.equal(whatForbids({ message: 'You do not have permission to make 4K movie requests.' }), 'not-permitted');
});

test('a 403 that says neither, or is not JSON, is a refusal whose cause is unknown', () => {
  assert.equal(whatForbids({ message: 'Forbidden' }), 'forbidden');
  assert.equal(whatForbids({ message: 42 }), 'forbidden');
  assert.equal(whatForbids('<html>403 Forbidden</html>'), 'forbidden');
  assert.equal(whatForbids(null), 'forbidden');
});
