// A run loads the modules of the command it runs, and of what that command
// meets, not the whole of didsync: help loads no database driver, validate
// none either, a plan with nothing changed neither Ajv nor a YAML parser, and
// a database driver only for the database named. Every CLI run in CI pays
// for what it loads (a third of a second for all of it).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { copyExamples } from '../support/config.js';
import { cliArgs } from '../support/cli-entry.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RECORDER = fileURLToPath(new URL('./fixtures/record-packages.mjs', import.meta.url));
const scratch = await mkdtemp(join(tmpdir(), 'didsync-loading-'));
after(() => rm(scratch, { recursive: true, force: true }));

let runs = 0;
/** Runs the CLI; answers its exit code, output and the packages it loaded. */
async function didsync(...args: string[]) {
  const out = join(scratch, `packages-${++runs}.txt`);
  const r = spawnSync(process.execPath, [...cliArgs(RECORDER), ...args], {
    cwd: REPO, encoding: 'utf8', env: { ...process.env, DIDSYNC_PACKAGES_OUT: out, DATABASE_URL: '', NO_COLOR: '1' },
  });
  const loaded = new Set((await readFile(out, 'utf8').catch(() => '')).split('\n').filter(Boolean));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, loaded };
}

const DRIVERS = ['pg', '@electric-sql/pglite'];
const VALIDATION = ['ajv', 'yaml', 'js-yaml', 'node-cron'];

test('help lists every command and loads neither database driver, nor git, nor the daemon', async () => {
  const r = await didsync('--help');
  assert.equal(r.code, 0);
  for (const name of ['validate', 'plan', 'apply', 'status', 'export', 'db', 'daemon']) assert.match(r.stdout, new RegExp(`^  ${name}\\b`, 'm'));
  assert.ok(r.loaded.has('commander'), 'the recorder sees what is loaded');
  for (const pkg of [...DRIVERS, 'prom-client', 'pino', 'chokidar', 'simple-git']) assert.ok(!r.loaded.has(pkg), `${pkg} loaded`);
});

test('a name that is no command is answered with the nearest one', async () => {
  const r = await didsync('plna');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Did you mean plan\?/);
});

test('validate loads the validation stage and no database driver', async () => {
  const r = await didsync('validate', '-C', join(REPO, 'examples'));
  assert.equal(r.code, 0, r.stderr);
  for (const pkg of ['ajv', 'yaml']) assert.ok(r.loaded.has(pkg), `${pkg} not loaded`);
  for (const pkg of DRIVERS) assert.ok(!r.loaded.has(pkg), `${pkg} loaded`);
});

test('a plan with nothing changed loads its driver only, and neither Ajv nor a YAML parser', async () => {
  const config = await copyExamples();
  const db = `pglite:${join(scratch, 'db')}`;
  const applied = await didsync('apply', '-C', config, '--db', db, '--yes');
  assert.equal(applied.code, 0, applied.stderr);
  assert.ok(applied.loaded.has('ajv'), 'the first apply validates');
  const r = await didsync('plan', '-C', config, '--db', db);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /No changes/);
  assert.ok(r.loaded.has('@electric-sql/pglite'));
  for (const pkg of ['pg', ...VALIDATION]) assert.ok(!r.loaded.has(pkg), `${pkg} loaded`);
});
