// `didsync db init` as a user runs it: a real process, its one-line summary
// and exit code, then the same command again changing nothing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openTarget, resolveTarget } from '../../src/drivers/open.js';
import { schemaReady } from '../../src/db/init.js';
import { databaseTest } from '../support/databases.js';
import { cliArgs } from '../support/cli-entry.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function didsync(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...cliArgs(), ...args], {
      cwd: REPO, env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

databaseTest('db init creates the schema, says what it created, and run again does nothing', async (db, target) => {
  // The embedded database has one owner at a time: the command opens it itself.
  await db.close();
  const first = await didsync('db', 'init', '--db', target.url);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^created \d+ objects: type carrier_partner_type, .*table didsync\.runs, change triggers on 16 table\(s\), rate fingerprint triggers on customer_rating_plan_rates, \d+ currencies \(ISO 4217\)\n$/);

  const again = await didsync('db', 'init', '--db', target.url);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.stdout, 'database already initialised, nothing to do\n');

  const check = await openTarget(resolveTarget(target.url, {}, REPO));
  try {
    assert.equal(await schemaReady(check), true);
  } finally {
    await check.close();
  }
});

test('db init on an unreachable server is one clear line and exit 1', async () => {
  const r = await didsync('db', 'init', '--db', 'postgres://didsync:hunter2@127.0.0.1:1/nowhere');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^didsync: cannot connect to postgres:\/\/didsync:\*\*\*@127\.0\.0\.1:1\/nowhere/);
  assert.ok(!r.stderr.includes('hunter2'));
  assert.equal(r.stdout, '');
});
