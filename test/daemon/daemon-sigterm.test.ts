// SIGTERM in the middle of an apply, on a real daemon process (PostgreSQL
// only: the test watches didsync.runs from its own connection while the
// daemon applies, which the single-connection PGlite cannot allow). The
// process exits 0 within seconds; the commit is applied at most once and
// either entirely or not at all; a daemon started afterwards converges to
// it without applying it twice and leaves no run open.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { databaseTest } from '../support/databases.js';
import type { Driver } from '../../src/drivers/driver.js';
import { makeOrigin } from './git-support.js';
import { bigRates, withCapacity } from './fixtures.js';
import { lastRunOf, startDaemon, type DaemonProcess } from './process-support.js';

const NEVER = '0 0 1 1 *';
const EVERY_SECOND = '* * * * * *';
const RATES = 40_000;

interface State {
  capacity: number;
  rates: number;
  applied: number;
  open: number;
}

/** The commit's footprint: ACME's capacity, the rates, its applied runs and the runs left open. */
async function stateOf(db: Driver, commit: string): Promise<State> {
  const one = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0].n;
  return {
    capacity: await one("SELECT capacity_limit AS n FROM carriers WHERE code = 'ACME'"),
    rates: await one('SELECT count(*)::int AS n FROM customer_rating_plan_rates'),
    applied: await one("SELECT count(*)::int AS n FROM didsync.runs WHERE commit = $1 AND status = 'applied'", [commit]),
    open: await one("SELECT count(*)::int AS n FROM didsync.runs WHERE status = 'running'"),
  };
}

databaseTest('SIGTERM during an apply: exit 0 within seconds, the commit applied once or not at all, a restart converges', async (db, target, t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit(withCapacity(120), 'ACME at 120');
  const args = ['--repo', origin.bare, '--workdir', join(origin.base, 'work'), '--db', target.url, '--schedule', EVERY_SECOND, '--drift-schedule', NEVER];
  const all: DaemonProcess[] = [];
  t.after(async () => { for (const d of all) await d.stop('SIGKILL'); });
  const d1 = await startDaemon(args);
  all.push(d1);
  assert.equal((await lastRunOf(d1.url, c1)).status, 'applied');

  const c2 = await origin.commit({ ...withCapacity(140), 'rates/uk-wholesale.csv': bigRates(RATES) }, `ACME at 140, ${RATES} rates`);
  const deadline = Date.now() + 60_000;
  let seenRunning = false;
  while (Date.now() < deadline && !seenRunning) {
    seenRunning = (await db.query("SELECT 1 FROM didsync.runs WHERE status = 'running' AND commit = $1", [c2])).rows.length > 0;
    if (!seenRunning) await new Promise((r) => setTimeout(r, 10));
  }
  assert.ok(seenRunning, 'the apply of c2 was seen running');
  const stopped = await d1.stop('SIGTERM');
  t.diagnostic(`SIGTERM during the apply to exit: ${stopped.ms} ms`);
  assert.equal(stopped.code, 0);
  // The running transaction may finish (or is rolled back after a 20 s grace): seconds, not a hang.
  assert.ok(stopped.ms < 30_000, `exited ${stopped.ms} ms after SIGTERM`);
  assert.ok(d1.logs().some((e) => e.msg.startsWith('stopping: no new work')), 'the stop was logged');

  const after = await stateOf(db, c2);
  const full: State = { capacity: 140, rates: RATES, applied: 1, open: 0 };
  const none: State = { capacity: 120, rates: 3, applied: 0, open: after.open };
  t.diagnostic(`after SIGTERM: ${JSON.stringify(after)}`);
  assert.ok(
    JSON.stringify(after) === JSON.stringify(full) || JSON.stringify(after) === JSON.stringify(none),
    `the commit is applied entirely (and recorded once) or not at all: ${JSON.stringify(after)}`,
  );

  const d2 = await startDaemon(args);
  all.push(d2);
  assert.equal((await lastRunOf(d2.url, c2, 'applied')).status, 'applied');
  if (after.applied === 1) await d2.waitForLog((e) => e.msg === 'up to date: this commit is already applied', 'not re-applied');
  assert.equal((await d2.stop()).code, 0);
  assert.deepEqual(await stateOf(db, c2), full, 'converged: applied once, nothing left running');
}, { only: 'postgres', init: true, timeout: 180_000 });
