// The hand-written CSV reader must read exactly what csv-parse reads: on
// well-formed RFC 4180 content the same records, on malformed content an
// error where csv-parse throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvRecords } from '../../src/load/csv-records.js';

function readAll(text: string): { records: string[][]; errors: number } {
  const records: string[][] = [];
  const reader = new CsvRecords(text, () => {});
  while (reader.next()) records.push(reader.fields());
  return { records, errors: reader.errorCount };
}

function reference(text: string): string[][] | 'error' {
  try {
    return parse(text, { relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] }) as string[][];
  } catch {
    return 'error';
  }
}

const plainChar = fc.constantFrom('a', 'b', '7', ' ', '.', '-', 'é', '\t');
const anyChar = fc.constantFrom('a', '7', ' ', ',', '"', '\n', '\r', '\r\n', 'é');
const field = fc.oneof(
  fc.array(plainChar, { maxLength: 6 }).map((cs) => cs.join('')),
  fc.array(anyChar, { maxLength: 6 }).map((cs) => `"${cs.join('').replace(/"/g, '""')}"`),
);
const record = fc.array(field, { minLength: 1, maxLength: 5 }).map((fs) => fs.join(','));
const csvText = fc.record({
  records: fc.array(record, { minLength: 1, maxLength: 8 }),
  newline: fc.constantFrom('\n', '\r\n'),
  finalNewline: fc.boolean(),
}).map(({ records, newline, finalNewline }) => records.join(newline) + (finalNewline ? newline : ''));

test('well-formed RFC 4180 text: the same records as csv-parse', () => {
  fc.assert(fc.property(csvText, (text) => {
    const expected = reference(text);
    assert.notEqual(expected, 'error', `csv-parse refused ${JSON.stringify(text)}`);
    const mine = readAll(text);
    assert.equal(mine.errors, 0);
    assert.deepEqual(mine.records, expected);
  }), { numRuns: 2000 });
});

test('arbitrary text from CSV characters: an error exactly where csv-parse throws, else the same records', () => {
  const text = fc.array(fc.constantFrom('a', ',', '"', '\n', '\r\n', ' '), { maxLength: 30 }).map((cs) => cs.join(''));
  fc.assert(fc.property(text, (t) => {
    const expected = reference(t);
    const mine = readAll(t);
    if (expected === 'error') assert.ok(mine.errors > 0, `csv-parse refused, the reader accepted ${JSON.stringify(t)}`);
    else {
      assert.equal(mine.errors, 0, `the reader refused ${JSON.stringify(t)}`);
      assert.deepEqual(mine.records, expected);
    }
  }), { numRuns: 3000 });
});
