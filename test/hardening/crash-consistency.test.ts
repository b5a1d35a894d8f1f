// Crash consistency: `didsync apply --yes` of a large change, run as a real
// process and killed with SIGKILL at seeded random moments spread over the
// whole run (start-up, validation, planning, the transaction, the commit).
// After every kill the database is exactly the state before or the state
// after the change, never a mix; no advisory lock is left held; the killed
// run's record says 'applied' exactly when its change committed and is
// otherwise left 'running' (or absent) until the next apply closes it as
// interrupted. The apply after the last kill converges and plan is empty.
//
// The two states share hundreds of objects with different fields; one has
// no rates, the other 100,000: each apply updates every object and adds or
// removes every rate. Each kill attempt applies the state the database is
// not in, so a kill that lands after the commit flips the direction of the
// next attempt.

import assert from 'node:assert/strict';
import { APPLY_LOCK_KEY } from '../../src/reconcile/engine.js';
import { databaseTest } from '../support/databases.js';
import { crashLoop } from './support/crash-loop.js';
import type { Size } from './support/large-config.js';
import { advisoryLocks, waitForNoOtherBackends } from './support/postgres.js';

const KILLS = Number(process.env.DIDSYNC_CRASH_KILLS ?? 20);
/** Hundreds of objects and 100,000 rates: one apply takes a few seconds on PostgreSQL. */
const SIZE: Size = { carriers: 60, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 10, rates: 100_000 };

const PG_NAME = 'SIGKILL at random moments of a large apply: before or after, never a mix; the next apply converges';
databaseTest(PG_NAME, async (db, target) => {
  await crashLoop(`${PG_NAME} [postgres]`, {
    url: target.url,
    read: (fn) => fn(db),
    async phase() {
      const { rows } = await db.query<{ writing: boolean }>(
        'SELECT backend_xid IS NOT NULL AS writing FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      if (rows.length === 0) return 'starting';
      return rows.some((r) => r.writing) ? 'writing' : 'reading';
    },
    async waitForStatement(prefix, child) {
      while (child.child.exitCode === null) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND starts_with(query, $1)`, [prefix],
        );
        if (rows[0].n > 0) return true;
      }
      return false;
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
