// Finds and reads the JSON Schemas in the repository's schemas/ folder, once.
// The folder is found by walking up from this module until a directory holds
// both schemas/ and package.json, so the same code works from src/ (tsx) and
// from dist/ (compiled). It must never modify a schema: every other module
// sees the parsed files exactly as written.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kindSpec, type KindName } from './kinds.js';

/** A JSON Schema node as read from disk. */
export type SchemaNode = { [keyword: string]: unknown };

let root: string | undefined;

/** The repository (package) root: the nearest ancestor holding schemas/ and package.json. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'schemas')) && existsSync(join(dir, 'package.json'))) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the schemas/ folder above the didsync module directory');
    dir = parent;
  }
}

/** Absolute path of a kind's schema file. */
export function schemaPath(kind: KindName): string {
  return join(packageRoot(), 'schemas', kindSpec(kind).schema);
}

const parsed = new Map<KindName, SchemaNode>();

/** The parsed schema of a kind (shared; callers must not mutate it). */
export function schemaOf(kind: KindName): SchemaNode {
  let schema = parsed.get(kind);
  if (!schema) {
    schema = JSON.parse(readFileSync(schemaPath(kind), 'utf8')) as SchemaNode;
    parsed.set(kind, schema);
  }
  return schema;
}

/** An object-valued keyword of a node (`properties`, `$defs`, ...), or an empty record. */
export function members(node: SchemaNode | undefined, keyword: string): Record<string, SchemaNode> {
  const value = node?.[keyword];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, SchemaNode>) : {};
}

/** A subschema-valued keyword (`items`, `additionalProperties`), when it is a schema object. */
export function subschema(node: SchemaNode | undefined, keyword: string): SchemaNode | undefined {
  const value = node?.[keyword];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as SchemaNode) : undefined;
}

/** The schemas of a list keyword (`allOf`, `anyOf`, `oneOf`). */
export function branches(node: SchemaNode | undefined, keyword: string): SchemaNode[] {
  const value = node?.[keyword];
  return Array.isArray(value) ? value.filter((v): v is SchemaNode => typeof v === 'object' && v !== null) : [];
}

/**
 * A node with a local `$ref` (`#/$defs/Contact`) replaced by its target; the
 * node's own keywords (a `description` beside the `$ref`) win over the
 * target's. Only references inside the same file are used by didsync's schemas.
 */
export function deref(schema: SchemaNode, node: SchemaNode): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  // Walks over a large inline rate list deref the same node per element.
  const cached = resolved.get(node);
  if (cached) return cached;
  const { $ref: _ref, ...own } = node;
  const merged = { ...deref(schema, resolvePointer(schema, ref)), ...own };
  resolved.set(node, merged);
  return merged;
}

const resolved = new WeakMap<SchemaNode, SchemaNode>();

/** The node a local reference (`#/$defs/Rate`) or schema pointer names. */
export function resolvePointer(schema: SchemaNode, ref: string): SchemaNode {
  if (!ref.startsWith('#')) throw new Error(`only local schema references are supported: ${ref}`);
  let node: unknown = schema;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined;
  }
  if (typeof node !== 'object' || node === null) throw new Error(`schema reference ${ref} names nothing`);
  return node as SchemaNode;
}
