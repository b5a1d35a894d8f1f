import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareKeys, diffRates, pickRates, sampleDelta, smallest } from '../../src/reconcile/rates-diff.js';
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
  assert.deepEqual(d.changed, { desired: [1], live: [1] });
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
    assert.equal(self.added.length + self.changed.desired.length + self.removed.length, 0);
    const d = diffRates(rows(b), rows(a));
    // every desired row is either added, changed or unchanged; every live row removed, changed or unchanged
    const unchangedDesired = b.length - d.added.length - d.changed.desired.length;
    const unchangedLive = a.length - d.removed.length - d.changed.live.length;
    assert.equal(unchangedDesired, unchangedLive);
  }));
});

/** The diff by its definition: every row looked up by key, values compared as text. */
function referenceDiff(desired: RateRows, live: RateRows) {
  const key = (r: RateRows, i: number) => `${r.prefix[i]}|${r.effectiveDate[i] ?? ''}`;
  const value = (r: RateRows, i: number) => [r.destination[i], r.rate[i], r.connectionFee[i] ?? '', r.initialInterval[i] ?? '', r.recurringInterval[i] ?? '', r.endDate[i] ?? ''].join('\u0001');
  const index = new Map<string, number>();
  for (let j = 0; j < live.prefix.length; j++) if (!index.has(key(live, j))) index.set(key(live, j), j);
  const added: number[] = [];
  const changed = { desired: [] as number[], live: [] as number[] };
  const seen = new Set<number>();
  for (let i = 0; i < desired.prefix.length; i++) {
    const j = index.get(key(desired, i));
    if (j === undefined) added.push(i);
    else {
      seen.add(j);
      if (value(desired, i) !== value(live, j)) {
        changed.desired.push(i);
        changed.live.push(j);
      }
    }
  }
  const removed = live.prefix.map((_, j) => j).filter((j) => !seen.has(j));
  return { added, changed, removed };
}

test('the diff agrees with its definition, in any order and with rows aligned or shifted', () => {
  const row = fc.record({
    prefix: fc.constantFrom('1', '44', '441', '4420', '49', '33'),
    eff: fc.constantFrom(null, '2026-01-01', '2027-06-01'),
    rate: fc.constantFrom('0.01', '0.02', '0.5'),
    dest: fc.constantFrom('UK', 'DE'),
    fee: fc.option(fc.constantFrom('0.1', '0'), { nil: undefined }),
    initial: fc.option(fc.constantFrom(1, 60), { nil: undefined }),
  });
  const unique = (list: Row[]) => {
    const keys = new Set<string>();
    return list.filter((r) => !keys.has(`${r.prefix}|${r.eff}`) && keys.add(`${r.prefix}|${r.eff}`));
  };
  const deck = fc.array(row, { maxLength: 30 }).map(unique);
  const sorted = (list: Row[]) => [...list].sort((a, b) => (a.prefix + (a.eff ?? '')).localeCompare(b.prefix + (b.eff ?? '')));
  fc.assert(fc.property(deck, deck, fc.boolean(), fc.boolean(), (want, have, sortWant, sortHave) => {
    const d = rows(sortWant ? sorted(want) : want);
    const l = rows(sortHave ? sorted(have) : have);
    assert.deepEqual(diffRates(d, l), referenceDiff(d, l));
    // a deck edited in place: the same keys, some values changed
    const edited = rows((sortWant ? sorted(want) : want).map((r, i) => (i % 3 === 0 ? { ...r, rate: '0.99' } : r)));
    assert.deepEqual(diffRates(edited, d), referenceDiff(edited, d));
  }), { numRuns: 2_000 });
});

test('a rates digest is the sha256 of one line per row, however the rows are handed to the hash', async () => {
  const { createHash } = await import('node:crypto');
  const { ratesDigest } = await import('../../src/reconcile/plan.js');
  for (const n of [0, 1, 999, 1000, 1001, 2500]) {
    const list = Array.from({ length: n }, (_, i) => ({ prefix: String(100 + i), eff: i % 2 ? '2026-01-01' : null, rate: `0.${i}`, dest: `D${i}`, fee: i % 3 ? '0.1' : undefined, initial: i % 5 ? 60 : undefined }));
    const r = rows(list);
    const lines = list.map((x, i) => `${x.prefix}|${x.eff ?? ''}|${x.dest}|${x.rate}|${x.fee ?? ''}|${x.initial ?? ''}||${r.endDate[i] ?? ''}\n`).join('');
    assert.equal(ratesDigest(r), createHash('sha256').update(lines).digest('hex').slice(0, 32), `${n} rows`);
  }
});

test('a prefix with many dates is matched by whole keys, with the same result', () => {
  const dates = Array.from({ length: 40 }, (_, k) => `2026-01-${String((k % 28) + 1).padStart(2, '0')}`).filter((d, k, a) => a.indexOf(d) === k);
  const live = rows(dates.map((eff, k) => ({ prefix: '44', eff, rate: `0.0${k}`, dest: 'UK' })));
  const want = rows([...dates].reverse().map((eff, k) => ({ prefix: '44', eff, rate: k === 3 ? '0.9' : `0.0${dates.length - 1 - k}`, dest: 'UK' })));
  assert.deepEqual(diffRates(want, live), referenceDiff(want, live));
  assert.equal(diffRates(want, live).changed.desired.length, 1);
});

test('picking every row of one side in its order gives that side, not a copy; any other pick copies', () => {
  const a = rows([
    { prefix: '44', eff: null, rate: '0.01', dest: 'UK' },
    { prefix: '33', eff: null, rate: '0.03', dest: 'FR' },
  ]);
  const b = rows([{ prefix: '49', eff: null, rate: '0.04', dest: 'DE' }]);
  assert.equal(pickRates(a, [0, 1]), a);
  assert.equal(pickRates(a, [0, 1], rows([])), a);
  assert.equal(pickRates(a, [], b), b);
  const swapped = pickRates(a, [1, 0]);
  assert.notEqual(swapped, a);
  assert.deepEqual(swapped.prefix, ['33', '44']);
  assert.deepEqual(pickRates(a, [0]).prefix, ['44']);
  const joined = pickRates(a, [0, 1], b);
  assert.notEqual(joined, a);
  assert.deepEqual(joined.prefix, ['44', '33', '49']);
  assert.deepEqual(pickRates(a, []).prefix, []);
});

test('changed pairs come by desired index, and pair rows of one key', () => {
  fc.assert(fc.property(deckArb, deckArb, fc.boolean(), (a, b, reverse) => {
    const want = rows(reverse ? [...b].reverse() : b);
    const live = rows(a);
    const { desired, live: paired } = diffRates(want, live).changed;
    assert.equal(desired.length, paired.length);
    for (let k = 0; k < desired.length; k++) {
      if (k > 0) assert.ok(desired[k - 1] < desired[k], 'by desired index');
      assert.equal(compareKeys(want, desired[k], live, paired[k]), 0);
    }
  }));
});

test('the samples are the first changes of each sort by key, as sorting them all would give', () => {
  fc.assert(fc.property(deckArb, deckArb, fc.nat(6), (a, b, n) => {
    const want = rows(b);
    const live = rows(a);
    const d = diffRates(want, live);
    const byKey = (r: ReturnType<typeof rows>) => (x: number, y: number) => compareKeys(r, x, r, y);
    const sortedFirst = (idx: number[], r: ReturnType<typeof rows>) => [...idx].sort(byKey(r)).slice(0, n).map((i) => r.prefix[i] + '|' + (r.effectiveDate[i] ?? ''));
    const shown = sampleDelta(want, live, d, n);
    const keys = (xs: Array<{ prefix: string; effectiveDate: string | null }>) => xs.map((x) => x.prefix + '|' + (x.effectiveDate ?? ''));
    assert.deepEqual(keys(shown.added), sortedFirst(d.added, want));
    assert.deepEqual(keys(shown.removed), sortedFirst(d.removed, live));
    assert.deepEqual(keys(shown.changed), sortedFirst(d.changed.desired, want));
    for (const c of shown.changed) {
      const j = live.prefix.findIndex((p, k) => p === c.prefix && live.effectiveDate[k] === c.effectiveDate);
      assert.equal(c.from, live.rate[j]);
    }
  }));
  // Equal values keep their order, as a stable sort keeps it.
  fc.assert(fc.property(fc.array(fc.nat(4), { maxLength: 40 }), fc.nat(8), (values, n) => {
    const want = values.map((v, k) => [v, k]).sort((x, y) => x[0] - y[0]).slice(0, n).map(([, k]) => k);
    assert.deepEqual(smallest(values.length, n, (x, y) => values[x] - values[y]), want);
  }));
});
