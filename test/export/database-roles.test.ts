// The database roles of the README (section Database roles), granted exactly
// as it says (its SQL blocks are read from the README), on PostgreSQL:
// the read-only role plans, reports status and exports, never marks drift
// and cannot apply; the apply role applies, prunes and marks drift, and
// reads nothing else; the daemon runs as the apply role (leads, applies,
// marks drift, answers /status) without a single permission error. PGlite
// has no roles to test.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { databaseTest } from '../support/databases.js';
import { applyConfig, MINIMAL, scalar, updateConfig, writeConfig } from '../support/config.js';
import { eventually, httpCall, startDaemon } from '../daemon/process-support.js';
import { recordResult } from '../hardening/support/results.js';
import type { Driver } from '../../src/drivers/driver.js';
import { tableDefs } from '../../src/db/ddl.js';
import { openPostgres } from '../../src/drivers/postgres.js';
import { cliArgs } from '../support/cli-entry.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DOC = readFileSync(join(REPO, 'README.md'), 'utf8');

/** The SQL block of the document that creates `role`. */
function documented(role: string): string {
  const block = new RegExp('```sql\\n-- role: ' + role + '\\n([\\s\\S]*?)```').exec(DOC);
  assert.ok(block, `the README has a \`-- role: ${role}\` SQL block`);
  return block[1];
}

/** Statements of the block for a unique role on the test database. */
function grants(role: string, unique: string, database: string): string[] {
  return documented(role)
    .replace(new RegExp(`\\b${role}\\b`, 'g'), unique)
    .replace(/\bdidtron\b/g, database)
    .split(';').map((s) => s.trim()).filter((s) => s !== '');
}

function tablesNamed(sql: string): Set<string> {
  const out = new Set<string>();
  for (const m of sql.matchAll(/GRANT [A-Z, ]+ ON\s+([\s\S]*?)\s+TO /g)) {
    if (/^(ALL |SCHEMA |DATABASE |TABLES$|SEQUENCES$)/.test(m[1])) continue;
    for (const t of m[1].split(',')) out.add(t.trim());
  }
  return out;
}

test('the documented roles name exactly the tables didsync reads and writes', () => {
  const managed = tableDefs().filter((t) => !t.schema && !['users', 'customers'].includes(t.table)).map((t) => t.table).sort();
  assert.deepEqual([...tablesNamed(documented('didsync_plan'))].sort(), managed);
  assert.deepEqual([...tablesNamed(documented('didsync_apply'))].sort(), managed);
});

function didsync(...args: string[]) {
  const r = spawnSync(process.execPath, [...cliArgs(), ...args], {
    cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, DATABASE_URL: undefined },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Create `role` as documented (with a unique name), run `fn` with its URL, then drop it. */
async function withRole(db: Driver, url: string, role: string, fn: (roleUrl: string) => Promise<void>): Promise<void> {
  const unique = `${role}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const target = new URL(url);
  for (const statement of grants(role, unique, target.pathname.slice(1))) await db.query(statement);
  target.username = unique;
  target.password = 'change-me';
  try {
    await fn(target.toString());
  } finally {
    await db.query(`DROP OWNED BY ${unique}`);
    await db.query(`DROP ROLE ${unique}`);
  }
}

const READ_ONLY = 'the read-only role plans, reports and exports, never marks drift, and cannot apply';
databaseTest(READ_ONLY, async (db, target) => {
  const config = await writeConfig(MINIMAL);
  await applyConfig(db, config);
  // Drift: the rates desk changed a rate in the DIDTron UI.
  await db.query(`UPDATE customer_rating_plan_rates SET rate = 0.02 WHERE prefix = '44'`);
  const runs = await scalar<number>(db, 'SELECT count(*)::int FROM didsync.runs');
  await withRole(db, target.url, 'didsync_plan', async (url) => {
    const plan = didsync('plan', '-C', config, '--db', url, '--format', 'json');
    assert.equal(plan.code, 0, plan.stderr);
    assert.equal(plan.stderr, '');
    const json = JSON.parse(plan.stdout) as { changes: { key: string }[]; drift: { key: string }[] };
    assert.deepEqual(json.changes.map((c) => c.key), ['UK Wholesale']);
    assert.deepEqual(json.drift.map((d) => d.key), ['UK Wholesale']);
    assert.equal(await scalar(db, `SELECT uncommitted_changes FROM customer_rating_plans WHERE name = 'UK Wholesale'`), false, 'plan did not mark drift');

    const status = didsync('status', '--db', url, '--format', 'json');
    assert.equal(status.code, 0, status.stderr);
    assert.equal(await scalar(db, `SELECT uncommitted_changes FROM customer_rating_plans WHERE name = 'UK Wholesale'`), false, 'status did not mark drift');

    const out = await mkdtemp(join(tmpdir(), 'didsync-role-export-'));
    try {
      assert.equal(didsync('export', '--db', url, '--out', out).code, 0);
    } finally {
      await rm(out, { recursive: true, force: true });
    }

    const apply = didsync('apply', '-C', config, '--db', url, '--yes');
    assert.equal(apply.code, 1);
    assert.equal(apply.stderr.trim().split('\n').length, 1, `one line: ${apply.stderr}`);
    assert.match(apply.stderr, /^didsync: .*permission denied.*may not apply: use a role with the grants of didsync_apply \(README, Database roles\)/);
    assert.doesNotMatch(apply.stderr, /change-me/, 'no password in the error');
    assert.ok(DOC.includes(`\`${apply.stderr.trim()}\``), `the README quotes the error as it reads: ${apply.stderr.trim()}`);
  });
  assert.equal(await scalar(db, 'SELECT count(*)::int FROM didsync.runs'), runs, 'no run was recorded');
  assert.equal(await scalar(db, `SELECT rate FROM customer_rating_plan_rates WHERE prefix = '44'`), '0.020000', 'nothing was applied');
  recordResult({
    area: 'Exposure', fault: 'the read-only database role of the README (didsync_plan), granted exactly as documented', database: 'postgres', cases: 4,
    outcome: '`plan`, `status` and `export` work and mark no drift; `apply` refused with one line naming the role to use, no password in it; nothing written, no run recorded',
    test: `${READ_ONLY} [postgres]`,
  });
}, { init: true, only: 'postgres' });

const APPLY_ROLE = 'the apply role applies, prunes and marks drift, and reads nothing else';
databaseTest(APPLY_ROLE, async (db, target) => {
  const config = await writeConfig(MINIMAL);
  await withRole(db, target.url, 'didsync_apply', async (url) => {
    const first = didsync('apply', '-C', config, '--db', url, '--yes');
    assert.equal(first.code, 0, first.stderr);
    assert.equal(await scalar(db, 'SELECT count(*)::int FROM didsync.managed'), 4);
    assert.equal(didsync('plan', '-C', config, '--db', url, '--detailed-exitcode').code, 0);

    await db.query(`UPDATE customer_rating_plan_rates SET rate = 0.02 WHERE prefix = '44'`);
    assert.equal(didsync('status', '--db', url).code, 0);
    assert.equal(await scalar(db, `SELECT uncommitted_changes FROM customer_rating_plans WHERE name = 'UK Wholesale'`), true, 'drift is marked');

    const [carrier] = MINIMAL['config.yaml'].split('---\n');
    await updateConfig(config, { 'config.yaml': `${carrier.replace('capacityLimit: 120', 'capacityLimit: 130')}` });
    const prune = didsync('apply', '-C', config, '--db', url, '--yes', '--prune', '--force');
    assert.equal(prune.code, 0, prune.stderr);
    assert.equal(await scalar(db, 'SELECT count(*)::int FROM carrier_services'), 0, 'the service was pruned');
    assert.equal(await scalar(db, 'SELECT capacity_limit FROM carriers'), 130);

    const asRole = await openPostgres({ url });
    try {
      await assert.rejects(asRole.query('SELECT * FROM users'), /permission denied/);
      await assert.rejects(asRole.query(`UPDATE currencies SET name = 'x'`), /permission denied/);
    } finally {
      await asRole.close();
    }
  });
  recordResult({
    area: 'Exposure', fault: 'the apply database role of the README (didsync_apply), granted exactly as documented', database: 'postgres', cases: 6,
    outcome: '`apply`, `apply --prune`, `plan` and `status` (marking drift) work; reading `users` and writing `currencies` refused with permission denied',
    test: `${APPLY_ROLE} [postgres]`,
  });
}, { init: true, only: 'postgres' });

const DAEMON_ROLE = 'the daemon runs as the apply role: it leads, applies, marks drift and answers /status, with no permission error';
databaseTest(DAEMON_ROLE, async (db, target, t) => {
  const config = await writeConfig(MINIMAL);
  await withRole(db, target.url, 'didsync_apply', async (url) => {
    const d = await startDaemon(['--watch', config, '--db', url, '--drift-schedule', '* * * * * *', '--drift', 'report']);
    try {
      await d.waitForLog((e) => e.msg.startsWith('leading'), 'leading');
      await d.waitForLog((e) => e.msg.startsWith('applied '), 'the config applied');
      assert.equal(await scalar(db, "SELECT count(*)::int FROM didsync.runs WHERE status = 'applied'"), 1);
      assert.equal(await scalar(db, 'SELECT capacity_limit FROM carriers'), 120);

      // The rates desk changes a rate in the DIDTron UI; the next drift check marks the plan.
      await db.query(`UPDATE customer_rating_plan_rates SET rate = 0.02 WHERE prefix = '44'`);
      const found = await d.waitForLog((e) => e.level === 'warn' && e.msg.startsWith('drift:'), 'the drift report');
      assert.equal(found.marked, true, 'the drift check marked what it found');
      assert.equal(await scalar(db, `SELECT uncommitted_changes FROM customer_rating_plans WHERE name = 'UK Wholesale'`), true, 'drift is marked');

      const status = await httpCall(`${d.url}/status`, 'GET');
      assert.equal(status.status, 200);
      assert.equal(status.body.daemon.role, 'leader');
      assert.equal((await httpCall(`${d.url}/readyz`, 'GET')).status, 200);
      // A few more drift checks and status reads, for a permission error to surface if there is one.
      await eventually(async () => (d.logs().filter((e) => e.msg.startsWith('drift:')).length >= 3 ? true : undefined), 'three drift checks');
    } finally {
      const stopped = await d.stop();
      t.diagnostic(`stopped with ${stopped.code}`);
    }
    assert.equal(d.child.exitCode, 0, 'the daemon stopped cleanly');
    const denied = d.lines.filter((l) => /permission denied|42501/i.test(l));
    assert.deepEqual(denied, [], 'no permission error in the logs');
    assert.deepEqual(d.logs().filter((e) => e.level === 'error').map((e) => e.msg), [], 'no error in the logs');
    assert.doesNotMatch(d.stdout(), /permission denied/i);
  });
  recordResult({
    area: 'Exposure', fault: 'the daemon (--watch) running as the apply database role of the README (didsync_apply)', database: 'postgres', cases: 1,
    outcome: 'it led, applied the config, marked drift on its schedule, answered /status and /readyz 200 and stopped with exit 0; no permission error in its logs',
    test: `${DAEMON_ROLE} [postgres]`,
  });
}, { init: true, only: 'postgres', timeout: 90_000 });
