// One sync of a config root to the database: validate, plan, apply, with the
// run recorded whatever happens. A config that fails validation is recorded
// as a failed run carrying its problems and is not planned; a plan refused by
// a guard or a conflict is recorded by the engine as refused; an apply the
// database rejects by its own rules (rejection.ts: a constraint, a trigger
// that raises) is recorded by the engine as failed. In all three cases the
// database keeps its last good state and the commit is settled: trying it
// again cannot help. A plan made stale by another applier (a manual apply,
// CI) is made again from the new state. Faults (connection, lock) are
// thrown for the daemon to retry. No scheduling, no git: the caller says
// which root and commit.

import type { Driver } from '../drivers/driver.js';
import { applyPlan } from '../reconcile/engine.js';
import { planConfigRoot } from '../reconcile/config-plan.js';
import { hasChanges, type Plan } from '../reconcile/plan.js';
import { finishRun, startRun, type RunInfo } from '../reconcile/runs.js';
import { formatProblemsText, problemSummary } from '../report/format-problems.js';
import type { Problem } from '../report/problem.js';
import { StalePlanError, UserError } from '../report/errors.js';
import { isRejection } from './rejection.js';

/** How a run record of an invalid config begins (the daemon recognises its own records by it). */
export const INVALID_CONFIG = 'invalid config:';

/** Plans made in a row before giving up when other appliers keep committing first. */
const STALE_ATTEMPTS = 5;

export interface SyncRequest {
  root: string;
  run: RunInfo;
  /** Record a run even when there is nothing to apply (git mode: it marks the commit as applied). */
  recordUnchanged: boolean;
  now?: Date;
}

export type SyncResult =
  | { outcome: 'invalid'; runId: number; problems: Problem[]; report: string }
  | { outcome: 'refused'; plan: Plan; error: string; settings: Record<string, unknown> }
  | { outcome: 'rejected'; plan: Plan; error: string; code: string; settings: Record<string, unknown> }
  | { outcome: 'unchanged'; plan: Plan; settings: Record<string, unknown> }
  | { outcome: 'applied' | 'no-changes'; runId: number; plan: Plan; changes: number; seconds: number; settings: Record<string, unknown> };

export async function syncConfig(db: Driver, req: SyncRequest): Promise<SyncResult> {
  const now = req.now ?? new Date();
  for (let attempt = 1; ; attempt++) {
    const planned = await planConfigRoot(db, req.root, {
      today: now.toISOString().slice(0, 10), createdAt: now.toISOString(), commit: req.run.commit ?? null, dbDescription: db.description,
    });
    if (!planned.ok) {
      const report = await formatProblemsText(req.root, planned.problems, { colour: false });
      const runId = await startRun(db, req.run);
      await finishRun(db, runId, { status: 'failed', error: `${INVALID_CONFIG} ${problemSummary(planned.problems)}\n${report}` });
      return { outcome: 'invalid', runId, problems: planned.problems, report };
    }
    const { plan, settings } = planned;
    // A rates record to refresh (a deck rewritten with the same rows) is applied too: else every later plan parses that deck.
    const refreshRates = plan.refresh.some((r) => r.kind === 'RatingPlan');
    if (!hasChanges(plan) && !refreshRates && !req.recordUnchanged) return { outcome: 'unchanged', plan, settings };
    const started = performance.now();
    try {
      const outcome = await applyPlan(db, plan, { force: false, lockTimeoutSeconds: plan.settings.lockTimeoutSeconds, run: req.run });
      return {
        outcome: outcome.status, runId: outcome.runId, plan, changes: outcome.changes.length,
        seconds: (performance.now() - started) / 1000, settings,
      };
    } catch (e) {
      // The refusal is on record; the commit is not wrong, the plan is old.
      if (e instanceof StalePlanError && attempt < STALE_ATTEMPTS) continue;
      if (e instanceof UserError) return { outcome: 'refused', plan, error: e.message, settings };
      if (isRejection(e)) return { outcome: 'rejected', plan, error: e.message, code: e.code!, settings };
      throw e;
    }
  }
}

/**
 * Close the runs a lost connection left 'running'. Whether the apply
 * committed before the connection went is read from didsync.managed, which
 * the apply transaction stamps with its run id: such a run is closed as
 * applied (so its commit is not applied twice), any other as an error.
 */
export async function closeInterruptedRuns(db: Driver, owner: { host: string; pid: number }): Promise<{ applied: number; rolledBack: number }> {
  const res = await db.query<{ id: string; landed: boolean }>(
    `SELECT r.id, EXISTS (SELECT 1 FROM didsync.managed m WHERE m.applied_run = r.id) AS landed
       FROM didsync.runs r WHERE r.status = 'running' AND r.host = $1 AND r.pid = $2`,
    [owner.host, owner.pid],
  );
  let applied = 0;
  for (const r of res.rows) {
    if (r.landed) applied++;
    await finishRun(db, Number(r.id), r.landed
      ? { status: 'applied', error: 'the database connection was lost after the apply committed; the run was closed on reconnect' }
      : { status: 'error', error: 'interrupted: the database connection was lost during the run; its transaction was rolled back' });
  }
  return { applied, rolledBack: res.rows.length - applied };
}
