import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseRatesCsv } from '../../src/load/rates-csv.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/csv/${name}`, import.meta.url));
const parse = (name: string) => parseRatesCsv(`rates/${name}`, fixture(name));
const summary = (problems: { line: number; column: number; path: string; message: string }[]) =>
  problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}`);

test('quoted fields with commas, quotes and line breaks; CRLF; no final newline; empty optional cells', () => {
  const { deck, problems } = parse('quoted-crlf.csv');
  assert.deepEqual(problems, []);
  assert.equal(deck.file, 'rates/quoted-crlf.csv');
  assert.deepEqual(deck.prefix, ['44', '447', '4420', '33']);
  assert.deepEqual(deck.destination, ['United Kingdom, Fixed', 'Mobile "Vodafone"', 'London\r\nCity', 'France']);
  assert.deepEqual(deck.rate, ['0.012300', '0.1', '0.0050', '0.02'], 'decimals kept as written');
  assert.deepEqual(deck.connectionFee, [null, '0.01', null, null]);
  assert.deepEqual(deck.initialInterval, [60, 30, null, 1]);
  assert.deepEqual(deck.recurringInterval, [60, 6, null, 1]);
  assert.deepEqual(deck.effectiveDate, ['2025-01-01', '2025-01-01', null, null]);
  assert.deepEqual(deck.endDate, [null, '2025-12-31', null, null]);
  assert.deepEqual([...deck.line], [2, 3, 4, 6], 'the multi-line field moves the next row down');
});

test('bad cells are reported at their line, column and row path; all rows are read', () => {
  const { deck, problems } = parse('bad-rows.csv');
  assert.equal(deck.prefix.length, 10);
  assert.deepEqual(summary(problems), [
    "3:1 /rates/1/prefix prefix '+44' must be 1 to 16 digits (no '+', spaces or letters)",
    "4:1 /rates/2/prefix prefix '4412345678901234567' must be 1 to 16 digits (no '+', spaces or letters)",
    '5:13 /rates/3/rate rate: 0.1234567 has 7 decimal places; the column holds at most 6',
    '6:6 /rates/4/destination destination is empty',
    '7:12 /rates/5/rate rate -0.5 is negative',
    "8:11 /rates/6/rate rate: '1e3' is not a decimal number (digits, optionally one '.', no exponent)",
    "9:16 /rates/7/effectiveDate effectiveDate '2025-02-30' is not a date; write YYYY-MM-DD, e.g. 2025-01-31",
    '10:27 /rates/8/endDate endDate 2025-03-01 must be after effectiveDate 2025-03-01',
    '11:1 /rates/9 the row has 3 fields; the header has 5',
  ]);
  assert.ok(problems.every((p) => p.file === 'rates/bad-rows.csv'));
  // a bad value gets the rule it gets inline; a row of the wrong shape is CSV syntax
  assert.deepEqual(problems.map((p) => p.rule), ['schema', 'schema', 'decimal', 'schema', 'decimal', 'decimal', 'schema', 'schema', 'syntax']);
});

test('intervals must be positive whole numbers', () => {
  const { deck, problems } = parse('intervals.csv');
  assert.deepEqual(problems.map((p) => [p.line, p.path]), [
    [2, '/rates/0/recurringInterval'], [3, '/rates/1/initialInterval'], [4, '/rates/2/initialInterval'],
  ]);
  assert.deepEqual(deck.initialInterval, [60, null, null]);
  assert.deepEqual(deck.recurringInterval, [null, 60, null]);
});

test('a missing required column stops the file with a problem on the header', () => {
  const { deck, problems } = parse('missing-rate.csv');
  assert.equal(deck.prefix.length, 0);
  assert.deepEqual(problems.map((p) => [p.line, p.message]), [[1, "the header has no 'rate' column"]]);
});

test('unknown headers get a did-you-mean; duplicate headers are refused', () => {
  const { problems } = parse('unknown-header.csv');
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.message, p.hint]), [
    [1, 25, "unknown column 'connection_fee' in the header", "did you mean 'connectionFee'?"],
    [1, 40, "unknown column 'initialIntreval' in the header", "did you mean 'initialInterval'?"],
    [1, 56, "column 'rate' appears twice in the header", 'remove one of them'],
    [1, 61, "unknown column 'colour' in the header", 'columns are: prefix, destination, rate, connectionFee, initialInterval, recurringInterval, effectiveDate, endDate'],
  ]);
});

test('problems are capped per file with one summary', () => {
  const rows = ['prefix,destination,rate'];
  for (let i = 0; i < 250; i++) rows.push(`x${i},Nowhere,0.1`);
  const { deck, problems } = parseRatesCsv('r.csv', rows.join('\n'), { maxProblems: 100 });
  assert.equal(deck.prefix.length, 250);
  assert.equal(problems.length, 101);
  assert.equal(problems[99].line, 101);
  assert.equal(problems[100].rule, 'limit');
  assert.equal(problems[100].line, 102);
  assert.match(problems[100].message, /and 150 more problems in this file/);
});

test('an empty file, a header-only file, blank lines', () => {
  assert.match(parseRatesCsv('r.csv', '').problems[0].message, /empty/);
  const headerOnly = parseRatesCsv('r.csv', 'prefix,destination,rate\n');
  assert.deepEqual(headerOnly.problems, []);
  assert.equal(headerOnly.deck.prefix.length, 0);
  const blanks = parseRatesCsv('r.csv', 'prefix,destination,rate\n\n44,UK,0.1\r\n\r\n45,DK,0.2\n\n');
  assert.deepEqual(blanks.problems, []);
  assert.deepEqual([...blanks.deck.line], [3, 5]);
});

test('malformed quotes are located and the reader resumes on the next line', () => {
  const { deck, problems } = parseRatesCsv('r.csv', 'prefix,destination,rate\n44,Cote d"Ivoire,0.1\n45,"Den"mark,0.2\n46,Sweden,0.3\n47,"open,0.4\n');
  assert.deepEqual(deck.prefix, ['46']);
  assert.deepEqual(problems.map((p) => [p.line, p.column]), [[2, 10], [3, 9], [5, 4]]);
  assert.match(problems[2].message, /never closed/);
});

test('invalid UTF-8 and a BOM in a CSV', () => {
  const bad = parseRatesCsv('r.csv', Buffer.from('prefix,destination,rate\n44,Caf\xe9,0.1\n', 'latin1'));
  assert.deepEqual(bad.problems.map((p) => [p.line, p.column, p.rule]), [[2, 7, 'syntax']]);
  const bom = parseRatesCsv('r.csv', Buffer.from('\ufeffprefix,destination,rate\n44,UK,0.1\n'));
  assert.deepEqual(bom.problems, []);
  assert.deepEqual(bom.deck.prefix, ['44']);
});

test('repeated destinations share one string', () => {
  const { deck } = parseRatesCsv('r.csv', 'prefix,destination,rate\n44,United Kingdom,0.1\n45,Denmark,0.1\n46,United Kingdom,0.1\n');
  assert.deepEqual(deck.destination, ['United Kingdom', 'Denmark', 'United Kingdom']);
});

test('a deck without its header row is one problem saying so, not one per cell', () => {
  const { deck, problems } = parseRatesCsv('rates/uk.csv', '44,United Kingdom,0.01\n4420,London,0.008\n');
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.message]), [
    [1, 1, 'the file has no header row: its first row (44,United Kingdom,0.01) is a rate'],
  ]);
  assert.equal(problems[0].hint, 'add the column names as the first row, at least: prefix,destination,rate');
  assert.equal(deck.prefix.length, 0);
});
