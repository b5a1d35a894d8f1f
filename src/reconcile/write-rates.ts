// Writes rate rows set-based, for all the plans an apply writes: DELETE of
// the removed keys, UPDATE of the rows whose key stays and whose values
// change (so a changed rate keeps its row id), each up to 100,000 keys per
// statement, then one bulk COPY of the rows with new keys. Never a statement
// per rate, nor per plan. What was applied is recorded apart
// (applied-decks.ts, and the fingerprints the database keeps:
// src/db/watchers.ts).

import type { Queryable } from '../drivers/driver.js';
import { StalePlanError } from '../report/errors.js';
import type { RateOps } from './plan.js';
import { OrderedIds } from './row-ids.js';
import type { RateRows } from './state.js';

export const RATES_TABLE = 'customer_rating_plan_rates';
const COLUMNS = [
  'id', 'rating_plan_id', 'prefix', 'destination', 'rate', 'connection_fee',
  'initial_interval', 'recurring_interval', 'effective_date', 'end_date',
] as const;
const ROWS_PER_CHUNK = 5_000;

/**
 * Apply the rate ops of several plans (rating plan row id -> ops) to `table`.
 * A plan's ops made without the count of added rows (an older saved plan)
 * delete and insert every row they write. Throws StalePlanError, so that
 * the transaction rolls back (and the daemon plans again), when a row to
 * change is not there: the plan no longer describes the database.
 */
export async function writeRates(
  db: Queryable, table: string, plans: ReadonlyArray<{ planRowId: string; ops: RateOps }>, keysPerStatement = KEYS_PER_STATEMENT,
): Promise<void> {
  const del = new KeyColumns();
  const changed = new ChangedRows();
  const inserts: Array<{ planRowId: string; rows: RateRows; to: number }> = [];
  for (const { planRowId, ops } of plans) {
    const rows = ops.upsert;
    for (let i = 0; i < ops.remove.prefix.length; i++) del.push(planRowId, ops.remove.prefix[i], ops.remove.effectiveDate[i]);
    // Old-style ops delete every key they write; the deletes all go before the bulk load.
    if (ops.added === undefined) for (let i = 0; i < rows.prefix.length; i++) del.push(planRowId, rows.prefix[i], rows.effectiveDate[i]);
    else for (let i = ops.added; i < rows.prefix.length; i++) changed.push(planRowId, rows, i);
    if (rows.prefix.length > 0) inserts.push({ planRowId, rows, to: ops.added ?? rows.prefix.length });
  }
  for (let from = 0; from < del.prefix.length; from += keysPerStatement) {
    const part = (col: unknown[]) => col.slice(from, from + keysPerStatement);
    await db.query(
      `DELETE FROM ${table} AS r USING unnest($1::varchar[], $2::text[], $3::date[]) AS d(rating_plan_id, prefix, effective_date)
        WHERE r.rating_plan_id = d.rating_plan_id AND r.prefix = d.prefix AND r.effective_date IS NOT DISTINCT FROM d.effective_date`,
      [del.plan, del.prefix, del.date].map(part),
    );
  }
  const c = changed;
  for (let from = 0; from < c.keys.prefix.length; from += keysPerStatement) {
    const part = (col: unknown[]) => col.slice(from, from + keysPerStatement);
    const params = [c.keys.plan, c.keys.prefix, c.keys.date, c.destination, c.rate, c.connectionFee, c.initialInterval, c.recurringInterval, c.endDate].map(part);
    const done = await db.query(
      `UPDATE ${table} AS r SET destination = d.destination, rate = d.rate, connection_fee = d.connection_fee,
              initial_interval = d.initial_interval, recurring_interval = d.recurring_interval, end_date = d.end_date
         FROM unnest($1::varchar[], $2::text[], $3::date[], $4::text[], $5::numeric[], $6::numeric[], $7::integer[], $8::integer[], $9::date[])
           AS d(rating_plan_id, prefix, effective_date, destination, rate, connection_fee, initial_interval, recurring_interval, end_date)
        WHERE r.rating_plan_id = d.rating_plan_id AND r.prefix = d.prefix AND r.effective_date IS NOT DISTINCT FROM d.effective_date`,
      params,
    );
    const missing = params[0].length - done.affected;
    if (missing !== 0) {
      throw new StalePlanError(`refused: the database changed since the plan was made (${missing} of the rates to change are no longer in ${table}); make a new plan`);
    }
  }
  if (inserts.some((x) => x.to > 0)) {
    const ids = new OrderedIds();
    await db.copyFrom(table, COLUMNS, (function* () {
      for (const { planRowId, rows, to } of inserts) yield* csvChunks(planRowId, rows, to, ids);
    })());
  }
}

/**
 * Keys per DELETE or UPDATE: a change of a few thousand rates is one
 * statement, and a deck repriced in full does not send arrays of a million
 * values at once.
 */
const KEYS_PER_STATEMENT = 100_000;

/** Rate keys as parallel columns, for unnest. */
class KeyColumns {
  readonly plan: string[] = [];
  readonly prefix: string[] = [];
  readonly date: (string | null)[] = [];
  push(planRowId: string, prefix: string, date: string | null): void {
    this.plan.push(planRowId);
    this.prefix.push(prefix);
    this.date.push(date);
  }
}

/** Rows to change in place: their keys, and the values they take. */
class ChangedRows {
  readonly keys = new KeyColumns();
  readonly destination: string[] = [];
  readonly rate: string[] = [];
  readonly connectionFee: (string | null)[] = [];
  readonly initialInterval: (number | null)[] = [];
  readonly recurringInterval: (number | null)[] = [];
  readonly endDate: (string | null)[] = [];
  push(planRowId: string, rows: RateRows, i: number): void {
    this.keys.push(planRowId, rows.prefix[i], rows.effectiveDate[i]);
    this.destination.push(rows.destination[i]);
    this.rate.push(rows.rate[i]);
    this.connectionFee.push(rows.connectionFee[i]);
    this.initialInterval.push(rows.initialInterval[i]);
    this.recurringInterval.push(rows.recurringInterval[i]);
    this.endDate.push(rows.endDate[i]);
  }
}

export async function deletePlanRates(db: Queryable, table: string, planRowId: string): Promise<void> {
  await db.query(`DELETE FROM ${table} WHERE rating_plan_id = $1`, [planRowId]);
}

/** CSV text of the rows before `to`, each with the next of `ids`, ROWS_PER_CHUNK rows per chunk. */
function* csvChunks(planRowId: string, rows: RateRows, to: number, ids: OrderedIds): Generator<string> {
  const plan = csvField(planRowId);
  let chunk = '';
  for (let i = 0; i < to; i++) {
    chunk += `${ids.next()},${plan},${rows.prefix[i]},${csvField(rows.destination[i])},${rows.rate[i]},${rows.connectionFee[i] ?? ''},` +
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
