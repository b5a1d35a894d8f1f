// Normalised values: the one form both sides of the diff are brought into, so
// that "5000.00" from YAML equals numeric '5000.0000' from PostgreSQL, a
// timestamp equals itself whatever zone notation, and jsonb compares by
// content rather than key order. Pure; never touches I/O.

import { dataObject, setData } from '../model/data-object.js';
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
      // jsonb can hold a key `__proto__`: it stays data (setData).
      if (v !== undefined) setData(out, key, canonicalJson(v));
    }
    return out;
  }
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return raw;
  return String(raw);
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
