import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalByPattern, canonicalDecimal, checkDecimal, compareDecimal } from '../../src/model/decimal.js';

test('canonical form drops padding but keeps every significant digit', () => {
  assert.equal(canonicalDecimal('5000.00'), '5000');
  assert.equal(canonicalDecimal('0040000.50'), '40000.5');
  assert.equal(canonicalDecimal('0.12345678901234567'), '0.12345678901234567');
  assert.equal(canonicalDecimal('-0.000'), '0');
  assert.equal(canonicalDecimal('+1.10'), '1.1');
  assert.equal(canonicalDecimal('1e3'), undefined);
  assert.equal(canonicalDecimal('1.'), undefined);
});

test('a value with more places or digits than the column holds is an error, not a rounding', () => {
  assert.deepEqual(checkDecimal('0.1234567', { precision: 12, scale: 6 }).ok, false);
  assert.deepEqual(checkDecimal('0.123456', { precision: 12, scale: 6 }), { ok: true, value: '0.123456' });
  assert.deepEqual(checkDecimal('1234567.0', { precision: 12, scale: 6 }).ok, false);
  assert.deepEqual(checkDecimal('123456.000000', { precision: 12, scale: 6 }).ok, true);
});

test('equal decimals compare 0, negative ones too (not -0)', () => {
  assert.equal(compareDecimal('-2', '-2'), 0);
  assert.equal(compareDecimal('-2.50', '-2.5'), 0);
  assert.equal(compareDecimal('0', '-0.000'), 0);
});

test('compareDecimal agrees with exact integer comparison', () => {
  fc.assert(fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat(8), (a, b, scale) => {
    const text = (v: bigint) => {
      const neg = v < 0n;
      const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
      const s = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
      return neg ? `-${s}` : s;
    };
    assert.equal(Math.sign(compareDecimal(text(a), text(b))), a < b ? -1 : a > b ? 1 : 0);
  }));
});

test('the fast canonical form agrees with its definition on decimals and near-decimals', () => {
  const piece = fc.constantFrom('0', '00', '1', '9', '10', '000', '5000', '.', '-', '+', ' ', 'e', '1.', '.5', '0.0');
  const texts = fc.oneof(
    fc.array(piece, { maxLength: 6 }).map((p) => p.join('')),
    fc.stringMatching(/^[+-]?\d{0,6}(\.\d{0,6})?$/),
    fc.string({ maxLength: 8 }),
  );
  fc.assert(fc.property(texts, (text) => {
    assert.equal(canonicalDecimal(text), canonicalByPattern(text), JSON.stringify(text));
  }), { numRuns: 20_000 });
  for (const text of ['0', '0.0', '0.10', '00.1', '10', '10.000', '1.000001', '0.000000', '7.', '.7', '1..2', '']) {
    assert.equal(canonicalDecimal(text), canonicalByPattern(text), text);
  }
});
