// The safety guards judged again at apply time, inside the apply's
// transaction, on the plan as it will be executed and the database as it is
// then, with the apply's own date. A plan saved on Monday and applied on
// Thursday is judged on Thursday; a plan file whose guard list was edited
// away is judged all the same. The live rows a rate change is judged
// against (those of its prefixes and of every shorter prefix of them) are
// the ones the plan read when the plan was made in this process and its
// digest of them still holds; a plan from a file has them read again.
// Reads only.

import type { Queryable } from '../drivers/driver.js';
import type { KindName } from '../model/kinds.js';
import { evaluateGuards, type GuardOutcome, type GuardSettings } from './guards.js';
import { readRatesOfPrefixes } from './live.js';
import { changedPrefixes, coveringPrefixes, type RemovedKeys } from './rate-increases.js';
import type { Plan } from './plan.js';
import type { LiveObject, LiveState, RateRows } from './state.js';
import { ownValue } from '../model/data-object.js';

export async function guardsAtApply(
  db: Queryable, plan: Plan, live: LiveState, settings: GuardSettings, today: string,
): Promise<GuardOutcome> {
  const managed = new Map<KindName, number>();
  const counts = await db.query<{ kind: KindName; n: string }>('SELECT kind, count(*)::text AS n FROM didsync.managed GROUP BY kind');
  for (const r of counts.rows) managed.set(r.kind, Number(r.n));
  const carriers = new Map<string, LiveObject>();
  for (const list of live.objects.values()) for (const o of list) if (o.kind === 'Carrier') carriers.set(o.rowId, o);
  const writes: Array<{ plan: string; planRowId: string; written: RateRows; removed: RemovedKeys }> = [];
  for (const c of plan.changes) {
    const ops = ownValue(plan.rateOps, c.key);
    // A plan created now has no live rates to go up from.
    if (c.kind !== 'RatingPlan' || c.action === 'delete' || !c.rowId || !ops) continue;
    if (ops.upsert.prefix.length === 0 && ops.remove.prefix.length === 0) continue;
    writes.push({ plan: c.key, planRowId: c.rowId, written: ops.upsert, removed: ops.remove });
  }
  // What the plan read of the live rates, where the digest of them it was made against is one the
  // caller found unchanged; else read now (a plan from a file never carries it).
  const known = writes.map((w) => {
    const ref = ownValue(plan.rateReference, w.plan);
    return ref && Object.hasOwn(plan.database.digests, ref.digest) ? ref : undefined;
  });
  const toRead = writes.filter((_, i) => !known[i]);
  const liveRates = await readRatesOfPrefixes(db, toRead.map((w) => ({
    planRowId: w.planRowId, prefixes: [...coveringPrefixes(changedPrefixes(w.written, w.removed))],
  })));
  const rates = writes.map((w, i) => ({ plan: w.plan, written: w.written, removed: w.removed, live: known[i]?.live ?? liveRates.get(w.planRowId)! }));
  // How many rates each plan that deletes some has now, for the share it deletes.
  const toCount = writes.filter((w, i) => w.removed.prefix.length > 0 && !known[i]);
  const counted = toCount.length === 0 ? [] : (await db.query<{ id: string; n: string }>(
    `SELECT rating_plan_id AS id, count(*)::text AS n FROM customer_rating_plan_rates
      WHERE rating_plan_id = ANY($1::varchar[]) GROUP BY rating_plan_id`,
    [toCount.map((w) => w.planRowId)],
  )).rows;
  const liveCount = new Map(counted.map((r) => [r.id, Number(r.n)]));
  const rateDeletes = writes.flatMap((w, i) => (w.removed.prefix.length === 0 ? [] : [{
    plan: w.plan, removed: w.removed.prefix.length, live: known[i]?.count ?? liveCount.get(w.planRowId) ?? 0,
  }]));
  return evaluateGuards({
    deletes: plan.changes.filter((c) => c.action === 'delete').map((c) => ({ kind: c.kind, key: c.key, rowId: c.rowId ?? null })),
    managed, liveCarrier: (id) => carriers.get(id), rates, rateDeletes,
  }, settings, today);
}
