// RELIABILITY.md must say what the tests found, all of it: a failed test is
// FAILED (also when it failed before recording its row), a skipped one is
// skipped, and the committed file has a row for every class of fault or
// input that the tests record. The classes are read from the tests' source
// (each recordResult call's area and the fixed start of its fault text; the
// corpus's from its expected.json files), so a new class, or a report
// generated from a run that lost one, fails here without running anything.

import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { cell, LISTED_TESTS, render, results, type ReliabilityRecord } from '../../scripts/reliability-report.js';
import { REPO_ROOT } from './support/cli.js';

const row = (fault: string, test: string): ReliabilityRecord => ({ area: 'Faults', fault, database: '-', cases: 3, outcome: 'o', test });
const facts = (tap: string) => ({ postgres: 'not run', seconds: 1, tests: results(tap) });

test('the report marks failed tests FAILED, skipped ones skipped, and lists failures that recorded nothing', () => {
  const tap = [
    'TAP version 13',
    'ok 1 - passes',
    'not ok 2 - fails after recording',
    'ok 3 - skipped \\# with a hash # SKIP no database',
    'not ok 4 - a todo # TODO later',
    '    not ok 1 - a nested failure',
    'not ok 5 - fails before recording',
    'ok 6 - reported twice',
    'not ok 7 - reported twice',
  ].join('\n');
  assert.deepEqual([...results(tap)], [
    ['passes', 'passed'], ['fails after recording', 'FAILED'], ['skipped # with a hash', 'skipped'],
    ['a todo', 'skipped'], ['a nested failure', 'FAILED'], ['fails before recording', 'FAILED'], ['reported twice', 'FAILED'],
  ]);
  const md = render([row('A', 'passes'), row('B', 'fails after recording'), row('C', 'skipped # with a hash'), row('D', 'never ran')], facts(tap));
  assert.match(md, /^\| A \| - \| 3 \| o \| passed \|$/m);
  assert.match(md, /^\| B \| - \| 3 \| o \| \*\*FAILED\*\* \|$/m);
  assert.match(md, /^\| C \| - \| 3 \| o \| skipped \|$/m);
  assert.match(md, /^\| D \| - \| 3 \| o \| \*\*not reported\*\* \|$/m);
  assert.match(md, /^\| fails before recording \| \*\*FAILED\*\* \|$/m);
  assert.match(md, /^\| a nested failure \| \*\*FAILED\*\* \|$/m);
  assert.match(md, /7 tests: 1 passed, 4 failed, 2 skipped; \*\*4 test\(s\) FAILED\*\*, 1 recorded test\(s\) did not report\./);
  assert.doesNotMatch(md, /every test passed/);
  const clean = render([row('A', 'passes')], facts('ok 1 - passes\n'));
  assert.match(clean, /1 tests: 1 passed, 0 failed, 0 skipped; every test passed\./);
  assert.doesNotMatch(clean, /without a row/);
});

interface RecordedClass {
  area: string;
  /** The fault text up to its first interpolation. */
  fault: string;
  where: string;
}

/** Every recordResult call in the hardening tests and the other tests the report runs (daemon, database roles). */
async function recordedClasses(): Promise<RecordedClass[]> {
  const hardening = (await readdir(join(REPO_ROOT, 'test', 'hardening'), { recursive: true }))
    .filter((f) => f.endsWith('.ts')).map((f) => join('test', 'hardening', f));
  const out: RecordedClass[] = [];
  for (const file of [...hardening, ...LISTED_TESTS].sort()) {
    const source = await readFile(join(REPO_ROOT, file), 'utf8');
    for (const call of source.matchAll(/recordResult\(\{([^]*?)\n\s*\}\);/g)) {
      const where = `${file}:${source.slice(0, call.index).split('\n').length}`;
      const area = /area: '([^']+)'/.exec(call[1]!)?.[1];
      assert.ok(area, `${where}: the area must be a literal`);
      const fault = /fault: (?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)"|`((?:\\.|[^`\\])*?)(?:`|\$\{))/.exec(call[1]!);
      if (fault) {
        const text = (fault[1] ?? fault[2] ?? fault[3])!.replace(/\\(.)/g, '$1');
        out.push({ area, fault: text, where });
        continue;
      }
      // The corpus records one row per class of its expected.json files.
      assert.ok(file.endsWith('corpus.test.ts') && /fault,/.test(call[1]!), `${where}: the fault must start with literal text`);
      const corpus = join(REPO_ROOT, 'test', 'hardening', 'corpus');
      for (const name of await readdir(corpus)) {
        const expected = JSON.parse(await readFile(join(corpus, name, 'expected.json'), 'utf8')) as { class: string };
        out.push({ area, fault: expected.class, where: `${relative(REPO_ROOT, corpus)}/${name}` });
      }
    }
  }
  return out;
}

/** Area -> the fault cells of its table in RELIABILITY.md. */
function tables(markdown: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let area: string | undefined;
  for (const line of markdown.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      area = heading[1];
      continue;
    }
    if (area && line.startsWith('| ') && !line.startsWith('| fault or input ')) {
      const list = out.get(area) ?? [];
      list.push(line);
      out.set(area, list);
    }
  }
  return out;
}

test('RELIABILITY.md has a row for every class of fault and input the tests record', async () => {
  const classes = await recordedClasses();
  assert.ok(classes.length >= 30, `only ${classes.length} recorded classes found: the scan is broken`);
  const markdown = await readFile(join(REPO_ROOT, 'RELIABILITY.md'), 'utf8');
  const rows = tables(markdown);
  const missing = classes.filter((c) => !(rows.get(c.area) ?? []).some((r) => r.startsWith(`| ${cell(c.fault)}`)));
  assert.deepEqual(missing.map((c) => `${c.where}: ${c.area}: ${c.fault}`), [],
    'regenerate RELIABILITY.md with DIDSYNC_TEST_DATABASE_URL set (npm run reliability)');
  assert.match(markdown, /^Last run: .+ \d+ tests: \d+ passed, \d+ failed, \d+ skipped; .+\.$/m);
  for (const lines of rows.values()) {
    for (const line of lines) assert.doesNotMatch(line, /\*\*not reported\*\* \|$/, `a row whose test did not report: ${line}`);
  }
});
