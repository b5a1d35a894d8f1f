// The hostile and broken input corpus: each folder under corpus/ is a small
// config root showing one kind of hostile or broken input, with an
// expected.json holding either every problem validation must report
// (exactly: file, line, column, rule, pointer and message) or, for input
// that is valid however odd, the rows the database must hold after an
// apply, read back exactly. Inputs too big or too special to commit (a
// 100 MB file, 10,000 levels of nesting, symbolic links, a named pipe) are
// made by a named generator into a temporary copy of the folder.
// UPDATE_CORPUS=1 rewrites the expected results (review the diff like code).
// After every case Object.prototype must be exactly as it was. Each
// expected.json says how many hostile inputs its folder holds (`inputs`: the
// tags, files, values or keys tried, not the folder), which is what the
// reliability report counts.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, open, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../../src/report/problem.js';
import { validateRoot } from '../../src/validate/index.js';
import { applyConfig, planConfig } from '../support/config.js';
import { databaseKinds, databaseTest } from '../support/databases.js';
import { recordResult } from './support/results.js';

const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));
const UPDATE = process.env.UPDATE_CORPUS === '1';

interface Expected {
  class: string;
  /** The hostile inputs the folder tries (each tag, file, value or key), each refused or stored. */
  inputs: number;
  generate?: string;
  /** Validation must finish within this many milliseconds (input built to be slow). */
  maxMs?: number;
  /** Problems as `file:line:column rule pointer message`. */
  problems?: string[];
  stored?: { sql: string; rows: unknown[] }[];
}

const names = (await readdir(CORPUS, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const cases = await Promise.all(names.map(async (name) => ({
  name, expected: JSON.parse(await readFile(join(CORPUS, name, 'expected.json'), 'utf8')) as Expected,
})));
/** The cases that passed, as `name` or `name [database]`; the last test requires all of them. */
const passed = new Set<string>();

const temps: string[] = [];
after(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** Generators for inputs that are not committed; each writes into a copy of the case folder. */
const GENERATORS: Record<string, (root: string) => Promise<void>> = {
  async 'yaml-100mb'(root) {
    const line = `# ${'x'.repeat(1022)}\n`;
    const handle = await open(join(root, 'big.yaml'), 'w');
    const chunk = Buffer.from(`kind: Carrier\n${line.repeat(1023)}`);
    for (let written = 0; written < 100 * 1024 * 1024; written += chunk.length) await handle.write(chunk);
    await handle.close();
  },
  async 'deep-10000'(root) {
    const n = 10_000;
    await writeFile(join(root, 'flow-maps.yaml'), `kind: Carrier\nx: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`);
    await writeFile(join(root, 'flow-lists.yaml'), `kind: Carrier\nx: ${'['.repeat(n)}1${']'.repeat(n)}\n`);
    await writeFile(join(root, 'block-lists.yaml'), `kind: Carrier\nx:\n${'- '.repeat(n)}1\n`);
    await writeFile(join(root, 'block-maps.yaml'), `kind: Carrier\n${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`);
  },
  async 'long-lines-10mb'(root) {
    const long = 'y'.repeat(10 * 1024 * 1024);
    await writeFile(join(root, 'name.yaml'), `kind: Carrier\ncode: ACME\nname: ${long}\npartnerType: bilateral\nstatus: active\nprimaryCurrency: USD\n`);
    await writeFile(join(root, 'enum.yaml'), `kind: Carrier\ncode: NWIND\nname: Northwind\npartnerType: ${long}\nstatus: active\nprimaryCurrency: USD\n`);
    await writeFile(join(root, 'key.yaml'), `kind: Carrier\n${long}: 1\n`);
    await writeFile(join(root, 'comment.yaml'), `# ${long}\nkind: Carrier\ncode: TYRELL\nname: Tyrell\npartnerType: bilateral\nstatus: active\nprimaryCurrency: USD\n`);
    await writeFile(join(root, 'rates.csv'), `prefix,destination,rate\n44,${long},0.1\n`);
  },
  async 'csv-header-columns'(root) {
    await writeFile(join(root, 'rates.csv'), `prefix,destination,rate${',x'.repeat(400_000)}\n44,UK,0.1\n`);
  },
  async 'many-values'(root) {
    await writeFile(join(root, 'list.yaml'), `kind: Carrier\nx: [${'1,'.repeat(1_200_000)}1]\n`);
  },
  async 'symlinks'(root) {
    const outside = await mkdtemp(join(tmpdir(), 'didsync-outside-'));
    temps.push(outside);
    await writeFile(join(outside, 'secret.csv'), 'prefix,destination,rate\n44,UK,0.1\n');
    await writeFile(join(outside, 'secret.yaml'), 'kind: Carrier\ncode: EVIL\n');
    await mkdir(join(root, 'rates'), { recursive: true });
    await symlink(join(outside, 'secret.csv'), join(root, 'rates', 'file-outside.csv'));
    await symlink(outside, join(root, 'rates', 'folder-outside'));
    await symlink(join(root, 'rates', 'file-outside.csv'), join(root, 'rates', 'chain.csv'));
    await symlink('/dev/zero', join(root, 'rates', 'device.csv'));
    await symlink(join(outside, 'secret.yaml'), join(root, 'linked.yaml'));
    await symlink('..', join(root, 'rates', 'loop'));
    await symlink('inside.csv', join(root, 'rates', 'link-inside.csv'));
    await symlink(join(root, 'rates', 'missing.csv'), join(root, 'rates', 'dangling.csv'));
  },
  async 'fifo'(root) {
    await mkdir(join(root, 'rates'), { recursive: true });
    const made = spawnSync('mkfifo', [join(root, 'rates', 'pipe.csv')]);
    assert.equal(made.status, 0, 'mkfifo is needed for this case');
  },
};

function line(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.rule} ${p.path || '-'} ${p.message}`;
}

async function prepare(name: string, expected: Expected): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), `didsync-corpus-${name}-`));
  temps.push(root);
  await cp(join(CORPUS, name), root, { recursive: true });
  await rm(join(root, 'expected.json'));
  if (expected.generate) {
    const generate = GENERATORS[expected.generate];
    assert.ok(generate, `unknown generator ${expected.generate}`);
    await generate(root);
  }
  return root;
}

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
function assertPrototypeUntouched(): void {
  assert.deepEqual(Object.getOwnPropertyNames(Object.prototype).sort(), prototypeKeys);
  for (const key of ['polluted', 'isAdmin', 'x']) {
    assert.equal(({} as Record<string, unknown>)[key], undefined, `Object.prototype.${key} was set`);
  }
}

const results = new Map<string, { inputs: number; refused: number; stored: number; ms: number }>();
for (const { expected } of cases) results.set(expected.class, { inputs: 0, refused: 0, stored: 0, ms: 0 });
function count(expected: Expected, ms: number): void {
  const r = results.get(expected.class)!;
  r.inputs += expected.inputs;
  if (expected.stored) r.stored += expected.inputs;
  else r.refused += expected.inputs;
  r.ms = Math.max(r.ms, ms);
}

for (const { name, expected } of cases.filter((c) => !c.expected.stored)) {
  test(`corpus: ${name}`, { timeout: 120_000 }, async () => {
    const root = await prepare(name, expected);
    const started = performance.now();
    const { desired, problems } = await validateRoot(root);
    const ms = performance.now() - started;
    assertPrototypeUntouched();
    const got = problems.map(line);
    if (UPDATE) {
      await writeFile(join(CORPUS, name, 'expected.json'), `${JSON.stringify({ ...expected, problems: got }, null, 2)}\n`);
    } else {
      assert.deepEqual(got, expected.problems);
    }
    assert.ok(problems.length > 0, 'a refused input reports problems');
    if (expected.maxMs !== undefined) assert.ok(ms < expected.maxMs, `validation took ${Math.round(ms)} ms`);
    assert.equal(desired, null);
    for (const p of problems) {
      assert.ok(p.message.length <= 500, `a message of ${p.message.length} characters`);
      assert.ok(p.line >= 1 && p.column >= 1, `positions are 1-based: ${line(p)}`);
    }
    assert.ok(Number.isInteger(expected.inputs) && expected.inputs >= 1, 'expected.json says how many inputs the folder tries');
    count(expected, ms);
    passed.add(name);
  });
}

for (const { name, expected } of cases.filter((c) => c.expected.stored)) {
  databaseTest(`corpus: ${name}, stored verbatim`, async (db) => {
    const root = await prepare(name, expected);
    const started = performance.now();
    const { problems } = await validateRoot(root);
    assert.deepEqual(problems.map(line), [], 'valid input');
    await applyConfig(db, root, { force: true });
    const ms = performance.now() - started;
    assertPrototypeUntouched();
    const stored = [];
    for (const { sql } of expected.stored!) stored.push({ sql, rows: (await db.query(sql)).rows });
    if (UPDATE && db.dialect === 'pglite') {
      await writeFile(join(CORPUS, name, 'expected.json'), `${JSON.stringify({ ...expected, stored }, null, 2)}\n`);
    } else {
      assert.deepEqual(JSON.parse(JSON.stringify(stored)), expected.stored);
    }
    assert.deepEqual((await planConfig(db, root)).changes, [], 'what was stored reads back as the config');
    assert.ok(Number.isInteger(expected.inputs) && expected.inputs >= 1, 'expected.json says how many inputs it stores');
    if (db.dialect === databaseKinds()[0]) count(expected, ms);
    passed.add(`${name} [${db.dialect}]`);
  }, { init: true });
}

// One closing test per class, so a failing case marks its own class's row FAILED.
for (const fault of [...new Set(cases.map((c) => c.expected.class))]) {
  const members = cases.filter((c) => c.expected.class === fault);
  const stores = members.some((c) => c.expected.stored);
  const name = `corpus: every case of '${fault}' ran and passed; Object.prototype untouched`;
  test(name, () => {
    const wanted = members.flatMap((c) => (c.expected.stored ? databaseKinds().map((k) => `${c.name} [${k}]`) : [c.name]));
    const r = results.get(fault)!;
    try {
      assertPrototypeUntouched();
      assert.deepEqual(wanted.filter((c) => !passed.has(c)), [], 'corpus cases that did not run or failed');
    } finally {
      // Recorded whatever happened: a failed or missing case shows as this test FAILED, with what did pass.
      const all = members.reduce((n, c) => n + c.expected.inputs, 0);
      const missing = wanted.filter((c) => !passed.has(c));
      recordResult({
        area: 'Hostile input', fault, database: stores ? databaseKinds().join(', ') : '-', cases: all,
        outcome: [
          r.refused > 0 ? `${r.refused} validated to exactly the expected located problems (the valid ones among them to none)` : '',
          r.stored > 0 ? `${r.stored} applied and read back verbatim, plan then empty` : '',
          missing.length > 0 ? `FAILED or not run: ${missing.join(', ')}` : '',
        ].filter(Boolean).join('; ') + `; slowest ${Math.ceil(r.ms)} ms; Object.prototype untouched`,
        test: name,
      });
    }
  });
}
