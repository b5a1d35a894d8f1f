// `db init`: brings a database up to the schema of ddl.ts by creating what
// is missing (enum types, DIDTron's tables, didsync's own schema) and
// filling an empty `currencies` table from ISO 4217. On an existing DIDTron
// database it only adds; it never alters or drops a table or type that is
// already there, whatever its shape: to DIDTron's tables it adds only the
// statement triggers of watchers.ts, which change none of their rows. Everything happens in one transaction
// so a failure leaves the database as it was.

import type { Driver, Queryable } from '../drivers/driver.js';
import { ident } from '../model/columns.js';
import {
  DIDSYNC_SCHEMA, ENUM_TYPES, RATES_TABLE, SCHEMA_VERSION,
  createEnumSql, createSchemaSql, createTableSql, quotedTableName, tableDefs, tableName,
} from './ddl.js';
import { ISO_4217 } from './iso4217.js';
import { CHANGE_TRIGGER, RATE_TRIGGERS, changeTriggerSql, rateTriggersSql, watchedTables, watcherFunctionsSql } from './watchers.js';

/**
 * Serialises concurrent inits (two daemons starting on one database): the
 * second waits, then finds everything created. The number is arbitrary but
 * fixed; it must differ from the key of the daemon's apply lock.
 */
const INIT_LOCK_KEY = '7240163370871452001';

/**
 * `created` names what was made; `fresh` says didsync's schema was among it
 * (a new database), where without it the database was one an earlier
 * version made, brought up to date.
 */
export async function initDatabase(db: Driver): Promise<{ created: string[]; fresh: boolean }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [INIT_LOCK_KEY]);
    const created: string[] = [];

    const types = await existingTypes(tx);
    for (const e of ENUM_TYPES) {
      if (types.has(e.name)) continue;
      await tx.exec(createEnumSql(e));
      created.push(`type ${e.name}`);
    }
    const fresh = !(await schemaExists(tx));
    if (fresh) {
      await tx.exec(createSchemaSql());
      created.push(`schema ${DIDSYNC_SCHEMA}`);
    }
    const tables = await existingTables(tx);
    for (const t of tableDefs()) {
      if (tables.has(tableName(t))) continue;
      await tx.exec(createTableSql(t));
      for (const sql of t.after ?? []) await tx.exec(sql);
      created.push(`table ${tableName(t)}`);
    }
    created.push(...await createWatchers(tx));

    // Version 1 kept a copy of every applied rate row; applied_decks replaces it.
    if ((await tx.query(`SELECT to_regclass('${DIDSYNC_SCHEMA}.applied_rates') IS NOT NULL AS old`)).rows[0]?.old === true) {
      await tx.exec(`DROP TABLE ${ident(DIDSYNC_SCHEMA)}.applied_rates`);
      created.push('dropped didsync.applied_rates (replaced by didsync.applied_decks)');
    }
    await tx.query(
      `INSERT INTO ${ident(DIDSYNC_SCHEMA)}.meta AS m (key, value) VALUES ('schema_version', $1)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value WHERE m.value::int < EXCLUDED.value::int`,
      [String(SCHEMA_VERSION)],
    );
    const filled = await fillCurrencies(tx);
    if (filled > 0) created.push(`${filled} currencies (ISO 4217)`);
    // What init itself wrote is not a change made outside didsync.
    await tx.query(`DELETE FROM ${ident(DIDSYNC_SCHEMA)}.changes WHERE txid = pg_current_xact_id()`);
    return { created, fresh };
  });
}

/**
 * True when didsync's own schema and all its tables exist. Init creates them
 * last, in the same transaction as everything else, so their presence means
 * a completed init.
 */
export async function schemaReady(db: Queryable): Promise<boolean> {
  if (!(await schemaExists(db))) return false;
  const tables = await existingTables(db);
  if (!tableDefs().filter((t) => t.schema === DIDSYNC_SCHEMA).every((t) => tables.has(tableName(t)))) return false;
  return (await missingWatchers(db)).length === 0;
}

/**
 * The triggers of watchers.ts on every watched table that lacks them (a
 * table DIDTron already had gets them too: they change no row of it). The
 * functions are replaced every time, so an upgrade brings their new body.
 */
async function createWatchers(db: Queryable): Promise<string[]> {
  const missing = await missingWatchers(db);
  if (missing.length === 0) return [];
  for (const sql of watcherFunctionsSql()) await db.exec(sql);
  const created: string[] = [];
  const watched = watchedTables().filter((t) => missing.includes(t.table));
  for (const t of watched) {
    // A table DIDTron made may lack a column didsync reads; the trigger watches those it has.
    const columns = await existingColumns(db, t.table);
    for (const sql of changeTriggerSql({ table: t.table, columns: t.columns.filter((c) => columns.has(c)) })) await db.exec(sql);
  }
  if (watched.length > 0) created.push(`change triggers on ${watched.length} table(s)`);
  // Records older than the triggers cannot vouch that nothing was written since: the next plan reads everything.
  if ((await db.query('SELECT 1 FROM didsync.managed LIMIT 1')).rows.length > 0) {
    await db.query("INSERT INTO didsync.changes (table_name, txid) VALUES ('(writes before didsync watched them)', '0')");
  }
  if (missing.includes(RATES_TABLE)) {
    for (const sql of rateTriggersSql()) await db.exec(sql);
    created.push(`rate fingerprint triggers on ${RATES_TABLE}`);
  }
  return created;
}

async function existingColumns(db: Queryable, table: string): Promise<Set<string>> {
  const res = await db.query<{ name: string }>(
    'SELECT attname AS name FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped', [ident(table)],
  );
  return new Set(res.rows.map((r) => r.name));
}

/** Watched tables without their trigger(s); the rates table is listed when any rate trigger is missing. */
async function missingWatchers(db: Queryable): Promise<string[]> {
  const res = await db.query<{ table_name: string; trigger: string }>(
    `SELECT c.relname AS table_name, t.tgname AS trigger
       FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
      WHERE t.tgname LIKE 'didsync\\_%' AND c.relnamespace = to_regnamespace(current_schema())`,
  );
  const have = new Set(res.rows.map((r) => `${r.table_name}\u0000${r.trigger}`));
  const missing = watchedTables().filter((t) => !have.has(`${t.table}\u0000${CHANGE_TRIGGER}`)).map((t) => t.table);
  if (RATE_TRIGGERS.some((name) => !have.has(`${RATES_TABLE}\u0000${name}`))) missing.push(RATES_TABLE);
  return missing;
}

/** Names of the schema's tables that exist (resolved like the engine's queries: through search_path). */
async function existingTables(db: Queryable): Promise<Set<string>> {
  const defs = tableDefs();
  const res = await db.query<{ name: string }>(
    'SELECT d.name FROM unnest($1::text[], $2::text[]) AS d(name, quoted) WHERE to_regclass(d.quoted) IS NOT NULL',
    [defs.map(tableName), defs.map(quotedTableName)],
  );
  return new Set(res.rows.map((r) => r.name));
}

async function existingTypes(db: Queryable): Promise<Set<string>> {
  const res = await db.query<{ name: string }>(
    'SELECT d.name FROM unnest($1::text[]) AS d(name) WHERE to_regtype(quote_ident(d.name)) IS NOT NULL',
    [ENUM_TYPES.map((e) => e.name)],
  );
  return new Set(res.rows.map((r) => r.name));
}

async function schemaExists(db: Queryable): Promise<boolean> {
  const res = await db.query('SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1', [DIDSYNC_SCHEMA]);
  return res.rows.length > 0;
}

/** Fill `currencies` from ISO 4217 when it has no rows; a table someone already filled is theirs. */
async function fillCurrencies(db: Queryable): Promise<number> {
  const res = await db.query('SELECT 1 FROM currencies LIMIT 1');
  if (res.rows.length > 0) return 0;
  const inserted = await db.query(
    'INSERT INTO currencies (code, name) SELECT * FROM unnest($1::text[], $2::text[])',
    [[...ISO_4217.keys()], [...ISO_4217.values()]],
  );
  return inserted.affected;
}
