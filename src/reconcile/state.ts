// The interim model both sides of the diff are turned into (desired from
// YAML, live from the database, last-applied from didsync's bookkeeping):
// one ObjectState per object, fields by their YAML names, references as
// natural keys, nested parts as normalised lists or objects, rates aside in
// columnar form. Runtime-owned columns never enter it, so they can never be
// diffed or written.

import type { RateDeck } from '../load/types.js';
import { kindSpec, type KindName, type NestedPart } from '../model/kinds.js';
import { columnFields, nestedFields, type FieldInfo } from '../model/schemas.js';
import { normalise, stableStringify, type Value } from './values.js';

export interface ObjectState {
  kind: KindName;
  key: string;
  /** Field name -> normalised value; every field of the kind is present (null when unset). */
  fields: Record<string, Value>;
}

export interface LiveObject extends ObjectState {
  rowId: string;
  shortCode: string | null;
  /** Whether didsync manages the row (created or adopted it). */
  managed: boolean;
  /** Runtime values the guards need (balances), never diffed. */
  runtime: Record<string, Value>;
}

/** Rates in normalised columnar form (a deck without its source positions); index i across the arrays is one rate. */
export type RateRows = Omit<RateDeck, 'file' | 'line' | 'text'>;

export const EMPTY_RATES = (): RateRows => ({
  prefix: [], destination: [], rate: [], connectionFee: [], initialInterval: [],
  recurringInterval: [], effectiveDate: [], endDate: [],
});

/**
 * Rows that stand, on both sides of the diff, for a plan's rates known equal
 * in git and in the database without being read (a known deck whose live
 * fingerprint is the one recorded at its last apply). The diff sees the one
 * object on both sides and compares nothing; any code that reads its rows
 * is a bug, and throws rather than taking them for an empty deck.
 */
export function unreadRates(key: string): RateRows {
  const rows = {} as RateRows;
  for (const column of ['prefix', 'destination', 'rate', 'connectionFee', 'initialInterval', 'recurringInterval', 'effectiveDate', 'endDate'] as const) {
    Object.defineProperty(rows, column, {
      enumerable: true,
      get() {
        throw new Error(`internal error: the rates of rating plan ${key} were not read, but ${column} was asked for`);
      },
    });
  }
  return rows;
}

/** Rows that are a window of a plan's rates (rateWindow), with the count of all its rates. */
const windowCounts = new WeakMap<RateRows, number>();

/**
 * Marks `rows` as a window of a plan's rates, which has `count` rates in
 * all: the rows of some prefixes, where the rest is known equal on both
 * sides of the diff without being read (a deck changed by some lines against
 * the undrifted deck applied last: applied-decks.ts windowsByLines). Every
 * row a change writes or deletes, and every row the guards judge it by, is
 * in the window; what counts a plan's rates asks rateCount.
 */
export function rateWindow(rows: RateRows, count: number): RateRows {
  windowCounts.set(rows, count);
  return rows;
}

/** How many rates a plan has: the rows given, or all of those a window stands in (rateWindow). */
export function rateCount(rows: RateRows): number {
  return windowCounts.get(rows) ?? rows.prefix.length;
}

/** What the database holds for the managed tables. */
export interface LiveState {
  /** `${kind}\u0000${key}` -> objects (more than one means the live data is ambiguous). */
  objects: Map<string, LiveObject[]>;
  /** Live rates per rating plan key, read only for the plans the caller asked for. */
  rates: Map<string, RateRows>;
  /** Fingerprint of every plan's live rates (fingerprint.ts), read or not; set by readLive. */
  rateFingerprints?: Map<string, string>;
}

/** What didsync last applied, per managed object. */
export interface AppliedObject {
  kind: KindName;
  key: string;
  rowId: string;
  fields: Record<string, Value>;
}

export interface AppliedState {
  objects: Map<string, AppliedObject>;
  /** Last applied rates per rating plan key (only for plans asked for). */
  rates: Map<string, RateRows>;
}

export function objectId(kind: KindName, key: string): string {
  return `${kind}\u0000${key}`;
}

/** One entry of a kind's state, in the order fields are shown. */
export type StateField =
  | { name: string; part: 'column'; info: FieldInfo }
  | { name: string; part: 'reference' }
  | { name: string; part: 'nested'; nested: NestedPart; fields: readonly FieldInfo[] };

const stateFieldCache = new Map<KindName, StateField[]>();

/** The fields of a kind's ObjectState: columns, references, nested parts. */
export function stateFields(kind: KindName): readonly StateField[] {
  const cached = stateFieldCache.get(kind);
  if (cached) return cached;
  const spec = kindSpec(kind);
  const refs = spec.references.map((r): StateField => ({ name: r.field, part: 'reference' }));
  const cols = columnFields(kind).map((info): StateField => ({ name: info.name, part: 'column', info }));
  const nested = spec.nested.map((n): StateField => ({
    name: n.field, part: 'nested', nested: n, fields: nestedFields(kind, n.field),
  }));
  // Identity first (as written in YAML), then the rest in schema order.
  const all = [...refs, ...cols, ...nested];
  const ordered = [
    ...spec.identity.map((f) => all.find((s) => s.name === f)).filter((s): s is StateField => !!s),
    ...all.filter((s) => !spec.identity.includes(s.name)),
  ];
  stateFieldCache.set(kind, ordered);
  return ordered;
}

/** Normalise one nested element (an object of nested fields) or null. */
export function normaliseElement(fields: readonly FieldInfo[], raw: unknown): Value {
  if (raw === null || raw === undefined || typeof raw !== 'object') return null;
  const src = raw as Record<string, unknown>;
  const out: { [k: string]: Value } = {};
  for (const f of fields) out[f.name] = normalise(f, src[f.name] === undefined ? f.default : src[f.name]);
  return out;
}

/**
 * Normalise a nested part: `one` -> element or null; `many` -> list of
 * elements, in list order when the part is ordered (codecs), else sorted by
 * key so that reordering a YAML list is not a change.
 */
export function normaliseNested(part: NestedPart, fields: readonly FieldInfo[], raw: unknown): Value {
  if (part.cardinality === 'one') return normaliseElement(fields, raw);
  const list = Array.isArray(raw) ? raw.map((e) => normaliseElement(fields, e)) : [];
  if (part.orderColumn) return list;
  return sortByKey(list, part.key);
}

function sortByKey(list: Value[], key: readonly string[]): Value[] {
  const keyOf = (v: Value) => stableStringify(key.map((k) => (v as Record<string, Value>)?.[k] ?? null));
  return [...list].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}
