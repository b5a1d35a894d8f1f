// Writes rate rows set-based: one DELETE of the removed and changed keys,
// then one bulk COPY of the new and changed rows, for all the plans an apply
// writes. Never a statement per rate, nor per plan. What was applied is recorded apart (applied-decks.ts, and the
// fingerprints the database keeps: src/db/watchers.ts).

import type { Queryable } from '../drivers/driver.js';
import type { RateOps } from './plan.js';
import type { RateRows } from './state.js';

export const RATES_TABLE = 'customer_rating_plan_rates';
const COLUMNS = [
  'rating_plan_id', 'prefix', 'destination', 'rate', 'connection_fee',
  'initial_interval', 'recurring_interval', 'effective_date', 'end_date',
] as const;
const ROWS_PER_CHUNK = 5_000;

/**
 * Apply the rate ops of several plans (rating plan row id -> ops) to `table`:
 * one DELETE of every removed and changed key, then one COPY of every new
 * and changed row, whatever the number of plans.
 */
export async function writeRates(db: Queryable, table: string, plans: ReadonlyArray<{ planRowId: string; ops: RateOps }>): Promise<void> {
  const delPlan: string[] = [];
  const delPrefix: string[] = [];
  const delDate: (string | null)[] = [];
  for (const { planRowId, ops } of plans) {
    // Rows whose key is new need no delete: a first apply of a million rates probes the index a million times less.
    const keys = [
      [ops.remove.prefix, ops.remove.effectiveDate, 0],
      [ops.upsert.prefix, ops.upsert.effectiveDate, ops.added ?? 0],
    ] as const;
    // No push(...spread): a plan may change a million keys, past the engine's limit on arguments.
    for (const [prefix, date, from] of keys) {
      for (let i = from; i < prefix.length; i++) {
        delPlan.push(planRowId);
        delPrefix.push(prefix[i]);
        delDate.push(date[i]);
      }
    }
  }
  if (delPrefix.length > 0) {
    await db.query(
      `DELETE FROM ${table} AS r USING unnest($1::varchar[], $2::text[], $3::date[]) AS d(rating_plan_id, prefix, effective_date)
        WHERE r.rating_plan_id = d.rating_plan_id AND r.prefix = d.prefix AND r.effective_date IS NOT DISTINCT FROM d.effective_date`,
      [delPlan, delPrefix, delDate],
    );
  }
  const upserts = plans.filter((p) => p.ops.upsert.prefix.length > 0);
  if (upserts.length > 0) await db.copyFrom(table, COLUMNS, (function* () {
    for (const { planRowId, ops } of upserts) yield* csvChunks(planRowId, ops.upsert);
  })());
}

export async function deletePlanRates(db: Queryable, table: string, planRowId: string): Promise<void> {
  await db.query(`DELETE FROM ${table} WHERE rating_plan_id = $1`, [planRowId]);
}

/** CSV text of the rows, ROWS_PER_CHUNK rows per chunk. */
export function* csvChunks(planRowId: string, rows: RateRows): Generator<string> {
  const id = csvField(planRowId);
  let chunk = '';
  for (let i = 0; i < rows.prefix.length; i++) {
    chunk += `${id},${rows.prefix[i]},${csvField(rows.destination[i])},${rows.rate[i]},${rows.connectionFee[i] ?? ''},` +
      `${rows.initialInterval[i] ?? ''},${rows.recurringInterval[i] ?? ''},${rows.effectiveDate[i] ?? ''},${rows.endDate[i] ?? ''}\n`;
    if ((i + 1) % ROWS_PER_CHUNK === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Quote a text field for CSV COPY; an empty unquoted field is NULL, so quote empties too. */
function csvField(text: string): string {
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}
