import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ratesFromInline } from '../../src/load/rates-csv.js';
import { parseYamlFile } from '../../src/load/yaml.js';

const PLAN = `kind: RatingPlan
name: Inline
rates:
  - { prefix: 44, destination: United Kingdom, rate: 0.012300, connectionFee: 0.10, initialInterval: 60, effectiveDate: 2025-01-01 }
  - just a string
  - { prefix: "0044", destination: UK leading zeros, rate: "0.5" }
  - { destination: no prefix, rate: 1 }
  - prefix: 33
    destination: France
    rate: 0.12345678901234567
    recurringInterval: 1.5
`;

test('inline rates keep the digits as written and the YAML line of each entry', () => {
  const [doc] = parseYamlFile('plans/inline.yaml', PLAN).documents;
  const deck = ratesFromInline('plans/inline.yaml', doc, '/rates');
  assert.equal(deck.file, 'plans/inline.yaml');
  assert.deepEqual(deck.prefix, ['44', '0044', '33']);
  assert.deepEqual(deck.destination, ['United Kingdom', 'UK leading zeros', 'France']);
  assert.deepEqual(deck.rate, ['0.012300', '0.5', '0.12345678901234567']);
  assert.deepEqual(deck.connectionFee, ['0.10', null, null]);
  assert.deepEqual(deck.initialInterval, [60, null, null]);
  assert.deepEqual(deck.recurringInterval, [null, null, null]);
  assert.deepEqual(deck.effectiveDate, ['2025-01-01', null, null]);
  assert.deepEqual([...deck.line], [4, 6, 8]);
});

test('a missing or non-list pointer gives an empty deck, never a throw', () => {
  const [doc] = parseYamlFile('p.yaml', 'kind: RatingPlan\nrates: 5\n').documents;
  assert.equal(ratesFromInline('p.yaml', doc, '/rates').prefix.length, 0);
  assert.equal(ratesFromInline('p.yaml', doc, '/nothing/here').prefix.length, 0);
  assert.equal(ratesFromInline('p.yaml', doc, 'bad pointer').prefix.length, 0);
});
