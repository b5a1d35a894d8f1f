import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ValuePool } from '../../src/load/rate-pool.js';
import { parseRatesCsv } from '../../src/load/rates-csv.js';

test('a pool never changes a value: each answer is the text it was asked for, full or not, in either mode', () => {
  const piece = fc.constantFrom('', '4', '44', '441', '4412', '0.01', '0.0100', 'é', '🙂', '2025-01-01');
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.array(piece, { maxLength: 4 }), fc.nat(), fc.nat()), { minLength: 1, maxLength: 60 }),
      fc.integer({ min: 1, max: 5 }),
      fc.constantFrom('keep' as const, 'restart' as const),
      (asks, limit, full) => {
        const pool = new ValuePool(limit, full);
        for (const [parts, a, b] of asks) {
          const text = parts.join(',');
          const start = text.length === 0 ? 0 : a % (text.length + 1);
          const end = start + (text.length === 0 ? 0 : b % (text.length - start + 1));
          assert.equal(pool.pooled(text, start, end), text.slice(start, end));
          assert.ok(pool.held <= limit);
        }
      },
    ),
  );
});

test('values of one length that share slots stay apart: a thousand three-digit prefixes, twice, from one text', () => {
  const pool = new ValuePool();
  const values = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
  const text = values.join(',');
  for (let round = 0; round < 2; round++) {
    values.forEach((v, i) => assert.equal(pool.pooled(text, i * 4, i * 4 + 3), v));
  }
  assert.equal(pool.held, 1000);
});

test('a full pool keeps what it holds, or forgets it all and starts again', () => {
  const keep = new ValuePool(2, 'keep');
  const restart = new ValuePool(2, 'restart');
  for (const v of ['44', '33', '44']) {
    keep.pooledString(v);
    restart.pooledString(v);
  }
  assert.equal(keep.held, 2, 'a value seen again is not held twice');
  assert.equal(keep.pooledString('49'), '49');
  assert.equal(keep.held, 2, 'past its limit, a kept pool adds nothing');
  assert.equal(restart.pooledString('49'), '49');
  assert.equal(restart.held, 1, 'past its limit, a restarting pool holds only the new value');
  assert.equal(restart.pooledString('1'), '1');
  assert.equal(restart.held, 2);
});

test('prefixes read through the shared pool: as written, quoted or not, in deck after deck', () => {
  const header = 'prefix,destination,rate\n';
  const first = parseRatesCsv('a.csv', `${header}44,UK,0.1\n"4420",London,0.2\n1,US,0.3\n`);
  const second = parseRatesCsv('b.csv', `${header}"44",UK,0.1\n4420,London,0.2\n12,US,0.3\n`);
  assert.deepEqual([first.problems, second.problems], [[], []]);
  assert.deepEqual(first.deck.prefix, ['44', '4420', '1']);
  assert.deepEqual(second.deck.prefix, ['44', '4420', '12']);
});
