// Plans compared as apply uses them: a plan's rate writes are set-based
// (src/reconcile/write-rates.ts), so the order of its ops is not the plan's,
// and it differs with how the live rows were read (from the database in key
// order, or from the deck applied last in its own order).

import type { Plan } from '../../src/reconcile/plan.js';
import type { RateRows } from '../../src/reconcile/state.js';

const RATE_FIELDS = ['prefix', 'effectiveDate', 'destination', 'rate', 'connectionFee', 'initialInterval', 'recurringInterval', 'endDate'] as const;

/** Rows from..to-1 as sorted lines of their fields. */
export function rowLines(r: RateRows, from = 0, to = r.prefix.length): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(RATE_FIELDS.map((f) => r[f][i] ?? '').join('|'));
  return out.sort();
}

/** Each plan's rate ops as sets: the rows added, the rows changed, the keys removed. */
export function canonicalRateOps(rateOps: Plan['rateOps']): Record<string, { added: string[]; changed: string[]; removed: string[] }> {
  return Object.fromEntries(Object.entries(rateOps).map(([key, o]) => [key, {
    added: rowLines(o.upsert, 0, o.added ?? 0),
    changed: rowLines(o.upsert, o.added ?? 0),
    removed: o.remove.prefix.map((p, i) => `${p}|${o.remove.effectiveDate[i] ?? ''}`).sort(),
  }]));
}
