// Normalised values: the one form both sides of the diff are brought into, so
// that "5000.00" from YAML equals numeric '5000.0000' from PostgreSQL, a
// timestamp equals itself whatever zone notation, and jsonb compares by
// content rather than key order. Pure; never touches I/O.

import { dataObject } from '../model/data-object.js';
import { canonicalDecimal } from '../model/decimal.js';
import type { FieldInfo } from '../model/schemas.js';

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

/** Bring one value into its canonical form for the field's type. */
export function normalise(field: Pick<FieldInfo, 'type'>, raw: unknown): Value {
  if (raw === undefined || raw === null) return null;
  switch (field.type) {
    case 'decimal':
      return canonicalDecimal(String(raw)) ?? String(raw);
    case 'integer':
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(n) ? n : String(raw);
    }
    case 'boolean':
      return typeof raw === 'boolean' ? raw : raw === 'true' || raw === 't';
    case 'date':
      return normaliseDate(raw);
    case 'date-time':
      return normaliseDateTime(raw);
    case 'json':
      return canonicalJson(raw);
    default:
      return typeof raw === 'string' ? raw : String(raw);
  }
}

function normaliseDate(raw: unknown): string {
  if (raw instanceof Date) return raw.toISOString().slice(0, 10);
  return String(raw).slice(0, 10);
}

/** Timestamps compare as instants in UTC; a value without a zone is taken as UTC. */
function normaliseDateTime(raw: unknown): string {
  if (raw instanceof Date) return raw.toISOString();
  const text = String(raw).trim().replace(' ', 'T');
  const zoned = /([zZ]|[+-]\d{2}(:?\d{2})?)$/.test(text) ? text : `${text}Z`;
  const withColon = zoned.replace(/([+-]\d{2})$/, '$1:00');
  const ms = Date.parse(withColon);
  return Number.isNaN(ms) ? String(raw) : new Date(ms).toISOString();
}

/** JSON with object keys sorted, recursively, and no undefined. */
export function canonicalJson(raw: unknown): Value {
  if (raw === null || raw === undefined) return null;
  if (Array.isArray(raw)) return raw.map(canonicalJson);
  if (typeof raw === 'object') {
    const keys = Object.keys(raw as object).sort();
    const out = dataObject<Value>(keys, true);
    for (const key of keys) {
      const v = (raw as Record<string, unknown>)[key];
      if (v === undefined) continue;
      // Assigning `__proto__` would set the prototype and drop the key (jsonb can hold one).
      if (key === '__proto__') Object.defineProperty(out, key, { value: canonicalJson(v), writable: true, enumerable: true, configurable: true });
      else out[key] = canonicalJson(v);
    }
    return out;
  }
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  return String(raw);
}

/**
 * An empty record keyed by names from the config or the database (a rating
 * plan's name): without a prototype, so every name, `__proto__` too, is a
 * key of its own and none reads as an inherited member (`constructor`).
 */
export function namedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The value a record holds under `key` as its own, not one inherited (a record read from a plan file has a prototype). */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Deterministic text of a value: equal values give equal text. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(canonicalJson(value));
}

export function valuesEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return a === b || (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return stableStringify(a) === stableStringify(b);
}
