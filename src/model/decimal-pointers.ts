// Finds where in a document the schema expects an exact decimal or an
// integer, by walking the schema and the data together (through $ref,
// arrays, nested objects and allOf/anyOf/oneOf branches). The loader uses it
// to put back the digits the user wrote in place of a YAML number's float
// before validation, and validation to keep integers within their column.
// It must never read or change a value: it only reports pointers.
//
// Each schema node is compiled once (its $ref resolved, its branches and
// properties listed, whether anything below it is a decimal or an integer),
// so ten thousand documents walk only the parts of the schema that can hold
// a number.

import type { KindName } from './kinds.js';
import { branches, deref, members, schemaOf, subschema, type SchemaNode } from './schema-files.js';

/** JSON Pointers of the values in `data` whose schema carries `x-decimal`. */
export function decimalPointers(kind: KindName, data: unknown): string[] {
  return numberPointers(kind, data).decimal;
}

/** JSON Pointers of the values in `data` whose schema is `type: integer` (an `integer` column). */
export function integerPointers(kind: KindName, data: unknown): string[] {
  return numberPointers(kind, data).integer;
}

/** Both, in one walk. */
export function numberPointers(kind: KindName, data: unknown): { decimal: string[]; integer: string[] } {
  const schema = schemaOf(kind);
  const found = { decimal: new Set<string>(), integer: new Set<string>() };
  walk(compile(schema, schema), data, '', found);
  return { decimal: [...found.decimal], integer: [...found.integer] };
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

function walk(c: Compiled, data: unknown, pointer: string, found: { decimal: Set<string>; integer: Set<string> }): void {
  if (data === undefined || !c.relevant) return;
  if (c.decimal) found.decimal.add(pointer);
  if (c.integer) found.integer.add(pointer);
  for (const b of c.branches) walk(b, data, pointer, found);
  if (Array.isArray(data)) {
    if (c.items) data.forEach((element, i) => walk(c.items!, element, `${pointer}/${i}`, found));
    return;
  }
  if (typeof data !== 'object' || data === null) return;
  for (const key of Object.keys(data)) {
    const child = c.properties.get(key) ?? c.extra;
    if (child?.relevant) walk(child, (data as Record<string, unknown>)[key], `${pointer}/${token(key)}`, found);
  }
}

function token(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}
