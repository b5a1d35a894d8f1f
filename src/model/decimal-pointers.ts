// Finds where in a document the schema expects an exact decimal or an
// integer, by walking the schema and the data together (through $ref,
// arrays, nested objects and allOf/anyOf/oneOf branches). The loader uses it
// to put back the digits the user wrote in place of a YAML number's float
// before validation, and validation to keep integers within their column.
// It must never change a value: it only reports where the numbers are.
//
// Each schema node is compiled once (its $ref resolved, its branches and
// properties listed, whether anything below it is a decimal or an integer),
// so ten thousand documents walk only the parts of the schema that can hold
// a number.

import type { KindName } from './kinds.js';
import { branches, deref, members, schemaOf, subschema, type SchemaNode } from './schema-files.js';

/** JSON Pointers of the numbers in `data` whose schema carries `x-decimal`. */
export function decimalPointers(kind: KindName, data: unknown): string[] {
  return numberPlaces(kind, data).decimal.map((p) => p.pointer);
}

/** Where a number is: its pointer, and the object or list that holds it under `key`. */
export interface NumberPlace {
  pointer: string;
  holder: Record<string, unknown> | unknown[];
  key: string | number;
}

/**
 * Both, in one walk, with what holds each number, so a caller reads or
 * replaces it without following the pointer again. A pointer is built only
 * for a number found (most of the walk passes through lists and objects).
 */
export function numberPlaces(kind: KindName, data: unknown): { decimal: NumberPlace[]; integer: NumberPlace[] } {
  const schema = schemaOf(kind);
  const found: Found = { decimal: new Map(), integer: new Map() };
  walk(compile(schema, schema), data, undefined, '', [], found);
  return { decimal: [...found.decimal.values()], integer: [...found.integer.values()] };
}

interface Found {
  decimal: Map<string, NumberPlace>;
  integer: Map<string, NumberPlace>;
}

interface Compiled {
  decimal: boolean;
  integer: boolean;
  /** Whether this node or any below it is a decimal or an integer. */
  relevant: boolean;
  branches: Compiled[];
  items?: Compiled;
  properties: Map<string, Compiled>;
  extra?: Compiled;
}

const compiled = new WeakMap<SchemaNode, Compiled>();

function compile(schema: SchemaNode, raw: SchemaNode): Compiled {
  const known = compiled.get(raw);
  if (known) return known;
  const node = deref(schema, raw);
  const c: Compiled = {
    decimal: node['x-decimal'] !== undefined, integer: node.type === 'integer', relevant: true, branches: [], properties: new Map(),
  };
  // Registered before its children, so a schema that refers back to itself ends.
  compiled.set(raw, c);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) for (const b of branches(node, keyword)) c.branches.push(compile(schema, b));
  const items = subschema(node, 'items');
  if (items) c.items = compile(schema, items);
  for (const [key, child] of Object.entries(members(node, 'properties'))) c.properties.set(key, compile(schema, child));
  const extra = subschema(node, 'additionalProperties');
  if (extra) c.extra = compile(schema, extra);
  c.relevant = c.decimal || c.integer || c.branches.some((b) => b.relevant) || c.items?.relevant === true
    || [...c.properties.values()].some((p) => p.relevant) || c.extra?.relevant === true;
  return c;
}

function walk(c: Compiled, data: unknown, holder: NumberPlace['holder'] | undefined, key: string | number, path: string[], found: Found): void {
  if (data === undefined || !c.relevant) return;
  if (typeof data === 'number' && holder !== undefined && (c.decimal || c.integer)) {
    const pointer = path.length === 0 ? '' : `/${path.join('/')}`;
    if (c.decimal) found.decimal.set(pointer, { pointer, holder, key });
    if (c.integer) found.integer.set(pointer, { pointer, holder, key });
  }
  for (const b of c.branches) walk(b, data, holder, key, path, found);
  if (Array.isArray(data)) {
    if (!c.items) return;
    for (let i = 0; i < data.length; i++) {
      path.push(String(i));
      walk(c.items, data[i], data, i, path, found);
      path.pop();
    }
    return;
  }
  if (typeof data !== 'object' || data === null) return;
  const object = data as Record<string, unknown>;
  for (const k of Object.keys(object)) {
    const child = c.properties.get(k) ?? c.extra;
    if (!child?.relevant) continue;
    path.push(token(k));
    walk(child, object[k], object, k, path, found);
    path.pop();
  }
}

function token(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}
