// Faults a user meets before anything is written: each is one clear line
// on stderr naming the cause, exit 1, no stack trace, nothing half-written.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { databaseTest, inspectTarget } from '../support/databases.js';
import { MINIMAL, scalar, writeConfig } from '../support/config.js';
import { cliArgs } from '../support/cli-entry.js';

function didsync(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], { cwd, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function oneClearLine(stderr: string): void {
  const lines = stderr.trim().split('\n').filter((l) => !l.startsWith('didsync: no --db'));
  assert.equal(lines.length, 1, `one line: ${stderr}`);
  assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
}

databaseTest('a server database without didsync schema: run db init first', async (db, target) => {
  const root = await writeConfig(MINIMAL);
  const r = didsync(root, 'plan', '-C', root, '--db', target.url);
  assert.equal(r.code, 1);
  oneClearLine(r.stderr);
  assert.match(r.stderr, /lacks didsync's schema or part of it .*; run 'didsync db init/);
}, { only: 'postgres' });

databaseTest('a currency missing from the currencies table is a clear refusal and nothing is written', async (db, target) => {
  await db.query("DELETE FROM currencies WHERE code = 'USD'");
  await db.close();
  const root = await writeConfig(MINIMAL);
  const r = didsync(root, 'apply', '-C', root, '--db', target.url, '--yes');
  assert.equal(r.code, 1);
  oneClearLine(r.stderr);
  assert.match(r.stderr, /currency 'USD' is not in the database's currencies table/);
  const again = target.kind === 'postgres' ? await target.connect() : undefined;
  if (again) assert.equal(await scalar(again, 'SELECT count(*)::int FROM carriers'), 0);
}, { init: true });

databaseTest('a row the database refuses is one line naming the object, without the row, and nothing is written', async (db, target) => {
  // A rule DIDTron enforces that the config does not know of.
  await db.query('ALTER TABLE carriers ADD CONSTRAINT capacity_within_contract CHECK (capacity_limit < 100)');
  await db.close();
  const root = await writeConfig({ ...MINIMAL, 'config.yaml': MINIMAL['config.yaml'].replace('name: Acme Telecom Ltd', 'name: Acme Telecom Ltd\nbillTo: 1 Secret Street') });
  const r = didsync(root, 'apply', '-C', root, '--db', target.url, '--yes');
  assert.equal(r.code, 1);
  oneClearLine(r.stderr);
  assert.match(r.stderr, /^didsync: Carrier ACME: .*violates check constraint "capacity_within_contract"/m);
  assert.doesNotMatch(r.stderr, /Failing row|Secret Street|5000/, 'the row itself is not shown');
  await inspectTarget(target, async (check) => {
    assert.equal(await scalar(check, 'SELECT count(*)::int FROM carriers'), 0);
    assert.match(String(await scalar(check, 'SELECT error FROM didsync.runs ORDER BY id DESC LIMIT 1')), /^Carrier ACME: /);
  });
}, { init: true });

databaseTest('a DIDTron table missing from the database: run db init', async (db, target) => {
  await db.query('DROP TABLE carrier_services');
  await db.close();
  const root = await writeConfig(MINIMAL);
  const r = didsync(root, 'plan', '-C', root, '--db', target.url);
  assert.equal(r.code, 1);
  oneClearLine(r.stderr);
  assert.match(r.stderr, /lacks didsync's schema or part of it \(a table or one of its triggers\); run 'didsync db init --db URL' first/);
}, { init: true, only: 'postgres' });

databaseTest('a table that goes missing while didsync reads: the cause and run db init', async (db) => {
  // Checked at open, a table can still be dropped before the query reaches it.
  await db.query('DROP TABLE carrier_services');
  const { databaseError } = await import('../../src/drivers/errors.js');
  const e = await db.query('SELECT 1 FROM carrier_services').then(() => undefined, (x: unknown) => databaseError(x, 'database error'));
  assert.match(String(e?.message), /relation "carrier_services" does not exist \[SQLSTATE 42P01\]; run 'didsync db init' to create what is missing/);
}, { init: true });
