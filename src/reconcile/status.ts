// The status report (CONTRACT §4): the last run, every rating plan with its
// uncommitted changes, and drift of the other managed objects. Shared by
// `didsync status` and the daemon's GET /status. Marks drift (CONTRACT §5).

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

export async function readStatus(db: Driver): Promise<StatusReport> {
  const drift = await detectDrift(db);
  await markDrift(db, drift);
  const run = await lastRun(db);
  const rows = (await db.query<{ name: string; short_code: string | null; uncommitted_changes: boolean; assigned: boolean; managed: boolean }>(
    `SELECT p.name, p.short_code, p.uncommitted_changes, p.assigned,
            EXISTS (SELECT 1 FROM didsync.managed m WHERE m.kind = 'RatingPlan' AND m.row_id = p.id) AS managed
       FROM customer_rating_plans p ORDER BY p.name, p.id`,
  )).rows;
  const planDrift = new Map(drift.filter((d) => d.kind === 'RatingPlan').map((d) => [d.key, d]));
  const plans = rows.map((r): PlanStatus => {
    const d = planDrift.get(r.name);
    return {
      name: r.name, shortCode: r.short_code, managed: r.managed,
      syncState: !r.managed ? 'unmanaged' : d ? 'uncommitted' : 'synced',
      uncommittedChanges: r.uncommitted_changes, assigned: r.assigned,
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
