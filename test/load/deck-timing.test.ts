// Times parseRatesCsv on a generated deck of a million rates (set
// DIDSYNC_DECK_ROWS to change the size). The bound is loose on purpose, so
// a slow CI machine passes; the printed figure is what to watch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseRatesCsv } from '../../src/load/rates-csv.js';
import { generateDeck } from './deck-generator.js';

const ROWS = Number(process.env.DIDSYNC_DECK_ROWS ?? 1_000_000);

test(`parseRatesCsv reads and checks ${ROWS} rates`, () => {
  const bytes = Buffer.from(generateDeck(ROWS));
  const started = performance.now();
  const { deck, problems } = parseRatesCsv('rates/big.csv', bytes);
  const ms = performance.now() - started;
  console.log(`parseRatesCsv: ${ROWS} rows, ${(bytes.length / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms`);
  assert.deepEqual(problems, []);
  assert.equal(deck.prefix.length, ROWS);
  assert.equal(deck.line[ROWS - 1], ROWS + 1);
  assert.equal(deck.rate[ROWS - 1], `0.${String(((ROWS - 1) * 7919) % 1000000).padStart(6, '0')}`);
  assert.ok(ms < 15_000, `took ${ms} ms`);
});
