// The validator's view of one document once its kind is known: the source
// (for positions), the kind's spec, a private copy of the data (decimals
// replaced by their source text, so the loader's values are never mutated)
// and the pointers already reported, so a later stage does not report the
// same value twice. Also the words messages use for kinds and identities.

import type { SourceDocument } from '../load/types.js';
import { dataObject } from '../model/data-object.js';
import type { KindName, KindSpec } from '../model/kinds.js';
import { visible } from './confusable.js';

export interface TypedDocument {
  doc: SourceDocument;
  spec: KindSpec;
  kind: KindName;
  /** Copy of doc.data with null-prototype objects; decimals as written text after the schema stage. */
  data: Record<string, unknown>;
  /** Identity as printed (`ACME/lon-1`), set when every identity field is a non-empty string. */
  key?: string;
  /** Pointers with a problem already: schema, decimal, runtime or rate-cell. */
  reported: Set<string>;
}

const KIND_WORDS: Record<KindName, string> = {
  Carrier: 'carrier',
  Interconnect: 'interconnect',
  Service: 'service',
  RatingPlan: 'rating plan',
  CustomerCategory: 'customer category',
  CustomerGroup: 'customer group',
  Settings: 'Settings',
};

export function kindWord(kind: KindName): string {
  return KIND_WORDS[kind];
}

/** A name as a message shows it: bare when plain, quoted otherwise, invisible characters spelled out. */
export function shownName(name: string): string {
  return /^[A-Za-z0-9_.:\/-]+$/.test(name) ? name : `'${visible(name)}'`;
}

/** `carrier ACME`, `rating plan 'UK Retail'`. */
export function describe(td: TypedDocument): string {
  return td.key === undefined ? kindWord(td.kind) : `${kindWord(td.kind)} ${shownName(td.key)}`;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A deep copy with null-prototype objects, so a `__proto__` key stays plain data. */
export function copyData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyData);
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const out = dataObject(keys);
    for (const k of keys) out[k] = copyData((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/** True when the pointer, or a pointer above it, was already reported. */
export function alreadyReported(td: TypedDocument, pointer: string): boolean {
  if (td.reported.has(pointer)) return true;
  for (let i = pointer.lastIndexOf('/'); i > 0; i = pointer.lastIndexOf('/', i - 1)) {
    if (td.reported.has(pointer.slice(0, i))) return true;
  }
  return false;
}
