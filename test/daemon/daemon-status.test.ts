// The daemon's HTTP reads are reads: with drift in the database (a rate and
// a carrier changed behind didsync's back, the plan not yet marked), GET
// /status, /metrics, /readyz and /healthz leave every table exactly as it
// was, although /status reports the drift and the plan's uncommitted
// changes; marking is the drift job's (and the `status` command's). The
// status JSON's run times are ISO 8601, and a run's finished_at is when it
// ended, not when its transaction began.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { databaseTest } from '../support/databases.js';
import { applyConfig, writeConfig } from '../support/config.js';
import { openPglite } from '../../src/drivers/pglite.js';
import type { Driver, Queryable } from '../../src/drivers/driver.js';
import { readStatus } from '../../src/reconcile/status.js';
import { makeOrigin } from './git-support.js';
import { withCapacity } from './fixtures.js';
import { httpCall, lastRunOf, startDaemon, type DaemonProcess } from './process-support.js';

const NEVER = '0 0 1 1 *';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** One digest per table of the public and didsync schemas, over all of its rows. */
async function tableDigests(db: Queryable): Promise<Record<string, string>> {
  const tables = (await db.query<{ name: string }>(
    `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema IN ('public', 'didsync') AND table_type = 'BASE TABLE' ORDER BY 1`,
  )).rows.map((r) => r.name);
  const out: Record<string, string> = {};
  for (const name of tables) {
    const res = await db.query<{ d: string | null; n: number }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS d, count(*)::int AS n FROM ${name} t`);
    out[name] = `${res.rows[0].n}:${res.rows[0].d ?? ''}`;
  }
  return out;
}

databaseTest('GET /status, /metrics, /readyz and /healthz write nothing, with drift present', async (db, target, t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit(withCapacity(120), 'ACME at 120');
  const pglite = target.kind === 'pglite';
  if (pglite) await db.close();
  const args = ['--repo', origin.bare, '--workdir', join(origin.base, 'work'), '--db', target.url, '--schedule', NEVER, '--drift-schedule', NEVER];
  const all: DaemonProcess[] = [];
  t.after(async () => { for (const d of all) await d.stop('SIGKILL'); });
  const withDb = async <T>(fn: (d: Driver) => Promise<T>): Promise<T> => {
    if (!pglite) return fn(db);
    const d = await openPglite({ dataDir: target.url.slice('pglite:'.length) });
    try {
      return await fn(d);
    } finally {
      await d.close();
    }
  };

  const d1 = await startDaemon(args);
  all.push(d1);
  assert.equal((await lastRunOf(d1.url, c1)).status, 'applied');
  assert.equal((await d1.stop()).code, 0);
  await withDb(async (d) => {
    await d.query("UPDATE customer_rating_plan_rates SET rate = rate + 1 WHERE prefix = '44'");
    await d.query("UPDATE carriers SET capacity_limit = 999 WHERE code = 'ACME'");
  });

  // PGlite is open in one process at a time: its digests are taken around the daemon's whole life,
  // which (the commit being applied already) writes nothing of its own either.
  const before = await withDb(tableDigests);
  const d2 = await startDaemon(args);
  all.push(d2);
  await d2.waitForLog((e) => e.msg === 'up to date: this commit is already applied', 'up to date');
  const around = pglite ? null : await tableDigests(db);
  const answers = [];
  for (let i = 0; i < 3; i++) {
    for (const path of ['/status', '/metrics', '/readyz', '/healthz']) answers.push({ path, ...(await httpCall(`${d2.url}${path}`, 'GET')) });
  }
  assert.ok(answers.every((a) => a.status === 200), JSON.stringify(answers.filter((a) => a.status !== 200)));
  if (around) assert.deepEqual(await tableDigests(db), around, 'the GETs wrote nothing');

  const status = answers[0].body;
  assert.deepEqual(status.drift, [{ kind: 'Carrier', key: 'ACME', fields: ['capacityLimit'] }]);
  const plan = status.plans.find((p: { name: string }) => p.name === 'UK Wholesale');
  assert.equal(plan.uncommittedChanges, true, 'reported as marking would set it');
  assert.equal(plan.syncState, 'uncommitted');
  assert.match(status.lastRun.startedAt, ISO);
  assert.match(status.lastRun.finishedAt, ISO);
  assert.equal((await d2.stop()).code, 0);

  const after = await withDb(tableDigests);
  assert.deepEqual(after, before, 'no table changed');
  await withDb(async (d) => {
    assert.equal((await d.query<{ u: boolean }>("SELECT uncommitted_changes AS u FROM customer_rating_plans WHERE name = 'UK Wholesale'")).rows[0].u, false);
  });
}, { init: true, timeout: 90_000 });

databaseTest('status run times are ISO 8601 and finished_at is the end of the run', async (db) => {
  // An apply that takes a while inside its transaction: now() would stamp its start.
  await db.exec(`
    CREATE FUNCTION test_slow_carrier() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.6); RETURN NEW; END $$;
    CREATE TRIGGER test_slow_carrier BEFORE INSERT ON carriers FOR EACH ROW EXECUTE FUNCTION test_slow_carrier();
  `);
  await applyConfig(db, await writeConfig(withCapacity(120)));
  const { rows } = await db.query<{ ms: number }>(
    'SELECT (extract(epoch FROM finished_at - started_at) * 1000)::int AS ms FROM didsync.runs ORDER BY id DESC LIMIT 1',
  );
  assert.ok(rows[0].ms >= 500, `the run took ${rows[0].ms} ms by its record`);
  const { lastRun } = await readStatus(db, { mark: false });
  assert.ok(lastRun);
  assert.match(lastRun.startedAt, ISO);
  assert.match(lastRun.finishedAt ?? '', ISO);
  assert.ok(Date.parse(lastRun.finishedAt!) - Date.parse(lastRun.startedAt) >= 500);
}, { init: true });
