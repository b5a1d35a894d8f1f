// `db init`: brings a database up to the schema of ddl.ts by creating what
// is missing (enum types, DIDTron's tables, didsync's own schema) and
// filling an empty `currencies` table from ISO 4217. On an existing DIDTron
// database it only adds; it never alters or drops a table or type that is
// already there, whatever its shape. Everything happens in one transaction
// so a failure leaves the database as it was.

import type { Driver, Queryable } from '../drivers/driver.js';
import { ident } from '../model/columns.js';
import {
  DIDSYNC_SCHEMA, ENUM_TYPES, SCHEMA_VERSION,
  createEnumSql, createSchemaSql, createTableSql, quotedTableName, tableDefs, tableName,
} from './ddl.js';
import { ISO_4217 } from './iso4217.js';

/**
 * Serialises concurrent inits (two daemons starting on one database): the
 * second waits, then finds everything created. The number is arbitrary but
 * fixed; it must differ from the key of the daemon's apply lock.
 */
const INIT_LOCK_KEY = '7240163370871452001';

export async function initDatabase(db: Driver): Promise<{ created: string[] }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1::bigint)', [INIT_LOCK_KEY]);
    const created: string[] = [];

    const types = await existingTypes(tx);
    for (const e of ENUM_TYPES) {
      if (types.has(e.name)) continue;
      await tx.exec(createEnumSql(e));
      created.push(`type ${e.name}`);
    }
    if (!(await schemaExists(tx))) {
      await tx.exec(createSchemaSql());
      created.push(`schema ${DIDSYNC_SCHEMA}`);
    }
    const tables = await existingTables(tx);
    for (const t of tableDefs()) {
      if (tables.has(tableName(t))) continue;
      await tx.exec(createTableSql(t));
      created.push(`table ${tableName(t)}`);
    }

    await tx.query(
      `INSERT INTO ${ident(DIDSYNC_SCHEMA)}.meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO NOTHING`,
      [String(SCHEMA_VERSION)],
    );
    const filled = await fillCurrencies(tx);
    if (filled > 0) created.push(`${filled} currencies (ISO 4217)`);
    return { created };
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
  return tableDefs().filter((t) => t.schema === DIDSYNC_SCHEMA).every((t) => tables.has(tableName(t)));
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
