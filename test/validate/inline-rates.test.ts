// A rate written inline and the same rate in a CSV must get the same message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRatesCsv } from '../../src/load/rates-csv.js';
import { parseYamlFile } from '../../src/load/yaml.js';
import { checkKinds } from '../../src/validate/kind-check.js';
import { checkInlineRates } from '../../src/validate/inline-rates.js';
import { checkInlineDuplicates } from '../../src/validate/rate-duplicates.js';
import type { Problem } from '../../src/report/problem.js';

const ROWS: [string, string, string, string][] = [
  ['+44', 'UK', '0.01', '2025-01-01'],
  ['44', 'UK', '0.0123456', '2025-01-01'],
  ['44', 'UK', 'abc', '2025-01-01'],
  ['44', 'UK', '0.01', '2025-02-30'],
  ['44', 'UK', '1234567.5', '2025-01-01'],
];

test('inline rates and CSV rates give equal messages, under equal rules, for equal mistakes', () => {
  for (const [prefix, destination, rate, date] of ROWS) {
    const csv = parseRatesCsv('r.csv', `prefix,destination,rate,effectiveDate\n${prefix},${destination},${rate},${date}\n`);
    const yaml = parseYamlFile('p.yaml', `kind: RatingPlan\nname: P\ncurrency: GBP\nrates:\n  - { prefix: "${prefix}", destination: ${destination}, rate: ${rate}, effectiveDate: "${date}" }\n`);
    const problems: Problem[] = [];
    checkInlineRates(checkKinds(yaml.documents, problems), problems);
    assert.ok(csv.problems.length > 0, `the CSV refuses ${prefix},${rate},${date}`);
    assert.deepEqual(problems.map((p) => [p.rule, p.message]), csv.problems.map((p) => [p.rule, p.message]));
  }
});

test('prefixes written as numbers are compared by their text: 44 twice is a duplicate, 044 and 44 are not', () => {
  const yaml = parseYamlFile('p.yaml', [
    'kind: RatingPlan', 'name: P', 'currency: GBP', 'rates:',
    '  - { prefix: 44, destination: UK, rate: 0.01 }',
    '  - { prefix: 044, destination: UK, rate: 0.01 }',
    '  - { prefix: 44, destination: UK, rate: 0.02 }', '',
  ].join('\n'));
  const problems: Problem[] = [];
  const typed = checkKinds(yaml.documents, problems);
  checkInlineDuplicates(typed[0], problems);
  assert.deepEqual(problems.map((p) => [p.line, p.rule, p.message]), [
    [7, 'duplicate', 'a rate for prefix 44 without effectiveDate is also defined at line 5'],
  ]);
});
