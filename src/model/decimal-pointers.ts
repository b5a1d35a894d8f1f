// Finds where in a document the schema expects an exact decimal or an
// integer, by walking the schema and the data together (through $ref,
// arrays, nested objects and allOf/anyOf/oneOf branches). The loader uses it
// to put back the digits the user wrote in place of a YAML number's float
// before validation, and validation to keep integers within their column.
// It must never read or change a value: it only reports pointers.

import type { KindName } from './kinds.js';
import { branches, deref, members, schemaOf, subschema, type SchemaNode } from './schema-files.js';

/** JSON Pointers of the values in `data` whose schema carries `x-decimal`. */
export function decimalPointers(kind: KindName, data: unknown): string[] {
  return pointersWhere(kind, data, (node) => node['x-decimal'] !== undefined);
}

/** JSON Pointers of the values in `data` whose schema is `type: integer` (an `integer` column). */
export function integerPointers(kind: KindName, data: unknown): string[] {
  return pointersWhere(kind, data, (node) => node.type === 'integer');
}

function pointersWhere(kind: KindName, data: unknown, test: (node: SchemaNode) => boolean): string[] {
  const schema = schemaOf(kind);
  const found = new Set<string>();
  walk(schema, schema, data, '', found, test);
  return [...found];
}

function walk(schema: SchemaNode, raw: SchemaNode, data: unknown, pointer: string, found: Set<string>, test: (node: SchemaNode) => boolean): void {
  if (data === undefined) return;
  const node = deref(schema, raw);
  if (test(node)) found.add(pointer);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    for (const branch of branches(node, keyword)) walk(schema, branch, data, pointer, found, test);
  }
  if (Array.isArray(data)) {
    const items = subschema(node, 'items');
    if (items) data.forEach((element, i) => walk(schema, items, element, `${pointer}/${i}`, found, test));
    return;
  }
  if (typeof data !== 'object' || data === null) return;
  const properties = members(node, 'properties');
  const extra = subschema(node, 'additionalProperties');
  for (const key of Object.keys(data)) {
    const child = Object.hasOwn(properties, key) ? properties[key] : extra;
    if (child) walk(schema, child, (data as Record<string, unknown>)[key], `${pointer}/${token(key)}`, found, test);
  }
}

function token(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
