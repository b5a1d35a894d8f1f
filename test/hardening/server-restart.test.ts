// The database server itself restarted (`pg_ctl restart -m fast`: every
// session terminated, the server down for a moment, then up again) under a
// running `apply`, a running `plan` and the daemon's loop. Not the shared
// server of the other suites: a private one, made with initdb in a temp
// folder (support/cluster.ts), stopped when the file ends. To restart in the
// middle of the work and not after it, the test holds a lock on a table the
// process needs (the rates table; for a plan, the rating plans) until the
// process waits for it (restartWhileHeld). The commands
// fail with one clear line and exit 1, the database holds the state before
// exactly, and the next apply converges; the daemon keeps running,
// reconnects and applies each commit exactly once.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { initDatabase } from '../../src/db/init.js';
import type { Driver } from '../../src/drivers/driver.js';
import { openPostgres } from '../../src/drivers/postgres.js';
import { applyConfig } from '../support/config.js';
import { POSTGRES_URL } from '../support/databases.js';
import { withCapacity } from '../daemon/fixtures.js';
import { makeOrigin } from '../daemon/git-support.js';
import { httpCall, lastRunOf, startDaemon } from '../daemon/process-support.js';
import { isOneLineError, runCli, startCli, type CliProcess } from './support/cli.js';
import { findCluster, startCluster, type Cluster } from './support/cluster.js';
import { largeConfigs } from './support/large-config.js';
import { sleep } from './support/postgres.js';
import { recordResult } from './support/results.js';
import { databaseState } from './support/state.js';

const tools = POSTGRES_URL === undefined ? 'DIDSYNC_TEST_DATABASE_URL is not set: the PostgreSQL suites are off' : await findCluster();
const skip = typeof tools === 'string' ? tools : false;
const SIZE = { carriers: 20, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 4, rates: 20_000 };
const RESTART = 'pg_ctl restart -m fast';
/** The test's own sessions, told apart from didsync's. */
const TEST_APP = 'didsync test';

let cluster: Cluster | undefined;
before(async () => {
  if (typeof tools !== 'string') cluster = await startCluster(tools);
}, { timeout: 120_000 });
after(async () => {
  await cluster?.dispose();
});

/** A new database on the private server with didsync's schema; its URL. */
async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster!.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster!.url);
  url.pathname = `/${name}`;
  await withDb(url.toString(), (db) => initDatabase(db));
  return url.toString();
}

/** A connection of the test's own for `fn` (one made before a restart is gone after it). */
async function withDb<T>(url: string, fn: (db: Driver) => Promise<T>): Promise<T> {
  const db = await openPostgres({ url, applicationName: TEST_APP });
  try {
    return await fn(db);
  } finally {
    await db.close().catch(() => undefined);
  }
}

interface Backend {
  app: string;
  writing: boolean;
  waiting: boolean;
}

/** Poll didsync's backends until `seen` holds for one; false once `alive` says the process ended first. */
async function waitFor(db: Driver, alive: () => boolean, seen: (b: Backend) => boolean): Promise<boolean> {
  const deadline = Date.now() + 120_000;
  while (alive() && Date.now() < deadline) {
    const { rows } = await db.query<Backend>(
      `SELECT application_name AS app, backend_xid IS NOT NULL AS writing, wait_event_type IS NOT DISTINCT FROM 'Lock' AS waiting
         FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'didsync%' AND application_name <> '${TEST_APP}'`,
    );
    if (rows.some(seen)) return true;
    await sleep(5);
  }
  return false;
}

/**
 * Restart the server in the middle of a process's work: a session of the
 * test holds `lock` on the rates table, so the process stops at its first
 * statement on that table that the lock conflicts with, its connection (and
 * for an apply its transaction, with the object rows it already wrote) open;
 * once `seen` shows it waiting there, the server restarts. Without the hold a
 * change of this size is written in a fraction of a second, less than
 * pg_ctl takes to stop the server, and the restart would come after the
 * COMMIT. How long the restart took.
 */
async function restartWhileHeld(
  url: string, lock: string, alive: () => boolean, seen: (b: Backend) => boolean, table = 'customer_rating_plan_rates',
): Promise<number> {
  const holder = await openPostgres({ url, applicationName: TEST_APP });
  try {
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE ${table} IN ${lock} MODE`);
    assert.ok(await withDb(url, (db) => waitFor(db, alive, seen)), 'the process was seen held at the rates table');
    const t0 = performance.now();
    await cluster!.restart();
    return performance.now() - t0;
  } finally {
    await holder.close();
  }
}

/** The same under a CLI command: its result, once it ended. */
async function restartUnder(url: string, child: CliProcess, lock: string, seen: (b: Backend) => boolean, table?: string) {
  const alive = () => child.child.exitCode === null;
  const restartMs = await restartWhileHeld(url, lock, alive, (b) => b.app === 'didsync' && seen(b), table)
    .catch(async (e: Error) => assert.fail(`${e.message}; the command: ${(await child.done).stderr}`));
  return { result: await child.done, restartMs };
}

const APPLY = 'the server restarted during a large apply: one clear line, exit 1, the state before exactly, the next apply converges';
test(APPLY, { skip, timeout: 240_000 }, async () => {
  const url = await freshDatabase('restart_apply');
  const configs = await largeConfigs(SIZE);
  await withDb(url, (db) => applyConfig(db, configs.a, { force: true }));
  const beforeState = await withDb(url, databaseState);

  const child = startCli(['apply', '-C', configs.b, '--db', url, '--yes', '--force']);
  // Held in its write transaction (the objects written, the rates next): writing and waiting.
  const { result, restartMs } = await restartUnder(url, child, 'SHARE', (b) => b.writing && b.waiting);
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.ok(isOneLineError(result.stderr), `not one clear line:\n${result.stderr}`);
  assert.match(result.stderr, /connection|terminat|shut ?down|cannot reach/i);
  assert.deepEqual(await withDb(url, databaseState), beforeState, 'the database holds the state before exactly');
  const runs = await withDb(url, (db) => db.query<{ status: string }>('SELECT status FROM didsync.runs WHERE pid = $1', [child.child.pid]));
  assert.ok(runs.rows.every((r) => r.status !== 'applied'), 'the interrupted apply is not recorded as applied');

  const retry = await runCli(['apply', '-C', configs.b, '--db', url, '--yes', '--force']);
  assert.equal(retry.code, 0, retry.stderr);
  const planned = await runCli(['plan', '-C', configs.b, '--db', url, '--detailed-exitcode']);
  assert.equal(planned.code, 0, `the plan after the retry is empty:\n${planned.stdout}`);
  const open = await withDb(url, (db) => db.query("SELECT id FROM didsync.runs WHERE status = 'running'"));
  assert.equal(open.rows.length, 0, 'no run is left running');
  recordResult({
    area: 'Faults', fault: `database server restarted (${RESTART}) during \`apply --yes\` (${configs.objects} objects, ${configs.rates.toLocaleString('en')} rates)`,
    database: 'postgres', cases: 1,
    outcome: `exit 1 with one line (${result.stderr.trim()}), no stack trace; the state before exactly; not recorded as applied; `
      + `the retry converged, plan empty, no run left running (restart took ${Math.round(restartMs)} ms)`,
    test: APPLY,
  });
});

const PLAN = 'the server restarted during a plan: one clear line, exit 1, nothing written';
test(PLAN, { skip, timeout: 240_000 }, async () => {
  const url = await freshDatabase('restart_plan');
  const configs = await largeConfigs(SIZE);
  await withDb(url, (db) => applyConfig(db, configs.a, { force: true }));
  const beforeState = await withDb(url, databaseState);

  const child = startCli(['plan', '-C', configs.b, '--db', url]);
  // Held at its read of the rating plans (the changed decks' live rows come from the decks applied last, not the rates table).
  const { result } = await restartUnder(url, child, 'ACCESS EXCLUSIVE', (b) => b.waiting, 'customer_rating_plans');
  assert.equal(result.code, 1, result.stdout + result.stderr);
  assert.ok(isOneLineError(result.stderr), `not one clear line:\n${result.stderr}`);
  assert.match(result.stderr, /connection|terminat|shut ?down|cannot reach/i);
  assert.deepEqual(await withDb(url, databaseState), beforeState, 'plan wrote nothing');
  const again = await runCli(['plan', '-C', configs.b, '--db', url, '--detailed-exitcode']);
  assert.equal(again.code, 2, `the next plan works and shows the change: ${again.stderr}`);
  recordResult({
    area: 'Faults', fault: `database server restarted (${RESTART}) during \`plan\``, database: 'postgres', cases: 1,
    outcome: `exit 1 with one line (${result.stderr.trim()}), no stack trace, nothing written; the next plan worked`,
    test: PLAN,
  });
});

function bigRates(n: number): string {
  const lines = ['prefix,destination,rate,connectionFee,effectiveDate'];
  for (let i = 0; i < n; i++) lines.push(`44${String(i).padStart(6, '0')},United Kingdom ${i},0.0100,0,2025-01-01`);
  return `${lines.join('\n')}\n`;
}

const DAEMON = 'the daemon keeps running across server restarts, between runs and during one, and applies each commit exactly once';
test(DAEMON, { skip, timeout: 240_000 }, async (t) => {
  const url = await freshDatabase('restart_daemon');
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit(withCapacity(120), 'ACME at 120');
  const d = await startDaemon(['--repo', origin.bare, '--workdir', join(origin.base, 'work'), '--db', url, '--schedule', '* * * * * *', '--drift-schedule', '0 0 1 1 *']);
  t.after(() => d.stop('SIGKILL'));
  assert.equal((await lastRunOf(d.url, c1)).status, 'applied');

  // Between runs.
  await cluster!.restart();
  const c2 = await origin.commit(withCapacity(130), 'ACME at 130');
  assert.equal((await lastRunOf(d.url, c2, 'applied')).status, 'applied');
  assert.ok(d.logs().some((e) => /connection lost|lost the leadership|cannot reach|failed; retrying/.test(e.msg)), 'the restart was noticed');

  // During a run: held in its apply's transaction, the objects written and the rates next.
  const c3 = await origin.commit({ ...withCapacity(140), 'rates/uk-wholesale.csv': bigRates(20_000) }, 'ACME at 140, 20k rates');
  const alive = () => d.child.exitCode === null;
  await restartWhileHeld(url, 'SHARE', alive, (b) => b.app === 'didsync daemon work' && b.writing && b.waiting);
  await lastRunOf(d.url, c3, 'applied');
  assert.equal(d.child.exitCode, null, 'the daemon is still running');
  assert.equal((await httpCall(`${d.url}/status`, 'GET')).status, 200);
  assert.equal((await d.stop()).code, 0);

  const { perCommit, c3Runs, running } = await withDb(url, async (db) => ({
    perCommit: Object.fromEntries((await db.query<{ commit: string; n: number }>(
      "SELECT commit, count(*)::int AS n FROM didsync.runs WHERE status = 'applied' GROUP BY commit",
    )).rows.map((r) => [r.commit, r.n])),
    c3Runs: (await db.query<{ status: string }>('SELECT status FROM didsync.runs WHERE commit = $1 ORDER BY id', [c3])).rows.map((r) => r.status),
    running: (await db.query("SELECT 1 FROM didsync.runs WHERE status = 'running'")).rows.length,
  }));
  assert.deepEqual(perCommit, { [c1]: 1, [c2]: 1, [c3]: 1 }, 'each commit applied exactly once');
  assert.equal(running, 0, 'no run left running');
  assert.equal(c3Runs.at(-1), 'applied');
  assert.ok(c3Runs.length >= 2 && c3Runs.slice(0, -1).every((r) => r !== 'applied'), `the interrupted run is on record, not as applied: ${c3Runs.join(', ')}`);
  assert.equal(await withDb(url, async (db) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM customer_rating_plan_rates')).rows[0].n), 20_000);
  recordResult({
    area: 'Faults', fault: `database server restarted (${RESTART}) under the daemon's loop, between runs and during an apply of 20,000 rates`,
    database: 'postgres', cases: 2,
    outcome: `the daemon kept running, reconnected and led again; every commit applied exactly once (runs of the interrupted commit: ${c3Runs.join(', ')}); `
      + 'no run left running; /status answered 200; stopped with exit 0',
    test: DAEMON,
  });
});
