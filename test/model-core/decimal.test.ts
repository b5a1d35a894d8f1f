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
  // a / 10^scale against b / 10^scale, each written with `pad` more zeros after the point (or none).
  const int = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
  fc.assert(fc.property(int, int, fc.nat(8), fc.nat(3), fc.nat(3), (a, b, scale, padA, padB) => {
    const text = (v: bigint, pad: number) => {
      const neg = v < 0n;
      const digits = (neg ? -v : v).toString().padStart(scale + 1, '0');
      const s = scale === 0 ? (pad === 0 ? digits : `${digits}.${'0'.repeat(pad)}`) : `${digits.slice(0, -scale)}.${digits.slice(-scale)}${'0'.repeat(pad)}`;
      return neg ? `-${s}` : s;
    };
    const want = a < b ? -1 : a > b ? 1 : 0;
    assert.equal(Math.sign(compareDecimal(text(a, padA), text(b, padB))), want);
    assert.equal(Math.sign(compareDecimal(text(b, padB), text(a, padA))), want === 0 ? 0 : -want);
  }), { numRuns: 5_000 });
  // Whole parts of one length, fractions of others: the point and missing digits line up.
  const cases: Array<[string, string, number]> = [
    ['1.5', '1', 1], ['1', '1.5', -1], ['1.05', '1.5', -1], ['10', '9.999', 1], ['0.1', '0.09', 1], ['0.000001', '0', 1], ['-0.1', '0', -1], ['-1.5', '-1', -1],
  ];
  for (const [a, b, want] of cases) assert.equal(Math.sign(compareDecimal(a, b)), want, `${a} vs ${b}`);
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
