// `didsync export` as a user runs it: a real process on a real database,
// its exit codes and output. --out writes a new tree (and refuses a folder
// that already holds a config); --into writes the database's changes back
// into a config so that plan is then empty; values the rules refuse are
// written, then reported with exit 1.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { databaseTest, type TestTarget } from '../support/databases.js';
import { MINIMAL, writeConfig } from '../support/config.js';
import type { Driver } from '../../src/drivers/driver.js';
import { openTarget, resolveTarget } from '../../src/drivers/open.js';
import { cliArgs } from '../support/cli-entry.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

function didsync(...args: string[]) {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], {
    cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DATABASE_URL: undefined },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function emptyDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'didsync-export-cli-'));
  dirs.push(dir);
  return dir;
}

/** The database for the command line: PGlite has one connection, so the test's own goes first. */
async function release(db: Driver, target: TestTarget): Promise<string> {
  if (target.kind === 'pglite') await db.close();
  return target.url;
}

databaseTest('export needs exactly one of --out and --into', async (db, target) => {
  const url = await release(db, target);
  for (const args of [[], ['--out', 'a', '--into', 'b']]) {
    const r = didsync('export', '--db', url, ...args);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^didsync: give exactly one of --out DIR .* and --into DIR/);
    assert.equal(r.stderr.trim().split('\n').length, 1, 'one line');
  }
}, { init: true });

databaseTest('export --out writes a tree that plans empty, and will not overwrite a config', async (db, target) => {
  const url = await release(db, target);
  const config = await writeConfig(MINIMAL);
  assert.equal(didsync('apply', '-C', config, '--db', url, '--yes').code, 0);
  const out = await emptyDir();
  const r = didsync('export', '--db', url, '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^wrote carriers\/acme\.yaml$/m);
  assert.match(r.stdout, /^wrote rating-plans\/rates\/uk-wholesale\.csv$/m);
  assert.match(r.stdout, /^wrote schemas\/carrier\.schema\.json$/m);
  assert.match(r.stdout, /Exported 4 object\(s\)/);
  assert.match(await readFile(join(out, 'carriers/acme.yaml'), 'utf8'), /^# yaml-language-server: \$schema=\.\.\/schemas\/carrier\.schema\.json\nkind: Carrier\n/);
  const plan = didsync('plan', '-C', out, '--db', url, '--detailed-exitcode');
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
  const again = didsync('export', '--db', url, '--out', out);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already holds YAML files; export into an empty folder, or update that config with --into/);
}, { init: true });

databaseTest('export --into names every file it changed, then plan is empty; a second run writes nothing', async (db, target) => {
  const config = await writeConfig(MINIMAL);
  const url = await release(db, target);
  assert.equal(didsync('apply', '-C', config, '--db', url, '--yes').code, 0);
  const sql = sqlRunner(url, target);
  await sql(`UPDATE carriers SET capacity_limit = 150 WHERE code = 'ACME'`,
    `UPDATE customer_rating_plan_rates SET rate = 0.009 WHERE prefix = '4420'`);
  const r = didsync('export', '--db', url, '--into', config);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, [
    'updated config.yaml',
    '  Carrier ACME: capacityLimit',
    'updated rates/uk-wholesale.csv',
    '  RatingPlan UK Wholesale: rates 1 changed',
    `2 file(s) changed in ${config}; review them (git diff) and commit.`,
    '',
  ].join('\n'));
  assert.match(await readFile(join(config, 'config.yaml'), 'utf8'), /^capacityLimit: 150$/m);
  assert.match(await readFile(join(config, 'rates/uk-wholesale.csv'), 'utf8'), /^4420,London,0\.0090,,2025-01-01$/m);
  assert.equal(didsync('plan', '-C', config, '--db', url, '--detailed-exitcode').code, 0);
  const again = didsync('export', '--db', url, '--into', config);
  assert.equal(again.code, 0);
  assert.equal(again.stdout, `${config} already matches the database; nothing written.\n`);
}, { init: true });

databaseTest('export --into refuses an invalid config and reports database values the rules refuse', async (db, target) => {
  const config = await writeConfig(MINIMAL);
  const url = await release(db, target);
  assert.equal(didsync('apply', '-C', config, '--db', url, '--yes').code, 0);

  const broken = await writeConfig({ ...MINIMAL, 'config.yaml': MINIMAL['config.yaml'].replace('capacityLimit: 120', 'capacityLimit: lots') });
  const invalid = didsync('export', '--db', url, '--into', broken);
  assert.equal(invalid.code, 1);
  assert.match(invalid.stderr, /config\.yaml:\d+/);
  assert.match(invalid.stderr, /is invalid/);
  assert.equal(await readFile(join(broken, 'config.yaml'), 'utf8'), MINIMAL['config.yaml'].replace('capacityLimit: 120', 'capacityLimit: lots'));

  const sql = sqlRunner(url, target);
  await sql(`UPDATE carriers SET name = 'Trailing space ' WHERE code = 'ACME'`);
  const refused = didsync('export', '--db', url, '--into', config);
  assert.equal(refused.code, 1);
  assert.match(refused.stdout, /^updated config\.yaml$/m);
  assert.match(refused.stderr, /the updated config in .* does not validate \(1 problem\(s\)\)/);
  assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
}, { init: true });

/** Run statements on the database between commands (PGlite: open, run, close). */
function sqlRunner(url: string, target: TestTarget): (...statements: string[]) => Promise<void> {
  return async (...statements) => {
    const db = target.kind === 'pglite' ? await openTarget(resolveTarget(url, {}, REPO)) : await target.connect();
    try {
      for (const s of statements) await db.query(s);
    } finally {
      await db.close();
    }
  };
}
