// didsync.runs when a process dies: the record of an apply must say
// 'applied' exactly when its change committed, however the process ends,
// and a record left 'running' by a dead apply must not stay so forever.

import assert from 'node:assert/strict';
import type { Driver } from '../../src/drivers/driver.js';
import { DatabaseError } from '../../src/drivers/errors.js';
import { applyPlan } from '../../src/reconcile/engine.js';
import { startRun } from '../../src/reconcile/runs.js';
import { applyConfig, MINIMAL, planConfig, scalar, writeConfig } from '../support/config.js';
import { databaseTest } from '../support/databases.js';
import { recordResult } from './support/results.js';

const run = { trigger: 'cli' as const, command: 'apply' };

/** The driver as seen by a process whose connection dies the moment its transaction has committed. */
function diesAfterCommit(db: Driver): Driver {
  let committed = false;
  const dead = () => Promise.reject(new DatabaseError('the database connection was lost: Connection terminated unexpectedly', undefined, true));
  return new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'transaction') {
        return async (fn: Parameters<Driver['transaction']>[0]) => {
          const result = await target.transaction(fn);
          committed = true;
          return result;
        };
      }
      if (prop === 'close') return value.bind(target);
      return (...args: unknown[]) => (committed ? dead() : (value as (...a: unknown[]) => unknown).apply(target, args));
    },
  });
}

const COMMITTED = 'an apply whose connection dies right after COMMIT is recorded as applied, not left running';
databaseTest(COMMITTED, async (db, target) => {
  const root = await writeConfig(MINIMAL);
  const plan = await planConfig(db, root);
  const outcome = await applyPlan(diesAfterCommit(db), plan, { force: false, lockTimeoutSeconds: 5, run });
  assert.equal(outcome.status, 'applied');
  assert.equal(await scalar(db, "SELECT count(*)::int FROM carriers WHERE code = 'ACME'"), 1);
  assert.equal(await scalar(db, 'SELECT status FROM didsync.runs WHERE id = $1', [outcome.runId]), 'applied');
  recordResult({
    area: 'Faults', fault: 'connection lost right after COMMIT', database: target.kind, cases: 1,
    outcome: 'run record already says applied (written in the apply transaction)', test: `${COMMITTED} [${target.kind}]`,
  });
}, { init: true });

const ABANDONED = 'a run left running by a dead apply is closed as interrupted by the next apply';
databaseTest(ABANDONED, async (db, target) => {
  const root = await writeConfig(MINIMAL);
  const dead = await startRun(db, { ...run, commit: 'abc' });
  await applyConfig(db, root);
  const { rows } = await db.query<{ id: string; status: string; error: string | null; finished_at: string | null }>(
    'SELECT id, status, error, finished_at FROM didsync.runs ORDER BY id',
  );
  assert.deepEqual(rows.map((r) => [Number(r.id), r.status]), [[dead, 'error'], [dead + 1, 'applied']]);
  assert.match(rows[0].error!, /^interrupted: the process or its database connection ended before the run finished; nothing of it was applied$/);
  assert.notEqual(rows[0].finished_at, null);
  recordResult({
    area: 'Faults', fault: "run record left 'running' by a killed apply", database: target.kind, cases: 1,
    outcome: "closed by the next apply as 'error' (interrupted, nothing applied)", test: `${ABANDONED} [${target.kind}]`,
  });
}, { init: true });
