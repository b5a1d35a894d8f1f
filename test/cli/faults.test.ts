// Faults a user meets before anything is written: each is one clear line
// on stderr naming the cause, exit 1, no stack trace, nothing half-written.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { databaseTest } from '../support/databases.js';
import { MINIMAL, scalar, writeConfig } from '../support/config.js';

const BIN = join(import.meta.dirname, '../../src/cli/bin.ts');

function didsync(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', import.meta.resolve('tsx'), BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
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
  assert.match(r.stderr, /has no didsync schema; run 'didsync db init/);
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
