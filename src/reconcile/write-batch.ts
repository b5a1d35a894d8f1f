// Set-based writes of objects: every statement handles all rows of one kind
// (or one nested table) at once, through jsonb_to_recordset, so an apply of
// ten thousand objects costs tens of statements, not tens of thousands of
// round trips. Generic over kinds: SQL is built from kinds.ts and the
// schemas' field lists. Row ids of new rows are made here (UUIDs, as DIDTron
// makes them), so references resolve without reading anything back. Nested
// rows are updated in place where their key matches, keeping their ids.

import { randomUUID } from 'node:crypto';
import { ident } from '../model/columns.js';
import { kindSpec, type KindName, type KindSpec, type NestedPart } from '../model/kinds.js';
import type { FieldInfo } from '../model/schemas.js';
import type { Queryable } from '../drivers/driver.js';
import { stateFields } from './state.js';
import { stableStringify, type Value } from './values.js';
import type { Resolver } from './write-object.js';

/** Rows per statement: bounded so one parameter stays a few MB. */
const CHUNK = 2000;

type Row = Record<string, unknown>;

/** Column SQL types of a table as the database declares them (enums included). */
export class ColumnTypes {
  private readonly cache = new Map<string, Map<string, string>>();
  constructor(private readonly db: Queryable) {}

  async of(table: string): Promise<Map<string, string>> {
    let types = this.cache.get(table);
    if (!types) {
      const { rows } = await this.db.query<{ name: string; type: string }>(
        `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
           FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
        [ident(table)],
      );
      types = new Map(rows.map((r) => [r.name, r.type]));
      this.cache.set(table, types);
    }
    return types;
  }
}

/** INSERT rows (objects keyed by column) into `table`, in chunks. */
export async function insertRows(db: Queryable, types: ColumnTypes, table: string, columns: readonly string[], rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const spec = await recordset(types, table, columns);
  const sql = `INSERT INTO ${ident(table)} (${columns.map(ident).join(', ')}) SELECT ${columns.map((c) => `x.${ident(c)}`).join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${spec})`;
  for (let i = 0; i < rows.length; i += CHUNK) await db.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK))]);
}

/** UPDATE rows of `table` by id, setting `columns` (rows carry `id`). */
export async function updateRows(db: Queryable, types: ColumnTypes, table: string, columns: readonly string[], rows: Row[]): Promise<void> {
  if (rows.length === 0 || columns.length === 0) return;
  const spec = await recordset(types, table, ['id', ...columns]);
  const sets = columns.map((c) => `${ident(c)} = x.${ident(c)}`).join(', ');
  const sql = `UPDATE ${ident(table)} t SET ${sets} FROM jsonb_to_recordset($1::jsonb) AS x(${spec}) WHERE t.id = x.id`;
  for (let i = 0; i < rows.length; i += CHUNK) await db.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK))]);
}

export async function deleteRows(db: Queryable, table: string, column: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += CHUNK * 5) {
    await db.query(`DELETE FROM ${ident(table)} WHERE ${ident(column)} = ANY($1::varchar[])`, [ids.slice(i, i + CHUNK * 5)]);
  }
}

async function recordset(types: ColumnTypes, table: string, columns: readonly string[]): Promise<string> {
  const known = await types.of(table);
  return columns.map((c) => {
    const type = known.get(c);
    if (type === undefined) throw new Error(`table ${table} has no column ${c}; run 'didsync db init'`);
    return `${ident(c)} ${type}`;
  }).join(', ');
}

/** The JSON value a column takes from a model value: decimals stay strings, json keeps its structure. */
function cell(_info: FieldInfo, value: Value): unknown {
  return value === undefined ? null : value;
}

export interface ObjectWrite {
  rowId: string;
  fields: Record<string, Value>;
  shortCode?: string | null;
}

/** Columns of the kind's own table that didsync writes: its fields and reference ids. */
function objectColumns(spec: KindSpec): string[] {
  const cols = stateFields(spec.kind).flatMap((f) => (f.part === 'column' ? [f.info.column] : []));
  return [...cols, ...spec.references.map((r) => r.column)];
}

function objectRow(spec: KindSpec, w: ObjectWrite, resolver: Resolver): Row {
  const row: Row = { id: w.rowId };
  for (const f of stateFields(spec.kind)) {
    if (f.part === 'column') row[f.info.column] = cell(f.info, w.fields[f.name] ?? null);
  }
  for (const r of spec.references) {
    const name = w.fields[r.field];
    if (name == null) row[r.column] = null;
    else if (r.target === 'Interconnect') row[r.column] = resolver.id('Interconnect', `${String(w.fields['carrier'])}/${String(name)}`);
    else row[r.column] = resolver.id(r.target, String(name));
  }
  if (w.shortCode) row.short_code = w.shortCode;
  return row;
}

/** A fresh row id, made like DIDTron's own. */
export function newRowId(): string {
  return randomUUID();
}

export async function insertObjects(db: Queryable, types: ColumnTypes, kind: KindName, writes: ObjectWrite[], resolver: Resolver): Promise<void> {
  if (writes.length === 0) return;
  const spec = kindSpec(kind);
  const columns = ['id', ...objectColumns(spec), ...(spec.shortCodePrefix ? ['short_code'] : [])];
  await insertRows(db, types, spec.table!, columns, writes.map((w) => objectRow(spec, w, resolver)));
  await syncNestedParts(db, types, spec, writes, resolver, true);
}

export async function updateObjects(db: Queryable, types: ColumnTypes, kind: KindName, writes: ObjectWrite[], resolver: Resolver): Promise<void> {
  if (writes.length === 0) return;
  const spec = kindSpec(kind);
  await updateRows(db, types, spec.table!, objectColumns(spec), writes.map((w) => objectRow(spec, w, resolver)));
  await syncNestedParts(db, types, spec, writes, resolver, false);
}

export async function deleteObjects(db: Queryable, kind: KindName, rowIds: string[]): Promise<void> {
  if (rowIds.length === 0) return;
  const spec = kindSpec(kind);
  for (const part of spec.nested) await deleteRows(db, part.table, part.parentColumn, rowIds);
  await deleteRows(db, spec.table!, 'id', rowIds);
}

async function syncNestedParts(
  db: Queryable, types: ColumnTypes, spec: KindSpec, writes: ObjectWrite[], resolver: Resolver, fresh: boolean,
): Promise<void> {
  for (const f of stateFields(spec.kind)) {
    if (f.part !== 'nested') continue;
    const part = f.nested;
    await syncNested(db, types, part, f.fields, writes.map((w) => ({
      parentId: w.rowId,
      elements: elementsOf(part, w.fields[f.name]),
    })), resolver, fresh);
  }
}

function elementsOf(part: NestedPart, value: Value | undefined): Record<string, Value>[] {
  if (part.cardinality === 'one') return value == null ? [] : [value as Record<string, Value>];
  return ((value as Value[] | null) ?? []) as Record<string, Value>[];
}

/**
 * Make the child rows of many parents equal to their elements: rows whose
 * key matches are updated in place (their ids kept), new ones inserted, the
 * rest deleted. For `one` parts the single existing row is the match.
 */
async function syncNested(
  db: Queryable, types: ColumnTypes, part: NestedPart, infos: readonly FieldInfo[],
  parents: Array<{ parentId: string; elements: Record<string, Value>[] }>, resolver: Resolver, fresh: boolean,
): Promise<void> {
  const keyCols = part.key.map((k) => infos.find((i) => i.name === k)!.column);
  const existing = new Map<string, Row[]>();
  if (!fresh) {
    const ids = parents.map((p) => p.parentId);
    for (let i = 0; i < ids.length; i += CHUNK * 5) {
      const { rows } = await db.query(
        `SELECT id, ${ident(part.parentColumn)} AS parent${part.orderColumn ? `, ${ident(part.orderColumn)} AS ord` : ''}${keyCols.map((c) => `, ${ident(c)}`).join('')}
           FROM ${ident(part.table)} WHERE ${ident(part.parentColumn)} = ANY($1::varchar[]) ORDER BY id`,
        [ids.slice(i, i + CHUNK * 5)],
      );
      for (const row of rows) {
        const list = existing.get(String(row.parent)) ?? [];
        list.push(row);
        existing.set(String(row.parent), list);
      }
    }
  }
  const columns = [...infos.map((i) => i.column), ...(part.orderColumn ? [part.orderColumn] : [])];
  const inserts: Row[] = [];
  const updates: Row[] = [];
  const stale: string[] = [];
  for (const { parentId, elements } of parents) {
    const have = existing.get(parentId) ?? [];
    const byKey = new Map<string, string>();
    for (const row of have) byKey.set(stableStringify(keyCols.map((c) => (row[c] ?? null) as Value)), String(row.id));
    const kept = new Set<string>();
    const matches = elements.map((element) => {
      const key = stableStringify(part.key.map((k) => element[k] ?? null));
      const match = part.cardinality === 'one' ? (have[0] ? String(have[0].id) : undefined) : byKey.get(key);
      if (match === undefined || kept.has(match)) return undefined;
      kept.add(match);
      return match;
    });
    const order = part.orderColumn ? positions(have, matches) : [];
    for (const [i, element] of elements.entries()) {
      const row: Row = {};
      for (const info of infos) row[info.column] = nestedCell(info, element[info.name] ?? null, resolver);
      if (part.orderColumn) row[part.orderColumn] = order[i];
      const match = matches[i];
      if (match !== undefined) updates.push({ id: match, ...row });
      else inserts.push({ id: newRowId(), [part.parentColumn]: parentId, ...row });
    }
    for (const row of have) if (!kept.has(String(row.id))) stale.push(String(row.id));
  }
  // Deletes first: a replaced element may reuse a unique key of the row it replaces.
  await deleteRows(db, part.table, 'id', stale);
  await updateRows(db, types, part.table, columns, updates);
  await insertRows(db, types, part.table, ['id', part.parentColumn, ...columns], inserts);
}

/**
 * Stored positions of an ordered list. Only the order is config, not the
 * numbers: when the matched rows already stand in the wanted order, their
 * numbers are kept (a DIDTron list counting from 1 stays so); otherwise the
 * list is numbered from where the parent's rows started.
 */
function positions(have: Row[], matches: ReadonlyArray<string | undefined>): number[] {
  const ordOf = new Map(have.map((r) => [String(r.id), Number(r.ord)]));
  const kept = matches.map((m) => (m === undefined ? undefined : ordOf.get(m)));
  const inOrder = kept.every((o, i) => o !== undefined && Number.isFinite(o) && (i === 0 || o > kept[i - 1]!));
  if (inOrder) return kept as number[];
  const known = have.map((r) => Number(r.ord)).filter(Number.isFinite);
  const base = known.length > 0 ? Math.min(...known) : 0;
  return matches.map((_, i) => base + i);
}

function nestedCell(info: FieldInfo, value: Value, resolver: Resolver): unknown {
  if (info.ref && Array.isArray(value)) return value.map((code) => resolver.id(info.ref!, String(code)));
  return cell(info, value);
}
