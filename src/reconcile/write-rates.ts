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
  const inserts: Array<{ planRowId: string; rows: RateRows; to: number }> = [];
  for (const { planRowId, ops } of plans) {
    const rows = ops.upsert;
    if (rows.prefix.length > 0) inserts.push({ planRowId, rows, to: ops.added ?? rows.prefix.length });
  }
  // Keys and values go out a statement's worth at a time, gathered as they go: a plan repricing a
  // million rates held them all at once, 72 MB more than it needed.
  for (const del of deletedKeys(plans, keysPerStatement)) {
    await db.query(
      `DELETE FROM ${table} AS r USING unnest($1::varchar[], $2::text[], $3::date[]) AS d(rating_plan_id, prefix, effective_date)
        WHERE r.rating_plan_id = d.rating_plan_id AND r.prefix = d.prefix AND r.effective_date IS NOT DISTINCT FROM d.effective_date`,
      [del.plan, del.prefix, del.date],
    );
  }
  for (const c of changedRows(plans, keysPerStatement)) {
    const params = [c.keys.plan, c.keys.prefix, c.keys.date, c.destination, c.rate, c.connectionFee, c.initialInterval, c.recurringInterval, c.endDate];
    const done = await db.query(
      `UPDATE ${table} AS r SET destination = d.destination, rate = d.rate, connection_fee = d.connection_fee,
              initial_interval = d.initial_interval, recurring_interval = d.recurring_interval, end_date = d.end_date
         FROM unnest($1::varchar[], $2::text[], $3::date[], $4::text[], $5::numeric[], $6::numeric[], $7::integer[], $8::integer[], $9::date[])
           AS d(rating_plan_id, prefix, effective_date, destination, rate, connection_fee, initial_interval, recurring_interval, end_date)
        WHERE r.rating_plan_id = d.rating_plan_id AND r.prefix = d.prefix AND r.effective_date IS NOT DISTINCT FROM d.effective_date`,
      params,
    );
    const missing = c.keys.prefix.length - done.affected;
    if (missing !== 0) {
      throw new StalePlanError(`refused: the database changed since the plan was made (${missing} of the rates to change are no longer in ${table}); make a new plan`);
    }
  }
  if (inserts.some((x) => x.to > 0)) {
    const ids = new OrderedIds();
    // In the order of the unique key (plan, prefix, effective date), as the ids are: both indexes
    // then take each row at their right edge (PostgreSQL keeps that page at hand) instead of a
    // page found by a descent through the tree.
    inserts.sort((a, b) => (a.planRowId < b.planRowId ? -1 : a.planRowId > b.planRowId ? 1 : 0));
    await db.copyFrom(table, COLUMNS, (function* () {
      for (const { planRowId, rows, to } of inserts) yield* csvChunks(planRowId, rows, keyOrder(rows, to), ids);
    })());
  }
}

/**
 * Indexes of the rows before `to` in the order of their key: prefix, then effective date with
 * none last (as the unique index orders them). The text order of prefixes (digits only) is their
 * order in any collation PostgreSQL has; were it not, only the speed would differ.
 */
function keyOrder(rows: Pick<RateRows, 'prefix' | 'effectiveDate'>, to: number): Uint32Array {
  const order = new Uint32Array(to);
  for (let i = 0; i < to; i++) order[i] = i;
  const { prefix, effectiveDate: date } = rows;
  const compare = (a: number, b: number): number => {
    if (prefix[a] !== prefix[b]) return prefix[a] < prefix[b] ? -1 : 1;
    const da = date[a];
    const db = date[b];
    if (da === db) return 0;
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  };
  let sorted = true;
  for (let i = 1; i < to && sorted; i++) sorted = compare(i - 1, i) <= 0;
  return sorted ? order : order.sort(compare);
}

/**
 * Keys per DELETE or UPDATE: a change of a few thousand rates is one
 * statement, and a deck repriced in full does not send arrays of a million
 * values at once.
 */
const KEYS_PER_STATEMENT = 100_000;

/**
 * The keys the plans' ops delete, at most `size` per part: those removed and,
 * in old-style ops, every key they write (deleted before the bulk load).
 */
function* deletedKeys(plans: ReadonlyArray<{ planRowId: string; ops: RateOps }>, size: number): Generator<KeyColumns> {
  let part = new KeyColumns();
  for (const { planRowId, ops } of plans) {
    const { remove, upsert } = ops;
    const n = remove.prefix.length + (ops.added === undefined ? upsert.prefix.length : 0);
    for (let k = 0; k < n; k++) {
      const i = k - remove.prefix.length;
      if (i < 0) part.push(planRowId, remove.prefix[k], remove.effectiveDate[k]);
      else part.push(planRowId, upsert.prefix[i], upsert.effectiveDate[i]);
      if (part.size === size) {
        yield part;
        part = new KeyColumns();
      }
    }
  }
  if (part.size > 0) yield part;
}

/** The rows the plans' ops change in place (those written after the added ones; none in old-style ops), at most `size` per part. */
function* changedRows(plans: ReadonlyArray<{ planRowId: string; ops: RateOps }>, size: number): Generator<ChangedRows> {
  let part = new ChangedRows();
  for (const { planRowId, ops } of plans) {
    if (ops.added === undefined) continue;
    for (let i = ops.added; i < ops.upsert.prefix.length; i++) {
      part.push(planRowId, ops.upsert, i);
      if (part.size === size) {
        yield part;
        part = new ChangedRows();
      }
    }
  }
  if (part.size > 0) yield part;
}

/** Rate keys as parallel columns, for unnest. */
class KeyColumns {
  readonly plan: string[] = [];
  readonly prefix: string[] = [];
  readonly date: (string | null)[] = [];
  get size(): number {
    return this.prefix.length;
  }
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
  get size(): number {
    return this.keys.prefix.length;
  }
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

/** CSV text of the rows `order` lists, in its order, each with the next of `ids`, ROWS_PER_CHUNK rows per chunk. */
function* csvChunks(planRowId: string, rows: RateRows, order: Uint32Array, ids: OrderedIds): Generator<string> {
  const plan = csvField(planRowId);
  let chunk = '';
  for (let n = 0; n < order.length; n++) {
    const i = order[n];
    chunk += `${ids.next()},${plan},${rows.prefix[i]},${csvField(rows.destination[i])},${rows.rate[i]},${rows.connectionFee[i] ?? ''},` +
      `${rows.initialInterval[i] ?? ''},${rows.recurringInterval[i] ?? ''},${rows.effectiveDate[i] ?? ''},${rows.endDate[i] ?? ''}\n`;
    if ((n + 1) % ROWS_PER_CHUNK === 0) {
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
