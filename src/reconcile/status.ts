// The status report (CONTRACT §4): the last run, every rating plan with its
// uncommitted changes, and drift of the other managed objects. Shared by
// `didsync status`, which marks the drift it finds (CONTRACT §5), and the
// daemon's GET /status, which must not write: an unauthenticated GET would
// otherwise update customer_rating_plans outside the apply lock. The
// daemon's drift job does the marking there. Read-only, a managed plan's
// uncommittedChanges is what marking would set it to, so both modes report
// the same.

import type { Driver } from '../drivers/driver.js';
import { detectDrift, markDrift } from './drift.js';
import { lastRun } from './runs.js';
import type { Drift } from './diff.js';

export interface PlanStatus {
  name: string;
  shortCode: string | null;
  managed: boolean;
  syncState: 'synced' | 'uncommitted' | 'unmanaged';
  uncommittedChanges: boolean;
  assigned: boolean;
  /** What differs from the last apply: field names, and `rates (+a ~c -r)`. */
  changes: string[];
}

export interface StatusReport {
  lastRun: { commit: string | null; status: string; startedAt: string; finishedAt: string | null; trigger: string; error: string | null } | null;
  plans: PlanStatus[];
  drift: Array<{ kind: string; key: string; fields: string[] }>;
}

export interface StatusOptions {
  /** Write the drift found into customer_rating_plans.uncommitted_changes (default); false: read only. */
  mark: boolean;
}

export async function readStatus(db: Driver, opts: StatusOptions = { mark: true }): Promise<StatusReport> {
  const drift = await detectDrift(db);
  if (opts.mark) await markDrift(db, drift);
  const run = await lastRun(db);
  // A managed plan is known by the key it was applied under, which a rename in the database does not change.
  const rows = (await db.query<{ name: string; short_code: string | null; uncommitted_changes: boolean; assigned: boolean; managed_key: string | null }>(
    `SELECT p.name, p.short_code, p.uncommitted_changes, p.assigned,
            (SELECT m.key FROM didsync.managed m WHERE m.kind = 'RatingPlan' AND m.row_id = p.id) AS managed_key
       FROM customer_rating_plans p ORDER BY p.name, p.id`,
  )).rows;
  const planDrift = new Map(drift.filter((d) => d.kind === 'RatingPlan').map((d) => [d.key, d]));
  const plans = rows.map((r): PlanStatus => {
    const managed = r.managed_key !== null;
    const d = planDrift.get(r.managed_key ?? r.name);
    return {
      name: r.name, shortCode: r.short_code, managed,
      syncState: !managed ? 'unmanaged' : d ? 'uncommitted' : 'synced',
      // Read only, a managed plan's flag is reported as marking would set it.
      uncommittedChanges: managed && !opts.mark ? d !== undefined : r.uncommitted_changes,
      assigned: r.assigned,
      changes: d ? describe(d) : [],
    };
  });
  return {
    lastRun: run && {
      commit: run.commit, status: run.status, startedAt: run.startedAt, finishedAt: run.finishedAt, trigger: run.trigger, error: run.error,
    },
    plans,
    drift: drift.filter((d) => d.kind !== 'RatingPlan').map((d) => ({ kind: d.kind, key: d.key, fields: d.fields })),
  };
}

function describe(d: Drift): string[] {
  const out = [...d.fields];
  if (d.rates && d.rateCounts) out.push(`rates (+${d.rateCounts.added} ~${d.rateCounts.changed} -${d.rateCounts.removed})`);
  else if (d.rates) out.push('rates');
  return out;
}
