// Writes rate rows set-based: one DELETE of the removed and changed keys,
// then one bulk COPY of the new and changed rows. Never a statement per
// rate. What was applied is recorded apart (applied-decks.ts, and the
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

/** Apply one plan's rate ops to `table`. */
export async function writeRates(db: Queryable, table: string, planRowId: string, ops: RateOps): Promise<void> {
  // Rows whose key is new need no delete: a first apply of a million rates probes the index a million times less.
  const added = ops.added ?? 0;
  const delPrefix = [...ops.remove.prefix, ...ops.upsert.prefix.slice(added)];
  const delDate = [...ops.remove.effectiveDate, ...ops.upsert.effectiveDate.slice(added)];
  if (delPrefix.length > 0) {
    await db.query(
      `DELETE FROM ${table} AS r USING unnest($2::text[], $3::date[]) AS d(prefix, effective_date)
        WHERE r.rating_plan_id = $1 AND r.prefix = d.prefix AND r.effective_date IS NOT DISTINCT FROM d.effective_date`,
      [planRowId, delPrefix, delDate],
    );
  }
  if (ops.upsert.prefix.length > 0) await copyRates(db, table, planRowId, ops.upsert);
}

export async function deletePlanRates(db: Queryable, table: string, planRowId: string): Promise<void> {
  await db.query(`DELETE FROM ${table} WHERE rating_plan_id = $1`, [planRowId]);
}

async function copyRates(db: Queryable, table: string, planRowId: string, rows: RateRows): Promise<void> {
  await db.copyFrom(table, COLUMNS, csvChunks(planRowId, rows));
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
