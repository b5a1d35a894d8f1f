// The field model derived from the JSON Schemas: for each kind, the fields
// stored as plain columns of its table, the fields of each nested part and
// of a rate, with column name, type, decimal shape, allowed values, default
// and description. The schemas are the single source of field lists; this
// module only reads them. It must never list a reference field, a nested
// part or a runtime-owned field among a kind's columns.

import { columnName } from './columns.js';
import { isKindName, kindSpec, type KindName } from './kinds.js';
import { branches, deref, members, schemaOf, subschema, type SchemaNode } from './schema-files.js';
import type { SchemaDecimal } from './schema-keywords.js';

/** How a field's value is stored and compared. */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'decimal' | 'json' | 'date' | 'date-time';

/** One field of a kind, a nested part or a rate, as the schema describes it. */
export interface FieldInfo {
  /** YAML name (camelCase), e.g. `customer24HrSpendLimit`. */
  name: string;
  /** Column name: columnName(name), unless the schema's `x-column` says otherwise. */
  column: string;
  type: FieldType;
  /** Set for `decimal`: numeric(precision, scale) and an optional minimum. */
  decimal?: SchemaDecimal;
  /** Allowed values of an enum field. */
  enum?: readonly string[];
  /** The schema's default, used when the field is absent. */
  default?: unknown;
  /** For a list of references (`x-ref`): the kind whose codes it names; stored as their ids. */
  ref?: KindName;
  description: string;
}

/** Properties of a schema node that are never columns of the kind's own table. */
const NOT_COLUMNS = new Set(['kind', 'rates', 'ratesFile']);

const columnCache = new Map<KindName, readonly FieldInfo[]>();
const nestedCache = new Map<string, readonly FieldInfo[]>();
let rateCache: readonly FieldInfo[] | undefined;

/**
 * Fields stored as plain columns of the kind's own table, in schema order:
 * every property except `kind`, the kind's references (they resolve to id
 * columns), its nested parts, and `rates`/`ratesFile`. Empty for Settings.
 */
export function columnFields(kind: KindName): readonly FieldInfo[] {
  const cached = columnCache.get(kind);
  if (cached) return cached;
  const spec = kindSpec(kind);
  const skip = new Set([...NOT_COLUMNS, ...spec.references.map((r) => r.field), ...spec.nested.map((n) => n.field)]);
  const schema = schemaOf(kind);
  const fields = spec.table === undefined ? [] : fieldsOf(schema, schema).filter((f) => !skip.has(f.name));
  columnCache.set(kind, fields);
  return fields;
}

/** Columns of one nested part of a kind (the `$defs` entry it names), without its parent and order columns. */
export function nestedFields(kind: KindName, nestedField: string): readonly FieldInfo[] {
  const id = `${kind}.${nestedField}`;
  const cached = nestedCache.get(id);
  if (cached) return cached;
  const part = kindSpec(kind).nested.find((n) => n.field === nestedField);
  if (!part) throw new Error(`${kind} has no nested part ${nestedField}`);
  const schema = schemaOf(kind);
  const def = members(schema, '$defs')[part.def];
  if (!def) throw new Error(`${kindSpec(kind).schema} has no $defs/${part.def}`);
  const fields = fieldsOf(schema, def).filter((f) => f.column !== part.parentColumn && f.column !== part.orderColumn);
  nestedCache.set(id, fields);
  return fields;
}

/** Fields of one rate (RatingPlan's `Rate` def), which are also the CSV columns, in order. */
export function rateFields(): readonly FieldInfo[] {
  if (rateCache) return rateCache;
  const schema = schemaOf('RatingPlan');
  const def = members(schema, '$defs').Rate;
  if (!def) throw new Error('rating-plan schema has no $defs/Rate');
  rateCache = fieldsOf(schema, def);
  return rateCache;
}

/** The FieldInfo of every property of an object node, in schema order. */
export function fieldsOf(schema: SchemaNode, objectNode: SchemaNode): FieldInfo[] {
  return Object.entries(members(deref(schema, objectNode), 'properties')).map(([name, node]) => fieldInfo(schema, name, node));
}

/** One property's FieldInfo. */
export function fieldInfo(schema: SchemaNode, name: string, raw: SchemaNode): FieldInfo {
  const node = deref(schema, raw);
  const info: FieldInfo = {
    name,
    column: typeof node['x-column'] === 'string' ? node['x-column'] : columnName(name),
    type: fieldType(node),
    description: typeof node.description === 'string' ? node.description : '',
  };
  if (node['x-decimal'] !== undefined) info.decimal = node['x-decimal'] as SchemaDecimal;
  if (Array.isArray(node.enum)) info.enum = node.enum.map(String);
  if (node.default !== undefined) info.default = node.default;
  if (isKindName(node['x-ref'])) info.ref = node['x-ref'];
  return info;
}

function fieldType(node: SchemaNode): FieldType {
  if (node['x-decimal'] !== undefined) return 'decimal';
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  if (type === 'array' || type === 'object' || subschema(node, 'properties') || subschema(node, 'items')) return 'json';
  if (type === 'integer' || type === 'number' || type === 'boolean') return type;
  if (node.format === 'date' || node.format === 'date-time') return node.format;
  if (type === undefined && branches(node, 'anyOf').length === 0 && !Array.isArray(node.enum) && node.const === undefined) return 'json';
  return 'string';
}
