// The database schema didsync works on (CONTRACT §2), as data, and the SQL
// that creates it on PostgreSQL 15+ and PGlite.
//
// The tables of the kinds and their nested parts are generated from
// kinds.ts and the JSON Schemas (columnFields, nestedFields, rateFields), so
// a field added to a schema becomes a column without an edit here. Written
// by hand is only what a schema cannot say: the seed's enum types, the
// tables that exist for foreign keys (currencies, customers, users), the
// columns DIDTron owns at run time, and didsync's own bookkeeping schema.
// This module only describes; src/db/init.ts decides what to create.

import { ident } from '../model/columns.js';
import { APPLY_ORDER, kindSpec, type KindSpec, type NestedPart, type Reference } from '../model/kinds.js';
import { columnFields, nestedFields, rateFields, type FieldInfo } from '../model/schemas.js';

/** Version of didsync's bookkeeping schema, kept in didsync.meta. */
export const SCHEMA_VERSION = 3;
export const DIDSYNC_SCHEMA = 'didsync';

export interface EnumTypeDef {
  name: string;
  values: readonly string[];
  /** Columns holding one of these values use the type; see enumTypeOf. */
  columns: RegExp;
}

export interface ColumnDef {
  name: string;
  /** SQL type as written in CREATE TABLE: `text`, `numeric(16,4)`, an enum type. */
  type: string;
  notNull?: boolean;
  /** SQL expression. */
  default?: string;
  primaryKey?: boolean;
  unique?: boolean;
  references?: { table: string; onDelete?: 'CASCADE' };
}

export interface UniqueDef {
  columns: readonly string[];
  nullsNotDistinct?: boolean;
}

export interface TableDef {
  schema?: typeof DIDSYNC_SCHEMA;
  table: string;
  columns: ColumnDef[];
  unique: UniqueDef[];
  primaryKey?: readonly string[];
  /** Statements that complete the table after CREATE TABLE (what PostgreSQL 15 cannot say inside it). */
  after?: readonly string[];
}

/** The four enums of the seed, with the columns (by name) that are typed with them. */
export const ENUM_TYPES: readonly EnumTypeDef[] = [
  { name: 'carrier_partner_type', values: ['customer', 'supplier', 'bilateral'], columns: /^partner_type$/ },
  { name: 'credit_type', values: ['prepaid', 'postpaid'], columns: /_credit_type$/ },
  { name: 'capacity_mode', values: ['unrestricted', 'capped'], columns: /^capacity_mode$/ },
  { name: 'route_status', values: ['active', 'paused', 'disabled', 'testing'], columns: /^status$/ },
];

const ID: ColumnDef = { name: 'id', type: 'varchar(36)', primaryKey: true, default: 'gen_random_uuid()::text' };
const CREATED_AT: ColumnDef = { name: 'created_at', type: 'timestamptz', default: 'now()' };
const UPDATED_AT: ColumnDef = { name: 'updated_at', type: 'timestamptz', default: 'now()' };
const MONEY = 'numeric(16,4)';
const counter = (name: string): ColumnDef => ({ name, type: MONEY, notNull: true, default: '0' });
const flag = (name: string): ColumnDef => ({ name, type: 'boolean', notNull: true, default: 'false' });

/**
 * Columns DIDTron computes or changes at run time (kinds.ts `runtimeOwned`
 * besides `id` and `short_code`), per table. No schema describes them, and
 * the timestamps are only where the seed has them.
 */
const RUNTIME_COLUMNS: Readonly<Record<string, readonly ColumnDef[]>> = {
  carriers: [
    counter('customer_balance'), counter('supplier_balance'), counter('bilateral_balance'),
    counter('customer_24hr_spend'), counter('supplier_24hr_spend'),
  ],
  customer_rating_plans: [flag('uncommitted_changes'), flag('assigned')],
  customer_categories: [CREATED_AT, UPDATED_AT],
  customer_groups: [CREATED_AT, UPDATED_AT],
  carrier_assignments: [CREATED_AT],
};

/** The rate columns no rate can be without (the schema's required ones, minus the free-text destination). */
const RATE_NOT_NULL = new Set(['prefix', 'rate']);
export const RATES_TABLE = 'customer_rating_plan_rates';

/** The enum type a schema enum column uses, or undefined for plain text. */
export function enumTypeOf(column: string, values: readonly string[] | undefined): EnumTypeDef | undefined {
  if (!values) return undefined;
  const type = ENUM_TYPES.find((e) => e.columns.test(column));
  if (!type) return undefined;
  const same = type.values.length === values.length && type.values.every((v) => values.includes(v));
  // A schema that drifted from the seed's enum must be noticed, not stored as text silently.
  if (!same) throw new Error(`column ${column} allows ${values.join('|')}, but the seed's ${type.name} is ${type.values.join('|')}`);
  return type;
}

/** SQL type of a schema field's column. */
export function sqlType(info: FieldInfo): string {
  switch (info.type) {
    case 'decimal': {
      if (!info.decimal) throw new Error(`decimal field ${info.name} has no x-decimal shape`);
      return `numeric(${info.decimal.precision},${info.decimal.scale})`;
    }
    case 'integer': return 'integer';
    case 'number': return 'numeric';
    case 'boolean': return 'boolean';
    case 'json': return 'jsonb';
    case 'date': return 'date';
    case 'date-time': return 'timestamptz';
    case 'string': return enumTypeOf(info.column, info.enum)?.name ?? 'text';
  }
}

/** The schema default as an SQL literal, so a row inserted without the field reads back as the default. */
export function sqlDefault(info: FieldInfo): string | undefined {
  const value = info.default;
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (info.type === 'json' || typeof value === 'object') return `${literal(JSON.stringify(value))}::jsonb`;
  if (typeof value === 'number' && info.type !== 'decimal') return String(value);
  return literal(String(value));
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

function fieldColumn(info: FieldInfo): ColumnDef {
  const column: ColumnDef = { name: info.column, type: sqlType(info) };
  const dflt = sqlDefault(info);
  if (dflt !== undefined) column.default = dflt;
  return column;
}

function referenceColumn(ref: Reference, identity: readonly string[]): ColumnDef {
  const notNull = identity.includes(ref.column);
  if (ref.storeAs === 'code') return { name: ref.column, type: 'text', notNull };
  const table = ref.target === 'Currency' ? 'currencies' : kindSpec(ref.target).table!;
  // No cascade between kinds: pruning a carrier must not silently take rows
  // that didsync does not manage (an unmanaged interconnect, a user) with it.
  return { name: ref.column, type: 'varchar(36)', notNull, references: { table } };
}

function kindTable(spec: KindSpec): TableDef {
  const table = spec.table!;
  const identity = spec.identityColumns ?? [];
  const columns: ColumnDef[] = [
    ID,
    ...(spec.shortCodePrefix ? [{ name: 'short_code', type: 'text', unique: true }] : []),
    ...spec.references.map((r) => referenceColumn(r, identity)),
    ...columnFields(spec.kind).map((f) => ({ ...fieldColumn(f), notNull: identity.includes(f.column) || undefined })),
    ...(RUNTIME_COLUMNS[table] ?? []),
  ];
  return { table, columns: columns.map(clean), unique: identity.length > 0 ? [{ columns: identity }] : [] };
}

function nestedTable(spec: KindSpec, part: NestedPart): TableDef {
  const columns: ColumnDef[] = [
    ID,
    // Owned by the parent: it goes when the parent goes. One-per-parent parts are unique on it.
    {
      name: part.parentColumn, type: 'varchar(36)', notNull: true,
      unique: part.cardinality === 'one', references: { table: spec.table!, onDelete: 'CASCADE' },
    },
    ...nestedFields(spec.kind, part.field).map(fieldColumn),
    ...(part.orderColumn ? [{ name: part.orderColumn, type: 'integer' }] : []),
    ...(RUNTIME_COLUMNS[part.table] ?? []),
  ];
  return { table: part.table, columns: columns.map(clean), unique: [] };
}

/** The rate columns after `rating_plan_id`, shared by the live table and didsync's applied copy. */
function rateColumns(): ColumnDef[] {
  return rateFields().map((f) => clean({ ...fieldColumn(f), notNull: RATE_NOT_NULL.has(f.column) || undefined }));
}

const RATE_IDENTITY: UniqueDef = { columns: ['rating_plan_id', 'prefix', 'effective_date'], nullsNotDistinct: true };

function ratesTable(): TableDef {
  return {
    table: RATES_TABLE,
    columns: [
      ID,
      { name: 'rating_plan_id', type: 'varchar(36)', notNull: true, references: { table: 'customer_rating_plans', onDelete: 'CASCADE' } },
      ...rateColumns(),
    ],
    unique: [RATE_IDENTITY],
  };
}

/** Seed tables that exist for the foreign keys; no kind describes them. */
const CURRENCIES: TableDef = {
  table: 'currencies',
  columns: [ID, { name: 'code', type: 'text', notNull: true, unique: true }, { name: 'name', type: 'text' }],
  unique: [],
};
const CUSTOMERS: TableDef = { table: 'customers', columns: [ID, { name: 'name', type: 'text' }], unique: [] };
const USERS: TableDef = {
  table: 'users',
  columns: [
    ID,
    { name: 'email', type: 'text', unique: true },
    ...['password', 'first_name', 'last_name', 'phone', 'role', 'status'].map((name) => ({ name, type: 'text' })),
    { name: 'email_verified', type: 'boolean', default: 'false' },
    { name: 'two_factor_enabled', type: 'boolean', default: 'false' },
    { name: 'two_factor_secret', type: 'text' },
    { name: 'customer_id', type: 'varchar(36)', references: { table: 'customers' } },
    { name: 'carrier_id', type: 'varchar(36)', references: { table: 'carriers' } },
    { name: 'last_login_at', type: 'timestamptz' },
    CREATED_AT, UPDATED_AT,
  ],
  unique: [],
};

/** didsync's own bookkeeping, read and written by src/reconcile. */
function didsyncTables(): TableDef[] {
  const ownTable = (table: string, columns: ColumnDef[], unique: UniqueDef[] = [], primaryKey?: string[]): TableDef =>
    ({ schema: DIDSYNC_SCHEMA, table, columns, unique, ...(primaryKey ? { primaryKey } : {}) });
  return [
    ownTable('meta', [{ name: 'key', type: 'text', primaryKey: true }, { name: 'value', type: 'text' }]),
    ownTable('managed', [
      { name: 'kind', type: 'text', notNull: true },
      { name: 'key', type: 'text', notNull: true },
      { name: 'row_id', type: 'varchar(36)', notNull: true },
      { name: 'applied', type: 'jsonb', notNull: true },
      { name: 'rates_fingerprint', type: 'text' },
      { name: 'applied_run', type: 'bigint' },
      { name: 'applied_at', type: 'timestamptz' },
    ], [{ columns: ['kind', 'row_id'] }], ['kind', 'key']),
    // The deck each managed plan's rates were last applied from, as CSV text (the file's bytes, or
    // inline rates written out): what its rates are compared with to say what drifted. One value
    // per plan, not a copy of every row. No foreign key: a plan deleted outside didsync keeps its
    // record to compare. Stored uncompressed (EXTERNAL): compressing tens of MB costs more than it saves.
    { ...ownTable('applied_decks', [
      { name: 'rating_plan_id', type: 'varchar(36)', primaryKey: true },
      { name: 'digest', type: 'text', notNull: true },
      { name: 'content', type: 'text', notNull: true },
    ]), after: [`ALTER TABLE ${ident(DIDSYNC_SCHEMA)}.applied_decks ALTER COLUMN content SET STORAGE EXTERNAL`] },
    // A plan's applied deck changed by some lines since its text above was written: each later
    // apply's edits of the one before (src/reconcile/text-edits.ts), in order, with the digest of
    // the rows applied and the sha256 of the text they make, which a read checks. Rewriting the
    // whole text for a change of 1% of a deck's rows wrote all of it to the WAL again.
    ownTable('applied_deck_edits', [
      { name: 'rating_plan_id', type: 'varchar(36)', notNull: true },
      { name: 'seq', type: 'integer', notNull: true },
      { name: 'digest', type: 'text', notNull: true },
      { name: 'sha256', type: 'text', notNull: true },
      { name: 'edits', type: 'text', notNull: true },
    ], [], ['rating_plan_id', 'seq']),
    // The config files of the last apply (src/reconcile/config-records.ts): each YAML file's and
    // CSV deck's sha256, the objects a YAML file declared (a deck: the YAML files naming it), and
    // the digest of the file's facts across documents.
    ownTable('applied_files', [
      { name: 'path', type: 'text', primaryKey: true },
      { name: 'sha256', type: 'text', notNull: true },
      { name: 'objects', type: 'jsonb', notNull: true },
      { name: 'facts', type: 'text' },
    ]),
    // Kept by triggers (src/db/watchers.ts): every plan's rate fingerprint, and the writes others made.
    ownTable('rate_prints', [
      { name: 'rating_plan_id', type: 'varchar(36)', primaryKey: true },
      { name: 'n', type: 'bigint', notNull: true },
      { name: 'h', type: 'numeric', notNull: true },
    ]),
    ownTable('changes', [
      { name: 'id', type: 'bigserial', primaryKey: true },
      { name: 'at', type: 'timestamptz', notNull: true, default: 'clock_timestamp()' },
      { name: 'table_name', type: 'text', notNull: true },
      { name: 'txid', type: 'xid8', notNull: true, default: 'pg_current_xact_id()' },
    ]),
    ownTable('runs', [
      { name: 'id', type: 'bigserial', primaryKey: true },
      { name: 'started_at', type: 'timestamptz', notNull: true, default: 'now()' },
      { name: 'finished_at', type: 'timestamptz' },
      ...['trigger', 'command'].map((name) => ({ name, type: 'text', notNull: true })),
      ...['commit', 'author', 'subject'].map((name) => ({ name, type: 'text' })),
      { name: 'status', type: 'text', notNull: true },
      { name: 'summary', type: 'jsonb' },
      // json, not jsonb: the plan is kept to be read back whole, and a first apply's plan is
      // megabytes (10,000 objects: 14 MB), which jsonb's input took 0.8 s to convert.
      // A database made before keeps its jsonb column; the plan is written to either.
      { name: 'plan', type: 'json' },
      { name: 'error', type: 'text' },
      { name: 'host', type: 'text' },
      { name: 'pid', type: 'integer' },
    ]),
  ];
}

let cached: readonly TableDef[] | undefined;

/** Every table, in an order where each one's foreign keys point at tables before it. */
export function tableDefs(): readonly TableDef[] {
  if (cached) return cached;
  const tables: TableDef[] = [CURRENCIES, CUSTOMERS];
  for (const kind of APPLY_ORDER) {
    const spec = kindSpec(kind);
    tables.push(kindTable(spec), ...spec.nested.map((part) => nestedTable(spec, part)));
    if (spec.table === 'customer_rating_plans') tables.push(ratesTable());
  }
  tables.push(USERS, ...didsyncTables());
  cached = tables;
  return tables;
}

/** `carriers`, `didsync.runs`: the name as it appears in SQL text and in init's report. */
export function tableName(t: TableDef): string {
  return t.schema ? `${t.schema}.${t.table}` : t.table;
}

export function quotedTableName(t: TableDef): string {
  return t.schema ? `${ident(t.schema)}.${ident(t.table)}` : ident(t.table);
}

export function createEnumSql(e: EnumTypeDef): string {
  return `CREATE TYPE ${ident(e.name)} AS ENUM (${e.values.map(literal).join(', ')})`;
}

export function createSchemaSql(): string {
  return `CREATE SCHEMA ${ident(DIDSYNC_SCHEMA)}`;
}

export function createTableSql(t: TableDef): string {
  const lines = t.columns.map(columnSql);
  if (t.primaryKey) lines.push(`PRIMARY KEY (${t.primaryKey.map(ident).join(', ')})`);
  for (const u of t.unique) {
    lines.push(`UNIQUE${u.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${u.columns.map(ident).join(', ')})`);
  }
  return `CREATE TABLE ${quotedTableName(t)} (\n  ${lines.join(',\n  ')}\n)`;
}

function columnSql(c: ColumnDef): string {
  let sql = `${ident(c.name)} ${c.type}`;
  if (c.primaryKey) sql += ' PRIMARY KEY';
  if (c.notNull) sql += ' NOT NULL';
  if (c.default !== undefined) sql += ` DEFAULT ${c.default}`;
  if (c.unique) sql += ' UNIQUE';
  if (c.references) {
    sql += ` REFERENCES ${ident(c.references.table)} (id)`;
    if (c.references.onDelete) sql += ` ON DELETE ${c.references.onDelete}`;
  }
  return sql;
}

/** Drop `notNull: undefined` left by spreads, so definitions compare and print cleanly. */
function clean(c: ColumnDef): ColumnDef {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as unknown as ColumnDef;
}
