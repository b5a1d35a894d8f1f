// The rate-increase notice guard (src/reconcile/rate-increases.ts): cases
// by hand, and random decks against a brute-force model that rates every
// number on every day of the notice period, before and after the change.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareDecimal } from '../../src/model/decimal.js';
import { addDays, diffRates, pickRates } from '../../src/reconcile/rates-diff.js';
import { increasesWithoutNotice, type RateIncrease } from '../../src/reconcile/rate-increases.js';
import type { RateRows } from '../../src/reconcile/state.js';

type Row = { prefix: string; eff: string | null; end?: string | null; rate: string; dest: string; fee?: string | null; initial?: number | null; recurring?: number | null };

function rows(list: Row[]): RateRows {
  return {
    prefix: list.map((r) => r.prefix), destination: list.map((r) => r.dest), rate: list.map((r) => r.rate),
    connectionFee: list.map((r) => r.fee ?? null), initialInterval: list.map((r) => r.initial ?? null),
    recurringInterval: list.map((r) => r.recurring ?? null),
    effectiveDate: list.map((r) => r.eff), endDate: list.map((r) => r.end ?? null),
  };
}

/** The increases a change from `live` to `want` makes, as apply writes it: added and changed rows, removed keys. */
function increases(want: RateRows, live: RateRows, today: string, days: number): RateIncrease[] {
  const d = diffRates(want, live);
  const removed = { prefix: d.removed.map((j) => live.prefix[j]), effectiveDate: d.removed.map((j) => live.effectiveDate[j]) };
  return increasesWithoutNotice(pickRates(want, [...d.added, ...d.changed.desired]), removed, live, today, days);
}

const TODAY = '2026-11-25';

test('a rate increase inside the notice period is found, one outside it is not', () => {
  const live = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }]);
  const want = rows([
    { prefix: '44', eff: null, rate: '0.0100', dest: 'UK' },
    { prefix: '44', eff: '2026-12-02', rate: '0.02', dest: 'UK' },
    { prefix: '44', eff: '2026-12-10', rate: '0.03', dest: 'UK' },
  ]);
  assert.equal(increases(want, live, TODAY, 7).length, 0, 'both dated increases are at least 7 days ahead');
  const soon = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }, { prefix: '44', eff: '2026-11-28', rate: '0.02', dest: 'UK' }]);
  assert.deepEqual(increases(soon, live, TODAY, 7), [{ prefix: '44', effectiveDate: '2026-11-28', field: 'rate', from: '0.0100', to: '0.02' }]);
  const cut = rows([{ prefix: '44', eff: null, rate: '0.009', dest: 'UK' }]);
  assert.equal(increases(cut, live, TODAY, 7).length, 0, 'a decrease needs no notice');
  const raise = rows([{ prefix: '44', eff: null, rate: '0.011', dest: 'UK' }]);
  assert.deepEqual(increases(raise, live, TODAY, 7), [{ prefix: '44', effectiveDate: null, field: 'rate', from: '0.0100', to: '0.011' }]);
  assert.deepEqual(increases(raise, rows([]), TODAY, 7), [], 'no live rate, nothing to go up from');
  assert.deepEqual(increases(raise, live, TODAY, 0), [], 'a notice period of 0 days allows an immediate increase');
  assert.deepEqual(increases(soon, live, TODAY, 0), [], 'and a dated one');
});

test('a higher connection fee or a longer billing interval inside the notice period is an increase too', () => {
  const live = rows([{ prefix: '44', eff: null, rate: '0.01', dest: 'UK', initial: 1, recurring: 1 }]);
  const fee = increases(rows([{ prefix: '44', eff: null, rate: '0.01', dest: 'UK', fee: '0.05', initial: 1, recurring: 1 }]), live, TODAY, 7);
  assert.deepEqual(fee.map((f) => [f.field, f.from, f.to]), [['connectionFee', '0', '0.05']]);
  const longer = increases(rows([{ prefix: '44', eff: null, rate: '0.01', dest: 'UK', initial: 60, recurring: 60 }]), live, TODAY, 7);
  assert.deepEqual(longer.map((f) => [f.field, f.from, f.to]), [['initialInterval', '1', '60'], ['recurringInterval', '1', '60']]);
  const defaulted = increases(rows([{ prefix: '44', eff: null, rate: '0.01', dest: 'UK UK' }]), live, TODAY, 7);
  assert.deepEqual(defaulted, [], 'an interval left to the plan default and a destination rename are not increases');
  const later = increases(rows([
    { prefix: '44', eff: null, rate: '0.01', dest: 'UK', initial: 1, recurring: 1 },
    { prefix: '44', eff: '2026-12-02', rate: '0.01', dest: 'UK', fee: '0.10', initial: 60, recurring: 60 },
  ]), live, TODAY, 7);
  assert.deepEqual(later, [], 'dated on the last day of the notice period is allowed');
});

test('a new longer prefix priced above the one that rated its numbers is an increase (a code split)', () => {
  const live = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }]);
  const split = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }, { prefix: '447', eff: null, rate: '0.0800', dest: 'UK Mobile' }]);
  assert.deepEqual(increases(split, live, TODAY, 7), [
    { prefix: '447', effectiveDate: null, field: 'rate', from: '0.0100', to: '0.0800', fromPrefix: '44' },
  ]);
  const cheaper = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }, { prefix: '447', eff: null, rate: '0.0050', dest: 'UK Mobile' }]);
  assert.deepEqual(increases(cheaper, live, TODAY, 7), [], 'a split priced below its cover bills less');
  const announced = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }, { prefix: '447', eff: '2026-12-02', rate: '0.0800', dest: 'UK Mobile' }]);
  assert.deepEqual(increases(announced, live, TODAY, 7), [], 'a split dated at the end of the notice period is allowed');
  const elsewhere = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }, { prefix: '33', eff: null, rate: '0.0800', dest: 'France' }]);
  assert.deepEqual(increases(elsewhere, live, TODAY, 7), [], 'a prefix no live rate covers is a new destination, not an increase');
});

test('a deleted prefix whose numbers fall back to a dearer shorter one is an increase', () => {
  const live = rows([{ prefix: '44', eff: null, rate: '0.0800', dest: 'UK' }, { prefix: '447', eff: null, rate: '0.0100', dest: 'UK Mobile' }]);
  const dropped = rows([{ prefix: '44', eff: null, rate: '0.0800', dest: 'UK' }]);
  assert.deepEqual(increases(dropped, live, TODAY, 7), [
    { prefix: '447', effectiveDate: null, field: 'rate', from: '0.0100', to: '0.0800', toPrefix: '44' },
  ]);
  const alone = rows([{ prefix: '447', eff: null, rate: '0.0100', dest: 'UK Mobile' }]);
  assert.deepEqual(increases(alone, live, TODAY, 7), [], 'deleting the dearer cover bills no number more');
  const ended = rows([
    { prefix: '44', eff: null, rate: '0.0800', dest: 'UK' }, { prefix: '447', eff: null, end: '2026-11-30', rate: '0.0100', dest: 'UK Mobile' },
  ]);
  assert.deepEqual(increases(ended, live, TODAY, 7), [
    { prefix: '447', effectiveDate: '2026-11-30', field: 'rate', from: '0.0100', to: '0.0800', toPrefix: '44' },
  ], 'a rate ended inside the notice period hands its numbers to the cover on its end date');
});

test('a dated live rate is the reference on its own days: lowering an announced increase is not one', () => {
  const live = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }, { prefix: '44', eff: '2026-11-28', rate: '0.0300', dest: 'UK' }]);
  const lowered = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }, { prefix: '44', eff: '2026-11-28', rate: '0.0250', dest: 'UK' }]);
  assert.deepEqual(increases(lowered, live, TODAY, 7), []);
  const sooner = rows([{ prefix: '44', eff: null, rate: '0.0100', dest: 'UK' }, { prefix: '44', eff: '2026-11-26', rate: '0.0300', dest: 'UK' }]);
  assert.deepEqual(increases(sooner, live, TODAY, 7), [{ prefix: '44', effectiveDate: '2026-11-26', field: 'rate', from: '0.0100', to: '0.0300' }],
    'moving an announced increase earlier bills the days in between more');
});

// The brute-force model: every number the prefixes lead to, rated on every day of the notice period.
const DIGITS = ['4', '7'];
const PREFIXES = ['4', '7', '44', '47', '74', '77', '447', '474', '744', '777'];
const DAYS = ['2026-11-20', '2026-11-25', '2026-11-26', '2026-11-28', '2026-12-01', '2026-12-02', '2026-12-04'];

function allNumbers(maxLength: number): string[] {
  let level = [''];
  const out: string[] = [];
  for (let n = 0; n < maxLength; n++) {
    level = level.flatMap((s) => DIGITS.map((d) => s + d));
    out.push(...level);
  }
  // A digit no prefix has ends each number, so it is led to by its own digits only.
  return out.map((s) => `${s}9`);
}

/** The row rating `number` on `day`: longest prefix with a rate in effect, then the latest effective date. */
function rateOf(deck: Row[], number: string, day: string): Row | undefined {
  const inForce = deck.filter((r) => number.startsWith(r.prefix) && (r.eff ?? '') <= day && (r.end == null || day < r.end));
  inForce.sort((a, b) => b.prefix.length - a.prefix.length || ((b.eff ?? '') < (a.eff ?? '') ? -1 : (b.eff ?? '') > (a.eff ?? '') ? 1 : 0));
  return inForce[0];
}

function dearer(before: Row, after: Row): string[] {
  const out: string[] = [];
  if (compareDecimal(after.rate, before.rate) > 0) out.push('rate');
  if (compareDecimal(after.fee ?? '0', before.fee ?? '0') > 0) out.push('connectionFee');
  for (const [field, key] of [['initialInterval', 'initial'], ['recurringInterval', 'recurring']] as const) {
    const a = after[key];
    const b = before[key];
    if (a != null && b != null && a > b) out.push(field);
  }
  return out;
}

const rowArb = fc.record({
  prefix: fc.constantFrom(...PREFIXES),
  eff: fc.option(fc.constantFrom(...DAYS), { nil: null }),
  end: fc.option(fc.constantFrom(...DAYS), { nil: null }),
  rate: fc.constantFrom('0.01', '0.010', '0.02', '0.5'),
  dest: fc.constant('X'),
  fee: fc.option(fc.constantFrom('0', '0.05'), { nil: null }),
  initial: fc.option(fc.constantFrom(1, 60), { nil: null }),
  recurring: fc.option(fc.constantFrom(1, 60), { nil: null }),
}).filter((r) => r.end === null || r.eff === null || r.end > r.eff);
const deckArb = fc.uniqueArray(rowArb, { selector: (r) => `${r.prefix}|${r.eff}`, maxLength: 14 });

test('random changes: an increase is reported exactly where some number is billed more on some day of the notice period', () => {
  const numbers = allNumbers(3);
  fc.assert(fc.property(deckArb, deckArb, fc.constantFrom(0, 3, 7), (live, want, noticeDays) => {
    const found = increases(rows(want), rows(live), TODAY, noticeDays);
    const horizon = addDays(TODAY, noticeDays);
    const days: string[] = [];
    for (let d = TODAY; d < horizon; d = addDays(d, 1)) days.push(d);
    // Each number billed more on some day, by field, and the longest changed prefix leading to it.
    const changed = new Set(found.map((f) => f.prefix));
    const wantIncreases = new Set<string>();
    const d = diffRates(rows(want), rows(live));
    const touched = new Set([...d.added, ...d.changed.desired].map((i) => want[i].prefix).concat(d.removed.map((j) => live[j].prefix)));
    for (const n of numbers) {
      for (const day of days) {
        const before = rateOf(live, n, day);
        const after = rateOf(want, n, day);
        if (!before || !after) continue;
        for (const field of dearer(before, after)) {
          const lead = [...touched].filter((p) => n.startsWith(p)).sort((a, b) => b.length - a.length)[0];
          assert.ok(lead !== undefined, `number ${n} is billed more on ${day}, yet no prefix of it changed`);
          wantIncreases.add(`${lead}|${field}`);
        }
      }
    }
    const got = new Set(found.map((f) => `${f.prefix}|${f.field}`));
    // Every number billed more is reported at its longest changed prefix; nothing else is reported.
    for (const w of wantIncreases) assert.ok(got.has(w), `missed ${w}: ${JSON.stringify(found)}`);
    for (const g of got) {
      const [prefix, field] = g.split('|');
      // The report stands for the numbers only its own prefix leads to (here, the prefix then 9).
      const billedMore = days.some((day) => {
        const before = rateOf(live, `${prefix}9`, day);
        const after = rateOf(want, `${prefix}9`, day);
        return before !== undefined && after !== undefined && dearer(before, after).includes(field);
      });
      assert.ok(billedMore, `reported ${g}, yet no number of it is billed more: ${JSON.stringify(found)}`);
      assert.ok(changed.has(prefix));
    }
  }), { numRuns: 2000 });
});
