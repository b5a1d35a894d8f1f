import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { closest, editDistance } from '../../src/validate/did-you-mean.js';
import { fullSkeleton, skeleton } from '../../src/validate/confusable.js';

test('closest suggests likely typos only', () => {
  assert.equal(closest('UK Retial', ['UK Retail', 'UK Wholesale']), 'UK Retail');
  assert.equal(closest('Carier', ['Carrier', 'Service']), 'Carrier');
  assert.equal(closest('usd', ['USD', 'EUR']), 'USD');
  assert.equal(closest('XYZ', ['UK Retail', 'Germany']), undefined);
});

test('edit distance counts a swap once', () => {
  assert.equal(editDistance('retial', 'retail'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('', 'abc'), 3);
});

test('confusable identities share a skeleton, different ones do not', () => {
  assert.equal(skeleton('ＡＣＭＥ'), skeleton('ACME'));
  assert.equal(skeleton('ACME\u200b'), skeleton('acme'));
  assert.equal(skeleton('AC\u202eME'), skeleton('ACME'));
  assert.notEqual(skeleton('ACME'), skeleton('ACNE'));
});

test('the skeleton of printable ASCII is the full skeleton, taken the short way', () => {
  for (const text of ['ACME', 'UK  Wholesale', '  a   b  ', '', 'Tier-1 / EU', '~!@#$%^&*()_+{}|:"<>?']) {
    assert.equal(skeleton(text), fullSkeleton(text), JSON.stringify(text));
  }
  const spacey = fc.array(fc.constantFrom('a', 'Z', ' ', '  ', '-', '0'), { maxLength: 12 }).map((parts) => parts.join(''));
  const anyText = fc.string({ unit: 'binary', maxLength: 12 });
  fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 16 }), spacey, anyText), (text) => skeleton(text) === fullSkeleton(text)), { numRuns: 2000 });
});
