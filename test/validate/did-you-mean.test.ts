import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, editDistance } from '../../src/validate/did-you-mean.js';
import { skeleton } from '../../src/validate/confusable.js';

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
