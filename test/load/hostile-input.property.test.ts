// Whatever bytes a user (or an attacker with a pull request) commits, the
// parsers return problems; they never throw.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkRatesCsv, parseRatesCsv } from '../../src/load/rates-csv.js';
import { generateDeck } from './deck-generator.js';
import { parseYamlFile } from '../../src/load/yaml.js';

const bytes = fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a));
const yamlish = fc.array(fc.constantFrom(
  'kind: Carrier\n', 'a: ', 'b:\n', '  - ', '- ', '  ', '\t', '&x ', '*x', '*y', '<<: ', '!!binary ', '!!str ', '!foo ',
  '__proto__: ', '[', ']', '{', '}', ',', '"', "'", ': ', '? ', '---\n', '...\n', '|\n', '>-\n', '%YAML 1.1\n',
  '1e3', '0x1F', '.inf', '40000.50', '2024-01-01', 'yes', '~', '#c', '\n', '\r\n', '\ufeff', '\0', 'é',
), { maxLength: 40 }).map((parts) => parts.join(''));
const csvish = fc.array(fc.constantFrom(
  'prefix,destination,rate', ',effectiveDate', ',endDate', ',connectionFee', ',initialInterval', '\n', '\r\n',
  '44', 'UK', '0.1', '-1', '1e3', '"', '""', ',', 'x', '2025-02-29', '2024-02-29', '\0', '\ufeff',
), { maxLength: 40 }).map((parts) => parts.join(''));

test('parseYamlFile never throws', () => {
  fc.assert(fc.property(fc.oneof(bytes, yamlish, yamlish.map((s) => Buffer.from(s))), (input) => {
    const { documents, problems } = parseYamlFile('f.yaml', input);
    assert.ok(Array.isArray(documents) && Array.isArray(problems));
    for (const p of problems) assert.ok(p.line >= 1 && p.column >= 1 && p.message.length > 0, `${p.line}:${p.column} ${p.message}`);
  }), { numRuns: 3000 });
});

test('parseRatesCsv never throws and keeps its columns aligned', () => {
  fc.assert(fc.property(fc.oneof(bytes, csvish, csvish.map((s) => Buffer.from(s))), (input) => {
    const { deck, problems } = parseRatesCsv('r.csv', input);
    const n = deck.prefix.length;
    for (const column of [deck.destination, deck.rate, deck.connectionFee, deck.initialInterval,
      deck.recurringInterval, deck.effectiveDate, deck.endDate]) assert.equal(column.length, n);
    assert.equal(deck.line.length, n);
    for (const p of problems) assert.ok(p.line >= 1 && p.column >= 1 && p.message.length > 0);
  }), { numRuns: 3000 });
});

test('checkRatesCsv finds what parseRatesCsv finds and keeps the same identities, on any input', () => {
  const realistic = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(
    '+44', '', '0.1234567', 'x', '2025-02-30', '"q,uoted"', '1', '-1', '2024-01-01',
  )), { maxLength: 6 })).map(([rows, edits]) => {
    const lines = generateDeck(rows).split('\n');
    for (const [at, cell] of edits) {
      const k = 1 + (at % Math.max(1, lines.length - 2));
      const cells = (lines[k] ?? '').split(',');
      cells[at % 8] = cell;
      lines[k] = cells.join(',');
    }
    return lines.join('\n');
  });
  fc.assert(fc.property(fc.oneof(bytes, csvish, realistic, realistic.map((s) => Buffer.from(s))), (input) => {
    const full = parseRatesCsv('r.csv', input);
    const checked = checkRatesCsv('r.csv', input);
    assert.deepEqual(checked.problems, full.problems);
    assert.deepEqual(checked.keys, {
      file: full.deck.file, line: full.deck.line, prefix: full.deck.prefix, effectiveDate: full.deck.effectiveDate,
    });
  }), { numRuns: 2000 });
});
