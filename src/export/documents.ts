// Live objects back into config documents: `kind` first, then the fields in
// the order of the kind's JSON Schema, null values and schema defaults left
// out (a NULL where the schema has a default is written as null, so it
// stays NULL), references as natural keys, nested parts as lists or
// objects. Pure: the inverse of reconcile/desired.ts, so that "export then
// plan" is empty.

import type { KindName } from '../model/kinds.js';
import type { FieldInfo } from '../model/schemas.js';
import { deref, members, schemaOf } from '../model/schema-files.js';
import { stateFields, type ObjectState, type StateField } from '../reconcile/state.js';
import { stableStringify, type Value } from '../reconcile/values.js';

/** A document as plain data, `kind` first. */
export type ConfigDocument = { kind: KindName } & Record<string, unknown>;

export function toDocument(obj: ObjectState): ConfigDocument {
  const doc: ConfigDocument = { kind: obj.kind };
  for (const f of documentFields(obj.kind)) {
    const value = obj.fields[f.name] ?? null;
    const out = fieldValue(f, value);
    if (out !== undefined) doc[f.name] = out;
  }
  return doc;
}

/** A field's value as written in a document, or undefined when the document leaves it out. */
export function fieldValue(f: StateField, value: Value): unknown {
  // NULL where the schema has a default is written as null: left out, the field would mean the default.
  if (value === null) return f.part === 'column' && hasDefault(f.info) ? null : undefined;
  if (f.part === 'column') return isDefault(f.info, value) ? undefined : exportValue(f.info, value);
  if (f.part === 'reference') return value;
  if (Array.isArray(value)) return value.length > 0 ? value.map((e) => element(f.fields, e)) : undefined;
  return element(f.fields, value);
}

/** One nested element (a contact, a codec, a rate) as written: defaults and nulls left out. */
export function element(fields: readonly FieldInfo[], value: Value): Record<string, unknown> {
  const src = (value ?? {}) as Record<string, Value>;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = src[f.name] ?? null;
    if (v === null) {
      if (hasDefault(f)) out[f.name] = null;
      continue;
    }
    if (isDefault(f, v)) continue;
    out[f.name] = exportValue(f, v);
  }
  return out;
}

function hasDefault(info: FieldInfo): boolean {
  return info.default !== undefined && info.default !== null;
}

function isDefault(info: FieldInfo, value: Value): boolean {
  return info.default !== undefined && stableStringify(info.default) === stableStringify(value);
}

/** Decimals are written as strings, so their digits survive any YAML reader. */
export function exportValue(info: Pick<FieldInfo, 'type'>, value: Value): unknown {
  if (info.type === 'decimal') return String(value);
  return value;
}

const fieldOrder = new Map<KindName, readonly StateField[]>();

/** The kind's state fields in the order of its schema's properties. */
export function documentFields(kind: KindName): readonly StateField[] {
  const known = fieldOrder.get(kind);
  if (known) return known;
  const schema = schemaOf(kind);
  const names = Object.keys(members(deref(schema, schema), 'properties'));
  const rank = (name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? names.length : i;
  };
  const ordered = [...stateFields(kind)].sort((a, b) => rank(a.name) - rank(b.name));
  fieldOrder.set(kind, ordered);
  return ordered;
}

/** Schema position of each top-level property of a kind (for placing a new key among existing ones). */
export function propertyRank(kind: KindName): (name: string) => number {
  const schema = schemaOf(kind);
  const names = Object.keys(members(deref(schema, schema), 'properties'));
  return (name) => names.indexOf(name);
}
