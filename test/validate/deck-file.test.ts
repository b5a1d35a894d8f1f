import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { checkDeckFile } from '../../src/validate/deck-file.js';

const root = mkdtempSync(join(tmpdir(), 'didsync-deck-file-'));
after(() => rmSync(root, { recursive: true, force: true }));

test('a deck checked on its own caps its duplicate rates at the problems it was given, like its cells', () => {
  const path = join(root, 'dup.csv');
  const rows = ['prefix,destination,rate', ...Array.from({ length: 6 }, () => '44,United Kingdom,0.01'), 'x9,Nowhere,0.01', 'x8,Nowhere,0.01', 'x7,Nowhere,0.01'];
  writeFileSync(path, `${rows.join('\n')}\n`);
  const { rows: count, problems } = checkDeckFile('rates/dup.csv', path, 2);
  assert.equal(count, 9);
  const duplicates = problems.filter((p) => p.rule === 'duplicate');
  assert.deepEqual(duplicates.map((p) => p.line), [3, 4], 'the first two of five duplicates');
  const summaries = problems.filter((p) => p.rule === 'limit').map((p) => p.message);
  assert.ok(summaries.some((m) => /and 3 more problems/.test(m)), summaries.join('\n'));
  assert.ok(summaries.some((m) => /and 1 more problem /.test(m)), summaries.join('\n'));
});

test('an unreadable deck is a problem, not an exception', () => {
  const { rows, problems } = checkDeckFile('rates/missing.csv', join(root, 'missing.csv'), 10);
  assert.equal(rows, undefined);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].file, 'rates/missing.csv');
});
