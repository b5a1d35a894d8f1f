// What the database itself tells didsync about writes it did not make, so a
// plan need not read every row to learn that nothing changed (src/reconcile/
// known-state.ts reads these):
//
//  - didsync.changes: one row per statement that wrote a column didsync
//    reads in a table it reads (a DIDTron UI edit, a script, a restore),
//    from statement-level triggers. A balance or spend counter updated on
//    every call writes no column didsync reads, so it logs nothing. An apply
//    deletes the rows it has seen once the database equals git again.
//  - didsync.rate_prints: each rating plan's rate fingerprint (row count and
//    the sum of a 64-bit hash of each row, the definition of
//    src/reconcile/fingerprint.ts), kept by triggers on every write to the
//    rates table, didsync's own included, at a cost in proportion to the
//    rows written. A TRUNCATE empties it, as it empties the rates.
//
// The trigger functions run as their owner (SECURITY DEFINER), so DIDTron's
// own roles need no grant on didsync's schema, and fire also under
// session_replication_role = replica (ENABLE ALWAYS). A table owner can still
// disable them by hand: `didsync plan --full-comparison` never trusts them.
// This module only describes the SQL; src/db/init.ts creates what is missing.

import { ident } from '../model/columns.js';
import { APPLY_ORDER, kindSpec } from '../model/kinds.js';
import { columnFields, nestedFields } from '../model/schemas.js';
import { DIDSYNC_SCHEMA, RATES_TABLE } from './ddl.js';

/** Names of the triggers and functions didsync owns, for init's "is it there" checks. */
export const CHANGE_TRIGGER = 'didsync_note_change';
export const RATE_TRIGGERS = ['didsync_rates_inserted', 'didsync_rates_updated', 'didsync_rates_deleted', 'didsync_rates_truncated'] as const;

/** The row text whose hashes make a fingerprint; fingerprint.ts scans with the same expression. */
export const RATE_ROW_TEXT = `format('%L|%L|%L|%L|%L|%L|%L|%L', prefix, effective_date, destination, rate, connection_fee, initial_interval, recurring_interval, end_date)`;

/** Each table didsync reads live state from, with the columns it reads there. */
export function watchedTables(): Array<{ table: string; columns: string[] }> {
  const out: Array<{ table: string; columns: string[] }> = [{ table: 'currencies', columns: ['id', 'code'] }];
  for (const kind of APPLY_ORDER) {
    const spec = kindSpec(kind);
    if (spec.table === undefined) continue;
    out.push({ table: spec.table, columns: ['id', ...columnFields(kind).map((f) => f.column), ...spec.references.map((r) => r.column)] });
    for (const part of spec.nested) {
      out.push({
        table: part.table,
        columns: ['id', part.parentColumn, ...nestedFields(kind, part.field).map((f) => f.column), ...(part.orderColumn ? [part.orderColumn] : [])],
      });
    }
  }
  return out;
}

const S = ident(DIDSYNC_SCHEMA);

/** The trigger functions (CREATE OR REPLACE: running them again changes nothing). */
export function watcherFunctionsSql(): string[] {
  const definer = 'LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp';
  const add = (rows: string, sign: '' | '-') => `
    INSERT INTO ${S}.rate_prints AS p (rating_plan_id, n, h)
      SELECT rating_plan_id, ${sign}count(*), ${sign}sum(hashtextextended(${RATE_ROW_TEXT}, 0)) FROM ${rows} GROUP BY rating_plan_id
    ON CONFLICT (rating_plan_id) DO UPDATE SET n = p.n + EXCLUDED.n, h = p.h + EXCLUDED.h;`;
  return [
    `CREATE OR REPLACE FUNCTION ${S}.note_change() RETURNS trigger ${definer} AS $$
BEGIN
  INSERT INTO ${S}.changes (table_name) VALUES (TG_TABLE_NAME);
  RETURN NULL;
END $$`,
    `CREATE OR REPLACE FUNCTION ${S}.rates_inserted() RETURNS trigger ${definer} AS $$
BEGIN${add('new_rows', '')}
  RETURN NULL;
END $$`,
    `CREATE OR REPLACE FUNCTION ${S}.rates_deleted() RETURNS trigger ${definer} AS $$
BEGIN${add('old_rows', '-')}
  RETURN NULL;
END $$`,
    `CREATE OR REPLACE FUNCTION ${S}.rates_updated() RETURNS trigger ${definer} AS $$
BEGIN${add('old_rows', '-')}${add('new_rows', '')}
  RETURN NULL;
END $$`,
    `CREATE OR REPLACE FUNCTION ${S}.rates_truncated() RETURNS trigger ${definer} AS $$
BEGIN
  DELETE FROM ${S}.rate_prints;
  RETURN NULL;
END $$`,
  ];
}

/** The statements creating the change trigger of one watched table. */
export function changeTriggerSql(t: { table: string; columns: string[] }): string[] {
  const table = ident(t.table);
  return [
    `CREATE TRIGGER ${CHANGE_TRIGGER} AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF ${t.columns.map(ident).join(', ')}
       ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${S}.note_change()`,
    `ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${CHANGE_TRIGGER}`,
  ];
}

/**
 * The statements creating the rate triggers, then filling rate_prints from
 * the rows already there (init runs them in one transaction, and creating a
 * trigger holds off writers until it commits).
 */
export function rateTriggersSql(): string[] {
  const table = ident(RATES_TABLE);
  const [inserted, updated, deleted, truncated] = RATE_TRIGGERS;
  return [
    ...RATE_TRIGGERS.map((name) => `DROP TRIGGER IF EXISTS ${name} ON ${table}`),
    `CREATE TRIGGER ${inserted} AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${S}.rates_inserted()`,
    `CREATE TRIGGER ${updated} AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${S}.rates_updated()`,
    `CREATE TRIGGER ${deleted} AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${S}.rates_deleted()`,
    `CREATE TRIGGER ${truncated} AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION ${S}.rates_truncated()`,
    ...RATE_TRIGGERS.map((name) => `ALTER TABLE ${table} ENABLE ALWAYS TRIGGER ${name}`),
    `DELETE FROM ${S}.rate_prints`,
    `INSERT INTO ${S}.rate_prints (rating_plan_id, n, h)
       SELECT rating_plan_id, count(*), sum(hashtextextended(${RATE_ROW_TEXT}, 0)) FROM ${table} GROUP BY rating_plan_id`,
  ];
}
