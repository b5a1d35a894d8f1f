// After db init every field of every schema has its column, with the type
// the contract gives it (CONTRACT §2), and a row inserted without a field
// reads back as the schema's default. Expectations are built here from the
// field model and the seed, not from src/db/ddl.ts, so the test can catch
// the generator going wrong.
import assert from 'node:assert/strict';
import type { Queryable } from '../../src/drivers/driver.js';
import { initDatabase } from '../../src/db/init.js';
import { columnName } from '../../src/model/columns.js';
import { APPLY_ORDER, KINDS, kindSpec } from '../../src/model/kinds.js';
import { columnFields, nestedFields, rateFields, type FieldInfo } from '../../src/model/schemas.js';
import { databaseTest } from '../support/databases.js';

interface ColumnType {
  /** information_schema's data_type, or the enum type's name. */
  type: string;
  precision?: number;
  scale?: number;
  notNull?: boolean;
}

const BY_FIELD_TYPE: Record<FieldInfo['type'], string> = {
  string: 'text', integer: 'integer', number: 'numeric', boolean: 'boolean', decimal: 'numeric',
  json: 'jsonb', date: 'date', 'date-time': 'timestamp with time zone',
};

/** The seed's enum columns (seed/didtron-schema.md, "Enums"). */
const SEED_ENUM_COLUMNS: Record<string, string> = {
  'carriers.partner_type': 'carrier_partner_type',
  'carriers.status': 'route_status',
  'carriers.customer_credit_type': 'credit_type',
  'carriers.supplier_credit_type': 'credit_type',
  'carriers.capacity_mode': 'capacity_mode',
  'carrier_interconnects.capacity_mode': 'capacity_mode',
  'carrier_services.status': 'route_status',
  'carrier_services.capacity_mode': 'capacity_mode',
};

const ID: ColumnType = { type: 'character varying', notNull: true };
const FK: ColumnType = { type: 'character varying' };
const MONEY: ColumnType = { type: 'numeric', precision: 16, scale: 4, notNull: true };

function fieldType(table: string, f: FieldInfo): ColumnType {
  const seedEnum = SEED_ENUM_COLUMNS[`${table}.${f.column}`];
  if (seedEnum) return { type: seedEnum };
  if (f.type === 'decimal') return { type: 'numeric', precision: f.decimal!.precision, scale: f.decimal!.scale };
  return { type: BY_FIELD_TYPE[f.type] };
}

/** table -> column -> expected type, for every column the contract and the schemas name. */
function expectedColumns(): Map<string, Map<string, ColumnType>> {
  const out = new Map<string, Map<string, ColumnType>>();
  const put = (table: string, column: string, type: ColumnType) => {
    if (!out.has(table)) out.set(table, new Map([['id', ID]]));
    out.get(table)!.set(column, type);
  };
  for (const spec of KINDS) {
    if (!spec.table) continue;
    for (const f of columnFields(spec.kind)) put(spec.table, f.column, fieldType(spec.table, f));
    for (const r of spec.references) put(spec.table, r.column, FK);
    if (spec.shortCodePrefix) put(spec.table, 'short_code', { type: 'text' });
    for (const part of spec.nested) {
      put(part.table, part.parentColumn, { ...FK, notNull: true });
      if (part.orderColumn) put(part.table, part.orderColumn, { type: 'integer' });
      for (const f of nestedFields(spec.kind, part.field)) put(part.table, f.column, fieldType(part.table, f));
    }
  }
  put('customer_rating_plan_rates', 'rating_plan_id', { ...FK, notNull: true });
  for (const f of rateFields()) put('customer_rating_plan_rates', f.column, fieldType('customer_rating_plan_rates', f));
  for (const c of ['customer_balance', 'supplier_balance', 'bilateral_balance', 'customer_24hr_spend', 'supplier_24hr_spend']) {
    put('carriers', c, MONEY);
  }
  put('customer_rating_plans', 'uncommitted_changes', { type: 'boolean', notNull: true });
  put('customer_rating_plans', 'assigned', { type: 'boolean', notNull: true });
  put('currencies', 'code', { type: 'text', notNull: true });
  put('currencies', 'name', { type: 'text' });
  put('customers', 'name', { type: 'text' });
  return out;
}

interface Actual {
  table: string; column_name: string; data_type: string; udt_name: string;
  numeric_precision: number | null; numeric_scale: number | null; is_nullable: string; character_maximum_length: number | null;
}

async function actualColumns(db: Queryable): Promise<Map<string, Map<string, Actual>>> {
  const { rows } = await db.query<Actual>(
    `SELECT CASE WHEN table_schema = 'didsync' THEN 'didsync.' || table_name ELSE table_name END AS table,
            column_name, data_type, udt_name, numeric_precision, numeric_scale, is_nullable, character_maximum_length
       FROM information_schema.columns WHERE table_schema IN (current_schema(), 'didsync')`,
  );
  const out = new Map<string, Map<string, Actual>>();
  for (const r of rows) {
    if (!out.has(r.table)) out.set(r.table, new Map());
    out.get(r.table)!.set(r.column_name, r);
  }
  return out;
}

databaseTest('every schema field, reference and runtime column exists with its type', async (db) => {
  await initDatabase(db);
  const actual = await actualColumns(db);
  let checked = 0;
  for (const [table, columns] of expectedColumns()) {
    const have = actual.get(table);
    assert.ok(have, `table ${table} is missing`);
    for (const [column, want] of columns) {
      const got = have.get(column);
      assert.ok(got, `column ${table}.${column} is missing`);
      const where: string = `${table}.${column}`;
      assert.equal(got.data_type === 'USER-DEFINED' ? got.udt_name : got.data_type, want.type, where);
      if (want.type === 'character varying') assert.equal(got.character_maximum_length, 36, where);
      if (want.precision !== undefined) {
        assert.equal(Number(got.numeric_precision), want.precision, where);
        assert.equal(Number(got.numeric_scale), want.scale, where);
      }
      if (want.type === 'numeric' && want.precision === undefined) assert.equal(got.numeric_precision, null, where);
      if (want.notNull) assert.equal(got.is_nullable, 'NO', where);
      checked++;
    }
    // Nothing the schemas do not name, apart from DIDTron's timestamps.
    for (const column of have.keys()) {
      assert.ok(columns.has(column) || ['created_at', 'updated_at'].includes(column), `unexpected column ${table}.${column}`);
    }
  }
  assert.ok(checked > 150, `only ${checked} columns checked`);

  // Every field DIDTron owns at run time (kinds.ts) has its column too; the seed has timestamps only on some tables.
  for (const spec of KINDS) {
    for (const field of spec.runtimeOwned) {
      if (['createdAt', 'updatedAt'].includes(field)) continue;
      assert.ok(actual.get(spec.table!)?.has(columnName(field)), `runtime column ${spec.table}.${columnName(field)} is missing`);
    }
  }
});

databaseTest('the seed enums are PostgreSQL enum types with the seed values', async (db) => {
  await initDatabase(db);
  const { rows } = await db.query<{ typname: string; labels: string[] }>(
    `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`,
  );
  assert.deepEqual(Object.fromEntries(rows.map((r) => [r.typname, r.labels])), {
    capacity_mode: ['unrestricted', 'capped'],
    carrier_partner_type: ['customer', 'supplier', 'bilateral'],
    credit_type: ['prepaid', 'postpaid'],
    route_status: ['active', 'paused', 'disabled', 'testing'],
  });
});

databaseTest('a row inserted without a field reads back as the schema default, or NULL without one', async (db) => {
  await initDatabase(db);
  const ids = new Map<string, string>();
  const insert = async (table: string, values: Record<string, string>): Promise<string> => {
    const cols = Object.keys(values);
    const sql = cols.length === 0
      ? `INSERT INTO ${table} DEFAULT VALUES RETURNING id`
      : `INSERT INTO ${table} (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`;
    const id = String((await db.query<{ id: string }>(sql, Object.values(values))).rows[0].id);
    ids.set(table, id);
    return id;
  };
  const checkDefaults = async (table: string, id: string, fields: readonly FieldInfo[], set: Set<string>) => {
    const row = (await db.query(`SELECT * FROM ${table} WHERE id = $1`, [id])).rows[0];
    for (const f of fields) {
      if (set.has(f.column)) continue;
      const got = row[f.column];
      const where = `${table}.${f.column}`;
      if (f.default === undefined) assert.equal(got, null, `${where} has a default the schema does not give`);
      else if (f.type === 'decimal' || f.type === 'number') assert.equal(Number(got), Number(f.default), where);
      else assert.deepEqual(got, f.default, where);
    }
  };

  let withDefaults = 0;
  for (const kind of APPLY_ORDER) {
    const spec = kindSpec(kind);
    const values: Record<string, string> = {};
    for (const column of spec.identityColumns ?? []) {
      const ref = spec.references.find((r) => r.column === column);
      values[column] = ref ? ids.get(kindSpec(ref.target as typeof kind).table!)! : `${kind}-${column}`;
    }
    const id = await insert(spec.table!, values);
    await checkDefaults(spec.table!, id, columnFields(kind), new Set(Object.keys(values)));
    for (const part of spec.nested) {
      const childId = await insert(part.table, { [part.parentColumn]: id });
      await checkDefaults(part.table, childId, nestedFields(kind, part.field), new Set());
    }
    withDefaults += [...columnFields(kind), ...spec.nested.flatMap((p) => nestedFields(kind, p.field))]
      .filter((f) => f.default !== undefined).length;
  }
  assert.ok(withDefaults >= 20, `only ${withDefaults} schema defaults checked`);

  const carrier = (await db.query('SELECT * FROM carriers WHERE id = $1', [ids.get('carriers')])).rows[0];
  for (const c of ['customer_balance', 'supplier_balance', 'bilateral_balance', 'customer_24hr_spend', 'supplier_24hr_spend']) {
    assert.equal(carrier[c], '0.0000', c);
  }
  const plan = (await db.query('SELECT * FROM customer_rating_plans WHERE id = $1', [ids.get('customer_rating_plans')])).rows[0];
  assert.equal(plan.uncommitted_changes, false);
  assert.equal(plan.assigned, false);
  assert.match(String(plan.id), /^[0-9a-f-]{36}$/);
});

/**
 * Every foreign key and unique constraint the kinds imply, derived from
 * kinds.ts: a reference is a foreign key to its target's id (no cascade
 * between kinds), a nested part's parent column one to its parent (cascading,
 * and unique for a one-per-parent part), an identity and a short code are
 * unique. Rates belong to their plan and are unique per prefix and date.
 */
function expectedConstraints(): { foreignKeys: string[]; uniques: string[] } {
  const foreignKeys: string[] = ['customer_rating_plan_rates(rating_plan_id) -> customer_rating_plans(id) on delete cascade'];
  const uniques: string[] = ['customer_rating_plan_rates(rating_plan_id, prefix, effective_date)'];
  for (const spec of KINDS) {
    if (!spec.table) continue;
    for (const r of spec.references) {
      if (r.storeAs === 'code') continue;
      const target = r.target === 'Currency' ? 'currencies' : kindSpec(r.target).table!;
      foreignKeys.push(`${spec.table}(${r.column}) -> ${target}(id) on delete no action`);
    }
    if (spec.identityColumns?.length) uniques.push(`${spec.table}(${spec.identityColumns.join(', ')})`);
    if (spec.shortCodePrefix) uniques.push(`${spec.table}(short_code)`);
    for (const part of spec.nested) {
      foreignKeys.push(`${part.table}(${part.parentColumn}) -> ${spec.table}(id) on delete cascade`);
      if (part.cardinality === 'one') uniques.push(`${part.table}(${part.parentColumn})`);
    }
  }
  return { foreignKeys, uniques };
}

const ON_DELETE: Record<string, string> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

databaseTest('every foreign key and unique constraint the kinds imply exists', async (db) => {
  await initDatabase(db);
  const { rows } = await db.query<{ contype: string; tbl: string; cols: string; ref: string | null; ref_cols: string | null; on_delete: string }>(
    `SELECT c.contype::text AS contype, t.relname::text AS tbl, ft.relname::text AS ref, c.confdeltype::text AS on_delete,
            (SELECT string_agg(a.attname::text, ', ' ORDER BY k.o) FROM unnest(c.conkey) WITH ORDINALITY AS k(n, o)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS cols,
            (SELECT string_agg(a.attname::text, ', ' ORDER BY k.o) FROM unnest(c.confkey) WITH ORDINALITY AS k(n, o)
               JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS ref_cols
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace s ON s.oid = t.relnamespace
       LEFT JOIN pg_class ft ON ft.oid = c.confrelid
      WHERE s.nspname = current_schema() AND c.contype IN ('f', 'u')`,
  );
  const foreignKeys = new Set(rows.filter((r) => r.contype === 'f').map((r) => `${r.tbl}(${r.cols}) -> ${r.ref}(${r.ref_cols}) on delete ${ON_DELETE[r.on_delete]}`));
  const uniques = new Set(rows.filter((r) => r.contype === 'u').map((r) => `${r.tbl}(${r.cols})`));
  const expected = expectedConstraints();
  assert.ok(expected.foreignKeys.length >= 15 && expected.uniques.length >= 10, `derived ${expected.foreignKeys.length} foreign keys, ${expected.uniques.length} uniques`);
  assert.deepEqual(expected.foreignKeys.filter((k) => !foreignKeys.has(k)), [], `foreign keys in the database:\n${[...foreignKeys].sort().join('\n')}`);
  assert.deepEqual(expected.uniques.filter((u) => !uniques.has(u)), [], `unique constraints in the database:\n${[...uniques].sort().join('\n')}`);
});
