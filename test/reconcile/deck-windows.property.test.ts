// A deck changed by lines is read as two windows (applied-decks.ts
// windowsByLines): the rows of the prefixes the changed lines name, and of
// every shorter prefix of those, in git's deck and in the deck applied last.
// Against both decks parsed in full: the windows give the same rate changes
// and the same rate guard findings, count every row of their decks, and are
// given exactly when git's deck is valid (a broken line, or a line repeating
// a key some other line has, gives none, so the whole deck is read and
// validation reports it).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { appliedRows, windowsByLines } from '../../src/reconcile/applied-decks.js';
import { parseRatesCsv } from '../../src/load/index.js';
import { normaliseDeck } from '../../src/reconcile/desired.js';
import { diffRates, keysAt, pickRates } from '../../src/reconcile/rates-diff.js';
import { increasesWithoutNotice } from '../../src/reconcile/rate-increases.js';
import { forEachDuplicateRate } from '../../src/validate/rate-duplicates.js';
import { rateCount, type RateRows } from '../../src/reconcile/state.js';

const PREFIXES = ['1', '12', '33', '331', '3312', '4', '44', '447', '4471', '44712'];
const DATES = ['', '2026-01-05', '2026-03-01'];
const RATES = ['0.01', '0.010', '0.02', '0.5'];

/** Two header shapes: the prefix first, or in the middle with the dates last. */
const HEADERS = [
  { names: 'prefix,destination,rate', row: (p: string, r: string) => `${p},D ${p},${r}` },
  { names: 'destination,prefix,rate,effectiveDate', row: (p: string, r: string, d: string) => `D ${p},${p},${r},${d}` },
];

type Row = { p: string; r: string; d: string };
type Edit = { op: string; at: number; r?: string; to?: number; row?: Row; line?: string };

const rowArb: fc.Arbitrary<Row> = fc.record({ p: fc.constantFrom(...PREFIXES), r: fc.constantFrom(...RATES), d: fc.constantFrom(...DATES) });
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('rate' as const), at: fc.nat(), r: fc.constantFrom(...RATES) }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('add' as const), at: fc.nat(), row: rowArb }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('blank' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('broken' as const), at: fc.nat(), line: fc.constantFrom('x1,D,0.1', '44,D', '44,D,abc', '44,,0.1,', ' ') }),
);

const caseArb = fc.record({
  header: fc.nat(HEADERS.length - 1),
  crlf: fc.boolean(),
  rows: fc.uniqueArray(rowArb, { selector: (r) => `${r.p}|${r.d}`, maxLength: 25 }),
  edits: fc.array(editArb, { maxLength: 6 }),
});


function texts(c: { header: number; crlf: boolean; rows: Row[]; edits: Edit[] }): { a: string; b: string } {
  const h = HEADERS[c.header];
  // The first shape has no date column: its rows are unique by prefix alone.
  const rows = c.header === 0 ? c.rows.filter((r, i) => c.rows.findIndex((s) => s.p === r.p) === i) : c.rows;
  const lines = rows.map((r) => h.row(r.p, r.r, r.d));
  const eol = c.crlf ? '\r\n' : '\n';
  const next = [...lines];
  for (const e of c.edits) {
    const at = next.length === 0 ? 0 : e.at % next.length;
    if (e.op === 'rate' && next.length > 0) next[at] = next[at].replace(/0\.[0-9]+/, e.r!);
    if (e.op === 'remove' && next.length > 0) next.splice(at, 1);
    if (e.op === 'add') next.splice(at, 0, h.row(e.row!.p, e.row!.r, e.row!.d));
    if (e.op === 'move' && next.length > 0) next.splice(e.to! % next.length, 0, ...next.splice(at, 1));
    if (e.op === 'blank') next.splice(at, 0, '');
    if (e.op === 'broken') next.splice(at, 0, e.line!);
  }
  const text = (ls: string[]) => [h.names, ...ls].join(eol) + eol;
  return { a: text(lines), b: text(next) };
}

/** A deck parsed in full, as validation reads it: its rows, or undefined when it breaks a rule. */
function fullDeck(text: string): RateRows | undefined {
  const { deck, problems } = parseRatesCsv('deck.csv', text);
  let repeated = false;
  forEachDuplicateRate(deck.prefix, deck.effectiveDate, () => { repeated = true; });
  return problems.length > 0 || repeated ? undefined : normaliseDeck(deck);
}

const rowText = (rows: RateRows, i: number) =>
  `${rows.prefix[i]}|${rows.effectiveDate[i] ?? ''}|${rows.destination[i]}|${rows.rate[i]}|${rows.connectionFee[i] ?? ''}|${rows.endDate[i] ?? ''}`;

/** A delta as the rows it writes and deletes, in no particular order. */
function changes(desired: RateRows, live: RateRows): { written: RateRows; removed: ReturnType<typeof keysAt>; text: string[] } {
  const d = diffRates(desired, live);
  const writes = [...d.added, ...d.changed.desired];
  const text = [
    ...writes.map((i) => `+${rowText(desired, i)}`),
    ...d.changed.live.map((j) => `~${rowText(live, j)}`),
    ...d.removed.map((j) => `-${rowText(live, j)}`),
  ].sort();
  return { written: pickRates(desired, writes), removed: keysAt(live, d.removed), text };
}

test('windows of two decks give the changes and the guard findings of the whole decks, and exactly when git\'s deck is valid', () => {
  let windowed = 0;
  let refused = 0;
  fc.assert(fc.property(caseArb, fc.constantFrom('2026-01-01', '2026-02-20'), (c, today) => {
    const { a, b } = texts(c);
    const applied = appliedRows(a)!;
    assert.ok(applied, 'the applied deck is valid');
    const git = fullDeck(b);
    const windows = windowsByLines(a, b, applied.prefix.length);
    if (!git) {
      assert.equal(windows, undefined, 'a deck that breaks a rule gives no windows');
      refused++;
      return;
    }
    assert.ok(windows, 'a valid deck changed by lines gives windows');
    windowed++;
    assert.equal(rateCount(windows.desired), git.prefix.length);
    assert.equal(rateCount(windows.live), applied.prefix.length);
    const whole = changes(git, applied);
    const windowChanges = changes(windows.desired, windows.live);
    assert.deepEqual(windowChanges.text, whole.text);
    for (const days of [0, 7, 30]) {
      const found = (live: RateRows) => increasesWithoutNotice(whole.written, whole.removed, live, today, days)
        .map((x) => JSON.stringify(x)).sort();
      assert.deepEqual(found(windows.live), found(applied), `notice of ${days} days`);
    }
    // The applied deck's row count must be its live one: another count gives no windows.
    assert.equal(windowsByLines(a, b, applied.prefix.length + 1), undefined);
  }), { numRuns: 3000, seed: 20261207 });
  assert.ok(windowed > 1000 && refused > 300, `${windowed} windowed, ${refused} refused`);
});

test('no windows where lines are not records or the headers differ', () => {
  const a = 'prefix,destination,rate\n44,UK,0.01\n33,FR,0.02\n';
  assert.ok(windowsByLines(a, a.replace('0.02', '0.03'), 2));
  // A quote may join lines into one record.
  assert.equal(windowsByLines(a, a.replace('FR', '"FR"'), 2), undefined);
  assert.equal(windowsByLines(a, a.replace('destination,rate', 'rate,destination').replace('UK,0.01', '0.01,UK').replace('FR,0.02', '0.02,FR'), 2), undefined);
  assert.equal(windowsByLines(a, `\n${a}`, 2), undefined);
  // A header that does not read (a column misspelt) gives none either, the same in both texts.
  const bad = a.replace('rate', 'rat');
  assert.equal(windowsByLines(bad, bad.replace('0.02', '0.03'), 2), undefined);
});

test('a window holds the rows of the changed prefixes and of every shorter prefix, and no others', () => {
  const a = 'prefix,destination,rate\n4,W,0.5\n44,UK,0.01\n447,UK mobile,0.02\n4471,UK x,0.03\n33,FR,0.02\n';
  const windows = windowsByLines(a, a.replace('447,UK mobile,0.02', '447,UK mobile,0.04'), 5)!;
  assert.deepEqual(windows.desired.prefix, ['4', '44', '447']);
  assert.deepEqual(windows.desired.rate, ['0.5', '0.01', '0.04']);
  assert.deepEqual(windows.live.prefix, ['4', '44', '447']);
  assert.deepEqual(windows.live.rate, ['0.5', '0.01', '0.02']);
  assert.equal(rateCount(windows.desired), 5);
});
