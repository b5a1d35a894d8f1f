// Crash consistency on PostgreSQL: the SIGKILL loop of support/crash-loop.ts
// with the write phase watched on the server. A child writes from the
// moment its backend holds a transaction id (its run record's own insert
// and the closing of abandoned runs, which take one for an instant, do not
// count) and has committed once the server shows its COMMIT.

import assert from 'node:assert/strict';
import type { Driver } from '../../src/drivers/driver.js';
import { APPLY_LOCK_KEY } from '../../src/reconcile/engine.js';
import { databaseTest } from '../support/databases.js';
import type { CliProcess } from './support/cli.js';
import { crashLoop } from './support/crash-loop.js';
import type { Size } from './support/large-config.js';
import { advisoryLocks, sleep, waitForNoOtherBackends } from './support/postgres.js';

const KILLS = Number(process.env.DIDSYNC_CRASH_KILLS ?? 20);
/** Hundreds of objects and 100,000 rates: one apply takes a few seconds on PostgreSQL. */
const SIZE: Size = { carriers: 60, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 10, rates: 100_000 };

/** The run-record statements outside the apply transaction (runs.ts startRun, closeAbandonedRuns). */
const OUTSIDE = ['INSERT INTO didsync.runs', "UPDATE didsync.runs SET finished_at = now(), status = 'error'"];

interface Backend {
  writing: boolean;
  query: string;
}

async function backends(db: Driver): Promise<Backend[]> {
  const { rows } = await db.query<Backend>(
    `SELECT backend_xid IS NOT NULL AS writing, left(query, 80) AS query FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return rows;
}

/** Polls until `seen` holds for some backend of the child; the time it did, or undefined once the child has ended. */
async function watch(db: Driver, child: CliProcess, seen: (b: Backend) => boolean): Promise<number | undefined> {
  while (child.child.exitCode === null) {
    if ((await backends(db)).some(seen)) return performance.now();
    await sleep(2);
  }
  return undefined;
}

const isCommit = (b: Backend) => b.query.startsWith('COMMIT');

const PG_NAME = 'SIGKILL at random moments of the write phase of a large apply: before or after, never a mix; the next apply converges';
databaseTest(PG_NAME, async (db, target) => {
  await crashLoop(`${PG_NAME} [postgres]`, {
    url: target.url,
    read: (fn) => fn(db),
    writeStart: 'its backend held a transaction id',
    writing: (child) => watch(db, child, (b) => b.writing && !OUTSIDE.some((q) => b.query.startsWith(q))),
    committed: (child) => watch(db, child, isCommit),
    async phase() {
      const list = await backends(db);
      if (list.length === 0) return 'not connected';
      if (list.some((b) => b.writing)) return 'writing';
      if (list.some((b) => isCommit(b) || b.query.startsWith('SELECT pg_advisory_unlock'))) return 'after COMMIT';
      return 'reading';
    },
    async settle() {
      const ms = await waitForNoOtherBackends(db);
      assert.equal(await advisoryLocks(db), 0, 'no advisory lock outlives its session');
      assert.equal(await db.lock(APPLY_LOCK_KEY, 100), true, 'a new apply takes the lock at once');
      await db.unlock(APPLY_LOCK_KEY);
      return ms;
    },
  }, SIZE, KILLS, 'postgres');
}, { init: true, only: 'postgres', timeout: 400_000 });
