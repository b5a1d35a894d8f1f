// Drift as the daemon sees it, on real processes: someone edits the
// database behind didsync's back; under --drift report the daemon marks the
// rating plan's uncommitted_changes column, logs the drift and exports it as
// a metric, and applies nothing; under --drift revert it re-applies git, even
// though the commit is the one already applied, and clears the mark.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { databaseTest } from '../support/databases.js';
import { openPglite } from '../../src/drivers/pglite.js';
import type { Driver } from '../../src/drivers/driver.js';
import { makeOrigin } from './git-support.js';
import { withCapacity } from './fixtures.js';
import { eventually, httpCall, lastRunOf, startDaemon, type DaemonProcess } from './process-support.js';

const NEVER = '0 0 1 1 *';
const EVERY_SECOND = '* * * * * *';

async function uncommitted(d: Driver): Promise<Array<[string, boolean]>> {
  const rows = (await d.query<{ name: string; uncommitted_changes: boolean }>('SELECT name, uncommitted_changes FROM customer_rating_plans ORDER BY name')).rows;
  return rows.map((r) => [r.name, r.uncommitted_changes]);
}

databaseTest('drift is reported and marked, or reverted, on the drift schedule', async (db, target, t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit(withCapacity(120), 'ACME at 120');
  const base = ['--repo', origin.bare, '--workdir', join(origin.base, 'work'), '--db', target.url, '--schedule', NEVER];
  const pglite = target.kind === 'pglite';
  if (pglite) await db.close();
  const all: DaemonProcess[] = [];
  t.after(async () => { for (const d of all) await d.stop('SIGKILL'); });
  const start = async (args: string[]) => {
    const d = await startDaemon([...base, ...args]);
    all.push(d);
    return d;
  };
  // PGlite is open in one process at a time: edit it between daemons.
  const withDb = async (fn: (d: Driver) => Promise<void>) => {
    if (!pglite) return fn(db);
    const d = await openPglite({ dataDir: target.url.slice('pglite:'.length) });
    try {
      await fn(d);
    } finally {
      await d.close();
    }
  };

  const d1 = await start(['--drift-schedule', NEVER]);
  assert.equal((await lastRunOf(d1.url, c1)).status, 'applied');
  assert.equal((await d1.stop()).code, 0);

  await withDb(async (d) => {
    await d.query("UPDATE customer_rating_plan_rates SET rate = rate + 1 WHERE prefix = '44'");
    await d.query("UPDATE carriers SET capacity_limit = 999 WHERE code = 'ACME'");
  });

  const d2 = await start(['--drift-schedule', EVERY_SECOND, '--drift', 'report']);
  const found = await d2.waitForLog((e) => e.level === 'warn' && String(e.msg).startsWith('drift:'), 'the drift report');
  assert.deepEqual((found.drift as Array<{ kind: string; key: string }>).map((x) => `${x.kind} ${x.key}`).sort(), ['Carrier ACME', 'RatingPlan UK Wholesale']);
  const status = await httpCall(`${d2.url}/status`, 'GET');
  const plan = status.body.plans.find((p: { name: string }) => p.name === 'UK Wholesale');
  assert.equal(plan.uncommittedChanges, true);
  assert.deepEqual(status.body.drift, [{ kind: 'Carrier', key: 'ACME', fields: ['capacityLimit'] }]);
  const metrics = await httpCall(`${d2.url}/metrics`, 'GET');
  assert.match(metrics.body, /^didsync_drifted_objects 2$/m);
  assert.match(metrics.body, /^didsync_leader 1$/m);
  assert.ok(!d2.logs().some((e) => String(e.msg).startsWith('applied')), 'report applies nothing');
  assert.equal((await d2.stop()).code, 0);
  // The mark is written to the plan's row, where DIDTron reads it, not only reported by /status.
  await withDb(async (d) => assert.deepEqual(await uncommitted(d), [['UK Wholesale', true]]));

  const d3 = await start(['--drift-schedule', EVERY_SECOND, '--drift', 'revert']);
  const reverted = await d3.waitForLog((e) => String(e.msg).startsWith('applied') && e.trigger === 'drift', 'the revert');
  assert.equal(reverted.changes, 2);
  await eventually(async () => {
    const s = await httpCall(`${d3.url}/status`, 'GET');
    return s.body.drift.length === 0 && s.body.plans.every((p: { uncommittedChanges: boolean }) => !p.uncommittedChanges) ? true : undefined;
  }, 'no drift left');
  assert.equal((await d3.stop()).code, 0);

  await withDb(async (d) => {
    assert.equal((await d.query<{ n: number }>("SELECT capacity_limit AS n FROM carriers WHERE code = 'ACME'")).rows[0].n, 120);
    assert.equal((await d.query<{ r: string }>("SELECT rate::text AS r FROM customer_rating_plan_rates WHERE prefix = '44'")).rows[0].r, '0.010000');
    assert.deepEqual(await uncommitted(d), [['UK Wholesale', false]], 'the revert clears the mark');
    const runs = (await d.query<{ commit: string; status: string; trigger: string }>('SELECT commit, status, trigger FROM didsync.runs ORDER BY id')).rows;
    assert.deepEqual(runs.map((r) => [r.commit, r.status, r.trigger]), [[c1, 'applied', 'daemon'], [c1, 'applied', 'drift']]);
  });
}, { init: true, timeout: 120_000 });
