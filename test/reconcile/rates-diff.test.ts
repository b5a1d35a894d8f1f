import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffRates, increasesWithoutNotice, pickRates } from '../../src/reconcile/rates-diff.js';
import type { RateRows } from '../../src/reconcile/state.js';

type Row = { prefix: string; eff: string | null; rate: string; dest: string; fee?: string; initial?: number; recurring?: number };

function rows(list: Row[]): RateRows {
  return {
    prefix: list.map((r) => r.prefix), destination: list.map((r) => r.dest), rate: list.map((r) => r.rate),
    connectionFee: list.map((r) => r.fee ?? null), initialInterval: list.map((r) => r.initial ?? null),
    recurringInterval: list.map((r) => r.recurring ?? null),
    effectiveDate: list.map((r) => r.eff), endDate: list.map(() => null),
  };
}

/** The increases a change from `live` to `want` makes, as apply writes it (added and changed rows). */
function increases(want: RateRows, live: RateRows, today: string, days: number) {
  const d = diffRates(want, live);
  return increasesWithoutNotice(pickRates(want, [...d.added, ...d.changed.map(([i]) => i)]), live, today, days);
}

test('rates are matched by prefix and effective date', () => {
  const live = rows([
    { prefix: '44', eff: null, rate: '0.01', dest: 'UK' },
    { prefix: '44', eff: '2027-01-01', rate: '0.02', dest: 'UK' },
    { prefix: '33', eff: null, rate: '0.03', dest: 'FR' },
  ]);
  const want = rows([
    { prefix: '44', eff: null, rate: '0.01', dest: 'UK' },
    { prefix: '44', eff: '2027-01-01', rate: '0.025', dest: 'UK' },
    { prefix: '49', eff: null, rate: '0.04', dest: 'DE' },
  ]);
  const d = diffRates(want, live);
  assert.deepEqual(d.added, [2]);
  assert.deepEqual(d.changed, [[1, 1]]);
  assert.deepEqual(d.removed, [2]);
});

const rowArb = fc.record({
  prefix: fc.stringMatching(/^[0-9]{1,4}$/),
  eff: fc.option(fc.constantFrom('2026-01-01', '2027-06-01'), { nil: null }),
  rate: fc.constantFrom('0.01', '0.02', '1.5'),
  dest: fc.constantFrom('A', 'B'),
});
const deckArb = fc.uniqueArray(rowArb, { selector: (r) => `${r.prefix}|${r.eff}`, maxLength: 30 });

test('a deck diffed with itself is empty; counts add up', () => {
  fc.assert(fc.property(deckArb, deckArb, (a, b) => {
    const self = diffRates(rows(a), rows(a));
    assert.equal(self.added.length + self.changed.length + self.removed.length, 0);
    const d = diffRates(rows(b), rows(a));
    // every desired row is either added, changed or unchanged; every live row removed, changed or unchanged
    const unchangedDesired = b.length - d.added.length - d.changed.length;
    const unchangedLive = a.length - d.removed.length - d.changed.length;
    assert.equal(unchangedDesired, unchangedLive);
  }));
});

test('a rate increase inside the notice period is found, one outside it is not', () => {
  const live = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }]);
  const want = rows([
    { prefix: '44', eff: null, rate: '0.0100', dest: 'UK' },
    { prefix: '44', eff: '2026-12-02', rate: '0.02', dest: 'UK' },
    { prefix: '44', eff: '2026-12-10', rate: '0.03', dest: 'UK' },
  ]);
  const found = increases(want, live, '2026-11-25', 7);
  assert.equal(found.length, 0, 'both dated increases are at least 7 days ahead');
  const soon = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }, { prefix: '44', eff: '2026-11-28', rate: '0.02', dest: 'UK' }]);
  const f2 = increases(soon, live, '2026-11-25', 7);
  assert.equal(f2.length, 1);
  assert.equal(f2[0].from, '0.0100');
  assert.equal(f2[0].to, '0.02');
  const cut = rows([{ prefix: '44', eff: null, rate: '0.009', dest: 'UK' }]);
  assert.equal(increases(cut, live, '2026-11-25', 7).length, 0, 'a decrease needs no notice');
  const raise = rows([{ prefix: '44', eff: null, rate: '0.011', dest: 'UK' }]);
  assert.equal(increases(raise, live, '2026-11-25', 7).length, 1, 'an immediate increase needs notice');
});

test('a higher connection fee or a longer billing interval inside the notice period is an increase too', () => {
  const live = rows([{ prefix: '44', eff: null, rate: '0.01', dest: 'UK', initial: 1, recurring: 1 }]);
  const fee = increases(rows([{ prefix: '44', eff: null, rate: '0.01', dest: 'UK', fee: '0.05', initial: 1, recurring: 1 }]), live, '2026-11-25', 7);
  assert.deepEqual(fee.map((f) => [f.field, f.from, f.to]), [['connectionFee', '0', '0.05']]);
  const longer = increases(rows([{ prefix: '44', eff: null, rate: '0.01', dest: 'UK', initial: 60, recurring: 60 }]), live, '2026-11-25', 7);
  assert.deepEqual(longer.map((f) => [f.field, f.from, f.to]), [['initialInterval', '1', '60'], ['recurringInterval', '1', '60']]);
  const defaulted = increases(rows([{ prefix: '44', eff: null, rate: '0.01', dest: 'UK UK' }]), live, '2026-11-25', 7);
  assert.deepEqual(defaulted, [], 'an interval left to the plan default and a destination rename are not increases');
  const later = increases(rows([
    { prefix: '44', eff: null, rate: '0.01', dest: 'UK', initial: 1, recurring: 1 },
    { prefix: '44', eff: '2026-12-02', rate: '0.01', dest: 'UK', fee: '0.10', initial: 60, recurring: 60 },
  ]), live, '2026-11-25', 7);
  assert.deepEqual(later, [], 'dated on the last day of the notice period is allowed');
});
