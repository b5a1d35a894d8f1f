// The canonical text of a value (stableStringify) is what every comparison
// and recorded digest rests on: it ignores key order, lists array-index keys
// first by number (as recorded digests have it), and loses no key:
// `__proto__`, which jsonb may hold, is data.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { canonicalJson, normalise, stableStringify, valuesEqual } from '../../src/reconcile/values.js';

/** Keys that read as array indices or almost do, and names objects treat specially. */
const key = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.nat({ max: 600 }).map(String),
  fc.constantFrom('0', '00', '01', '486', '4294967294', '4294967295', '-1', '1.5', '1e3', ' 1', '__proto__', 'constructor', 'toJSON', 'a'),
);

test('key order does not change the text; a changed value does', () => {
  fc.assert(fc.property(fc.dictionary(key, fc.integer(), { minKeys: 1, maxKeys: 8 }), (d) => {
    const keys = Object.keys(d);
    const reversed: Record<string, unknown> = {};
    for (const k of [...keys].reverse()) Object.defineProperty(reversed, k, { value: d[k], enumerable: true, writable: true, configurable: true });
    assert.equal(stableStringify(reversed), stableStringify(d));
    const changed: Record<string, unknown> = {};
    for (const k of keys) Object.defineProperty(changed, k, { value: k === keys[0] ? d[k] + 1 : d[k], enumerable: true, writable: true, configurable: true });
    assert.notEqual(stableStringify(changed), stableStringify(d));
  }), { numRuns: 500 });
});

test('array-index keys come first by number, the rest sorted', () => {
  const text = stableStringify(JSON.parse('{"b":1,"10":2,"a":3,"9":4,"01":5,"4294967295":6}'));
  assert.equal(text, '{"9":4,"10":2,"01":5,"4294967295":6,"a":3,"b":1}');
});

test('a __proto__ key is data: kept in the canonical copy, and a change to it is a change', () => {
  const a = JSON.parse('{"__proto__": {"x": 1}, "486": "busy"}') as Record<string, unknown>;
  const b = JSON.parse('{"__proto__": {"x": 2}, "486": "busy"}') as Record<string, unknown>;
  const copy = canonicalJson(a) as Record<string, unknown>;
  assert.deepEqual(Object.keys(copy), ['486', '__proto__']);
  assert.equal(Object.getPrototypeOf(copy), Object.prototype);
  assert.equal(stableStringify(a), '{"486":"busy","__proto__":{"x":1}}');
  assert.equal(valuesEqual(normalise({ type: 'json' }, a), normalise({ type: 'json' }, b)), false);
});
