// The set difference of two rate decks, keyed by prefix + effectiveDate
// (CONTRACT §1). Pure and columnar: a million rates are compared through one
// Map of keys, never a million objects.

import type { RateRows } from './state.js';

export interface RatesDelta {
  /** Indices into the desired rows. */
  added: number[];
  /** The rows of one key whose values differ, by desired index. */
  changed: RatePairs;
  /** Indices into the live rows. */
  removed: number[];
}

/**
 * Rows paired across two decks: desired row `desired[k]` with live row
 * `live[k]`. Two columns of numbers, not an array per pair: a deck repriced
 * in full has a million pairs, which as arrays took 64 MB.
 */
export interface RatePairs {
  desired: number[];
  live: number[];
}

function noPairs(): RatePairs {
  return { desired: [], live: [] };
}

export function rateKey(rows: RateRows, i: number): string {
  return `${rows.prefix[i]}|${rows.effectiveDate[i] ?? ''}`;
}

/** Whether row i of `a` and row j of `b` have the same key (prefix + effectiveDate). */
function sameKey(a: RateRows, i: number, b: RateRows, j: number): boolean {
  return a.prefix[i] === b.prefix[j] && same(a.effectiveDate[i], b.effectiveDate[j]);
}

/** Values equal as text, a missing one as the empty text. */
function same(x: string | number | null, y: string | number | null): boolean {
  return x === y || `${x ?? ''}` === `${y ?? ''}`;
}

/** Whether two rows of one key hold the same values (no string is built for equal values: a million rows pass here). */
function sameValues(a: RateRows, i: number, b: RateRows, j: number): boolean {
  return same(a.rate[i], b.rate[j]) && same(a.destination[i], b.destination[j]) && same(a.connectionFee[i], b.connectionFee[j])
    && same(a.initialInterval[i], b.initialInterval[j]) && same(a.recurringInterval[i], b.recurringInterval[j])
    && same(a.endDate[i], b.endDate[j]);
}

/** The most live rows of one prefix walked through per lookup before whole keys are mapped instead. */
const MAX_CHAIN = 16;

/**
 * A deck and the rows it was applied to usually list the same keys in the
 * same order (the live side comes sorted, and so do most decks), so rows at
 * the same position with the same key are paired at once; only the others
 * go through a map (pairByKey). Keys are unique on the desired side
 * (validation); were two live rows to share a key, one is paired and the
 * other removed, whichever the order.
 */
export function diffRates(desired: RateRows, live: RateRows): RatesDelta {
  // The same deck (a plan whose rates were skipped as unchanged): nothing to compare.
  if (desired === live) return { added: [], changed: noPairs(), removed: [] };
  const known = knownDeltas.get(live);
  if (known?.desired === desired) {
    const { added, changed, removed } = known.delta;
    return { added: [...added], changed: { desired: [...changed.desired], live: [...changed.live] }, removed: [...removed] };
  }
  const n = desired.prefix.length;
  const m = live.prefix.length;
  const pairs: Pairing = { desired: new Uint8Array(n), live: new Uint8Array(m), changed: noPairs(), added: [] };
  let unpaired = 0;
  for (let i = 0; i < Math.min(n, m); i++) {
    if (!sameKey(desired, i, live, i)) {
      unpaired++;
      continue;
    }
    pairs.desired[i] = 1;
    pairs.live[i] = 1;
    if (!sameValues(desired, i, live, i)) {
      pairs.changed.desired.push(i);
      pairs.changed.live.push(i);
    }
  }
  if (unpaired > 0 || n !== m) pairByKey(desired, live, pairs);
  const removed: number[] = [];
  for (let j = 0; j < m; j++) if (!pairs.live[j]) removed.push(j);
  return { added: pairs.added, changed: pairs.changed, removed };
}

/** Deltas found while the live rows were put together (applied-decks.ts), by the live rows they hold for. */
const knownDeltas = new WeakMap<RateRows, { desired: RateRows; delta: RatesDelta }>();

/**
 * Records that diffRates(desired, live) is `delta`, for rows whose maker
 * knows it already: live rows taken from git's deck at the lines the deck
 * applied last also has. A property test checks it against the comparison.
 */
export function rememberDelta(desired: RateRows, live: RateRows, delta: RatesDelta): void {
  knownDeltas.set(live, { desired, delta });
}

/** Rows paired so far (1 per paired index on each side), and what the pairing found. */
interface Pairing {
  desired: Uint8Array;
  live: Uint8Array;
  changed: RatePairs;
  added: number[];
}

/** Pairs the rows left unpaired by key; a desired row without a live one is added. */
function pairByKey(desired: RateRows, live: RateRows, pairs: Pairing): void {
  // The unpaired live rows by prefix, each chained to the previous one of its prefix: the prefixes
  // are strings already, so no key string is made per row.
  const m = live.prefix.length;
  const byPrefix = new Map<string, number>();
  const previous = new Int32Array(m).fill(-1);
  const depth = new Int32Array(m);
  let deepest = 0;
  for (let j = 0; j < m; j++) {
    if (pairs.live[j]) continue;
    previous[j] = byPrefix.get(live.prefix[j]) ?? -1;
    depth[j] = previous[j] < 0 ? 1 : depth[previous[j]] + 1;
    if (depth[j] > deepest) deepest = depth[j];
    byPrefix.set(live.prefix[j], j);
  }
  // Many dates under one prefix would make the chains long: then a map of whole keys.
  const byKey = deepest > MAX_CHAIN ? new Map<string, number>() : undefined;
  if (byKey) for (let j = 0; j < m; j++) if (!pairs.live[j]) byKey.set(rateKey(live, j), j);
  const lookUp = (i: number): number => {
    if (byKey) return byKey.get(rateKey(desired, i)) ?? -1;
    let j = byPrefix.get(desired.prefix[i]) ?? -1;
    while (j >= 0 && !same(live.effectiveDate[j], desired.effectiveDate[i])) j = previous[j];
    return j;
  };
  for (let i = 0; i < desired.prefix.length; i++) {
    if (pairs.desired[i]) continue;
    const j = lookUp(i);
    if (j < 0 || pairs.live[j]) {
      pairs.added.push(i);
      continue;
    }
    pairs.live[j] = 1;
    if (!sameValues(desired, i, live, j)) {
      pairs.changed.desired.push(i);
      pairs.changed.live.push(j);
    }
  }
  pairs.changed = inDesiredOrder(pairs.changed, desired.prefix.length);
}

/** The pairs by desired index (each desired row is in one pair at most; n desired rows). */
function inDesiredOrder(pairs: RatePairs, n: number): RatePairs {
  const liveOf = new Int32Array(n).fill(-1);
  for (let k = 0; k < pairs.desired.length; k++) liveOf[pairs.desired[k]] = pairs.live[k];
  const out = noPairs();
  for (let i = 0; i < n; i++) {
    if (liveOf[i] < 0) continue;
    out.desired.push(i);
    out.live.push(liveOf[i]);
  }
  return out;
}

export function deltaIsEmpty(d: RatesDelta): boolean {
  return d.added.length === 0 && d.changed.desired.length === 0 && d.removed.length === 0;
}

/** One rate as shown in a plan. */
export interface RateSample {
  prefix: string;
  effectiveDate: string | null;
  destination: string;
  from?: string;
  to?: string;
}

/** The first `n` changes of each sort, ordered by key, for display. */
export function sampleDelta(desired: RateRows, live: RateRows, d: RatesDelta, n: number): {
  added: RateSample[]; changed: RateSample[]; removed: RateSample[];
} {
  // By key (prefix, then date, undated first), so the samples do not depend on the order either side was read in.
  const first = (idx: readonly number[], rows: RateRows) => smallest(idx.length, n, (a, b) => compareKeys(rows, idx[a], rows, idx[b]));
  const { desired: changedDesired, live: changedLive } = d.changed;
  return {
    added: first(d.added, desired).map((k) => d.added[k]).map((i) => ({
      prefix: desired.prefix[i], effectiveDate: desired.effectiveDate[i], destination: desired.destination[i], to: desired.rate[i],
    })),
    changed: first(changedDesired, desired).map((k) => ({
      prefix: desired.prefix[changedDesired[k]], effectiveDate: desired.effectiveDate[changedDesired[k]], destination: desired.destination[changedDesired[k]],
      from: live.rate[changedLive[k]], to: desired.rate[changedDesired[k]],
    })),
    removed: first(d.removed, live).map((k) => d.removed[k]).map((j) => ({
      prefix: live.prefix[j], effectiveDate: live.effectiveDate[j], destination: live.destination[j], from: live.rate[j],
    })),
  };
}

/**
 * The positions 0..count-1 of the n least by `compare`, least first, the
 * earlier position first among equals (as a stable sort would give them):
 * one comparison for most positions, where sorting a million changes to
 * show twenty took a fifth of a second.
 */
export function smallest(count: number, n: number, compare: (a: number, b: number) => number): number[] {
  const out: number[] = [];
  if (n <= 0) return out;
  for (let k = 0; k < count; k++) {
    if (out.length === n) {
      if (compare(k, out[n - 1]) >= 0) continue;
      out[n - 1] = k;
    } else out.push(k);
    for (let p = out.length - 1; p > 0 && compare(out[p], out[p - 1]) < 0; p--) {
      const t = out[p];
      out[p] = out[p - 1];
      out[p - 1] = t;
    }
  }
  return out;
}

/** Orders rows by prefix, then effective date with the undated first (the order of the live rows read from the database). */
export function compareKeys(a: RateRows, i: number, b: RateRows, j: number): number {
  const p = a.prefix[i];
  const q = b.prefix[j];
  if (p !== q) return p < q ? -1 : 1;
  const d = a.effectiveDate[i] ?? '';
  const e = b.effectiveDate[j] ?? '';
  return d < e ? -1 : d > e ? 1 : 0;
}

/** What of a rate can go up: each is a price the carrier is billed. */
export type PricedField = 'rate' | 'connectionFee' | 'initialInterval' | 'recurringInterval';

/** The keys (prefix + effectiveDate) of the rows at `idx`: what a change deletes (RateOps.remove). */
export function keysAt(rows: RateRows, idx: readonly number[]): { prefix: string[]; effectiveDate: (string | null)[] } {
  return { prefix: idx.map((j) => rows.prefix[j]), effectiveDate: idx.map((j) => rows.effectiveDate[j]) };
}

/** The rows whose prefix is one of `prefixes`, in the order of `rows`. */
export function rowsOfPrefixes(rows: RateRows, prefixes: Iterable<string>): RateRows {
  const wanted = new Set(prefixes);
  const idx: number[] = [];
  for (let j = 0; j < rows.prefix.length; j++) if (wanted.has(rows.prefix[j])) idx.push(j);
  return pickRates(rows, idx);
}

/**
 * The rows at `idx` of a deck, in that order; then, when given, every row of
 * `after` (one copy, not two). Picking every row of one side in its order
 * gives that side itself, not a copy: nothing writes to a RateRows, and with
 * every rate changed a copy was 64 MB per million rows.
 */
export function pickRates(rows: RateRows, idx: readonly number[], after?: RateRows): RateRows {
  const noTail = after === undefined || after.prefix.length === 0;
  if (noTail && idx.length > 0 && idx.length === rows.prefix.length && isEveryRowInOrder(idx)) return rows;
  if (!noTail && idx.length === 0) return after;
  const sel = <T>(col: T[], tail: T[] | undefined) => {
    const out = new Array<T>(idx.length + (tail?.length ?? 0));
    for (let k = 0; k < idx.length; k++) out[k] = col[idx[k]];
    if (tail) for (let k = 0; k < tail.length; k++) out[idx.length + k] = tail[k];
    return out;
  };
  return {
    prefix: sel(rows.prefix, after?.prefix), destination: sel(rows.destination, after?.destination), rate: sel(rows.rate, after?.rate),
    connectionFee: sel(rows.connectionFee, after?.connectionFee), initialInterval: sel(rows.initialInterval, after?.initialInterval),
    recurringInterval: sel(rows.recurringInterval, after?.recurringInterval), effectiveDate: sel(rows.effectiveDate, after?.effectiveDate),
    endDate: sel(rows.endDate, after?.endDate),
  };
}

function isEveryRowInOrder(idx: readonly number[]): boolean {
  for (let k = 0; k < idx.length; k++) if (idx[k] !== k) return false;
  return true;
}

export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
