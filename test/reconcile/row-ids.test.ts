// Ordered row ids: valid version 7 UUIDs, each greater than the last as
// text (what the varchar primary key compares), and apart between two
// sequences begun in the same millisecond.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OrderedIds } from '../../src/reconcile/row-ids.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('ordered ids are version 7 UUIDs carrying their start time, in increasing order', () => {
  const now = Date.UTC(2026, 11, 5, 11, 30);
  const ids = new OrderedIds(now, Uint8Array.of(0xde, 0xad, 0xbe, 0xef));
  const seen: string[] = [];
  for (let i = 0; i < 70_000; i++) seen.push(ids.next());
  for (const id of seen) assert.match(id, V7);
  assert.equal(parseInt(seen[0].replace(/-/g, '').slice(0, 12), 16), now, 'the first 48 bits are the time in ms');
  assert.ok(seen.every((id) => id.endsWith('deadbeef')));
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i - 1] < seen[i], `${seen[i - 1]} < ${seen[i]}`);
  assert.equal(new Set(seen).size, seen.length);
  // The counter crosses from the low into the high bits (2^28) in order too.
  const far = new OrderedIds(now, Uint8Array.of(0, 0, 0, 1));
  (far as unknown as { counter: number }).counter = 2 ** 28 - 1;
  const [a, b] = [far.next(), far.next()];
  assert.match(b, V7);
  assert.ok(a < b, `${a} < ${b}`);
  assert.equal(b.slice(14, 18), '7001');
});

test('two sequences begun in the same millisecond give different ids, and a later one sorts after', () => {
  const now = 1_780_000_000_000;
  const a = new OrderedIds(now);
  const b = new OrderedIds(now);
  const fromA = [a.next(), a.next()];
  const fromB = [b.next(), b.next()];
  assert.ok(!fromA.some((id) => fromB.includes(id)));
  const later = new OrderedIds(now + 1).next();
  assert.ok([...fromA, ...fromB].every((id) => id < later));
  assert.ok(new OrderedIds(now, new Uint8Array(4)).next().endsWith('00000000'));
});
