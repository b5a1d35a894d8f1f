// The set difference of two rate decks, keyed by prefix + effectiveDate
// (CONTRACT §1). Pure and columnar: a million rates are compared through one
// Map of keys, never a million objects.

import { compareDecimal } from '../model/decimal.js';
import type { RateRows } from './state.js';

export interface RatesDelta {
  /** Indices into the desired rows. */
  added: number[];
  /** Pairs [desired index, live index] whose values differ. */
  changed: Array<[number, number]>;
  /** Indices into the live rows. */
  removed: number[];
}

export function rateKey(rows: RateRows, i: number): string {
  return `${rows.prefix[i]}|${rows.effectiveDate[i] ?? ''}`;
}

function rateValue(rows: RateRows, i: number): string {
  return `${rows.destination[i]}\u0001${rows.rate[i]}\u0001${rows.connectionFee[i] ?? ''}\u0001${rows.initialInterval[i] ?? ''}\u0001${rows.recurringInterval[i] ?? ''}\u0001${rows.endDate[i] ?? ''}`;
}

export function diffRates(desired: RateRows, live: RateRows): RatesDelta {
  // The same deck (a plan whose rates were skipped as unchanged): nothing to compare.
  if (desired === live) return { added: [], changed: [], removed: [] };
  const liveIndex = new Map<string, number>();
  for (let i = 0; i < live.prefix.length; i++) liveIndex.set(rateKey(live, i), i);
  const added: number[] = [];
  const changed: Array<[number, number]> = [];
  const seen = new Uint8Array(live.prefix.length);
  for (let i = 0; i < desired.prefix.length; i++) {
    const j = liveIndex.get(rateKey(desired, i));
    if (j === undefined) {
      added.push(i);
      continue;
    }
    seen[j] = 1;
    if (rateValue(desired, i) !== rateValue(live, j)) changed.push([i, j]);
  }
  const removed: number[] = [];
  for (let j = 0; j < seen.length; j++) if (!seen[j]) removed.push(j);
  return { added, changed, removed };
}

export function deltaIsEmpty(d: RatesDelta): boolean {
  return d.added.length === 0 && d.changed.length === 0 && d.removed.length === 0;
}

/** One rate as shown in a plan. */
export interface RateSample {
  prefix: string;
  effectiveDate: string | null;
  destination: string;
  from?: string;
  to?: string;
}

/** The first `n` changes of each sort, ordered by prefix, for display. */
export function sampleDelta(desired: RateRows, live: RateRows, d: RatesDelta, n: number): {
  added: RateSample[]; changed: RateSample[]; removed: RateSample[];
} {
  const byPrefix = (rows: RateRows) => (a: number, b: number) => (rows.prefix[a] < rows.prefix[b] ? -1 : rows.prefix[a] > rows.prefix[b] ? 1 : 0);
  const first = (idx: number[], rows: RateRows) => [...idx].sort(byPrefix(rows)).slice(0, n);
  return {
    added: first(d.added, desired).map((i) => ({
      prefix: desired.prefix[i], effectiveDate: desired.effectiveDate[i], destination: desired.destination[i], to: desired.rate[i],
    })),
    changed: [...d.changed].sort((a, b) => byPrefix(desired)(a[0], b[0])).slice(0, n).map(([i, j]) => ({
      prefix: desired.prefix[i], effectiveDate: desired.effectiveDate[i], destination: desired.destination[i],
      from: live.rate[j], to: desired.rate[i],
    })),
    removed: first(d.removed, live).map((j) => ({
      prefix: live.prefix[j], effectiveDate: live.effectiveDate[j], destination: live.destination[j], from: live.rate[j],
    })),
  };
}

export interface RateIncrease {
  prefix: string;
  effectiveDate: string | null;
  from: string;
  to: string;
}

/**
 * Rates that go up sooner than the notice period allows. The reference for
 * a prefix is the live rate in effect on `today` (the latest effectiveDate
 * not after today; an undated rate counts as always in effect). A desired
 * rate (added or changed) above it, effective before today + noticeDays
 * (undated means now), is an increase without notice.
 */
export function increasesWithoutNotice(
  desired: RateRows, live: RateRows, d: RatesDelta, today: string, noticeDays: number,
): RateIncrease[] {
  const horizon = addDays(today, noticeDays);
  const current = new Map<string, { date: string; rate: string }>();
  for (let j = 0; j < live.prefix.length; j++) {
    const date = live.effectiveDate[j] ?? '';
    if (date > today) continue;
    const prev = current.get(live.prefix[j]);
    if (!prev || date >= prev.date) current.set(live.prefix[j], { date, rate: live.rate[j] });
  }
  const out: RateIncrease[] = [];
  const consider = (i: number) => {
    const effective = desired.effectiveDate[i];
    if (effective != null && effective >= horizon) return;
    const ref = current.get(desired.prefix[i]);
    if (ref && compareDecimal(desired.rate[i], ref.rate) > 0) {
      out.push({ prefix: desired.prefix[i], effectiveDate: effective, from: ref.rate, to: desired.rate[i] });
    }
  };
  for (const i of d.added) consider(i);
  for (const [i] of d.changed) consider(i);
  return out.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
}

export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
