// Keeps customer_rating_plans.uncommitted_changes equal to "the plan's row or
// rates differ from what didsync last applied" (CONTRACT §5), wherever drift
// is computed (plan, status, the daemon's drift check). A read-only role
// cannot write the flag: that is not an error, the drift is still reported.

import type { Driver } from '../drivers/driver.js';
import type { Drift } from './diff.js';
import { readLive } from './live.js';
import { readWatermark } from './config-records.js';
import { diff } from './diff.js';
import type { DesiredModel } from './desired.js';

/** Set or clear the flag of every managed plan; returns false when the role may not write. */
export async function markDrift(db: Driver, drift: readonly Drift[]): Promise<boolean> {
  const drifted = drift.filter((d) => d.kind === 'RatingPlan').map((d) => d.key);
  try {
    await db.transaction(async (tx) => {
      await tx.query(
        `UPDATE customer_rating_plans p SET uncommitted_changes = (m.key = ANY($1::text[]))
           FROM didsync.managed m
          WHERE m.kind = 'RatingPlan' AND m.row_id = p.id AND p.uncommitted_changes IS DISTINCT FROM (m.key = ANY($1::text[]))`,
        [drifted],
      );
    });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === '42501' || /permission denied|read-only/i.test(String((e as Error).message))) return false;
    throw e;
  }
}

const NO_DESIRED: DesiredModel = { objects: new Map(), rates: new Map(), origins: new Map() };

/** Drift of every managed object, live versus last applied; no config needed. */
export async function detectDrift(db: Driver): Promise<Drift[]> {
  // Nothing written by others since the last apply settled, every plan's rates as applied: no drift, and nothing to read.
  if ((await readWatermark(db)).clean) return [];
  // Plans whose live rates still have the fingerprint of their last apply have not drifted: their rows are not read.
  const { live, applied } = await readLive(db, { rates: new Set(), skipUnchanged: {} });
  return diff(NO_DESIRED, live, applied, { prune: false }).drift;
}
