// The rate-increase notice guard's question: does a change of a plan's
// rates bill some number more, sooner than the notice period allows?
//
// A call is rated by the longest prefix of its number that has a rate in
// effect on the day (the latest effectiveDate not after the day, an undated
// rate always; a rate stops on its endDate). So a change raises a price not
// only when a row's rate goes up: a new, longer prefix priced above the one
// that covered its numbers (a code split), and a deleted prefix whose
// numbers fall back to a dearer shorter one, raise it too. Comparing rows of
// one prefix only would miss both.
//
// Judged here: each prefix the change writes or deletes stands for the
// numbers it leads to that no longer prefix takes over; for each, on today
// and on every day before the horizon (today + noticeDays) that a row of it
// or of a shorter prefix starts or stops, the row rating those numbers
// before the change is compared with the row rating them after. Numbers led
// to by no changed prefix are rated by the same row before and after. A
// number with no rate before has no price to go up from; one with no rate
// after is cut off, not billed more (the delete guards' business).

import { compareDecimal } from '../model/decimal.js';
import { addDays, type PricedField } from './rates-diff.js';
import type { RateRows } from './state.js';

export interface RateIncrease {
  /** The changed prefix whose numbers are billed more. */
  prefix: string;
  /** When: the effectiveDate of the row rating them after (null: undated, in effect now), or the day the price goes up. */
  effectiveDate: string | null;
  field: PricedField;
  from: string;
  to: string;
  /** The prefix of the row that rated those numbers before, when it is not `prefix` (a code split). */
  fromPrefix?: string;
  /** The prefix of the row that rates them after, when it is not `prefix` (a deleted prefix's fallback). */
  toPrefix?: string;
}

/** The keys of the live rows a change deletes (RateOps.remove). */
export interface RemovedKeys {
  prefix: readonly string[];
  effectiveDate: ReadonlyArray<string | null>;
}

/** Each prefix with every shorter prefix of it: the rows that can rate a changed prefix's numbers. */
export function coveringPrefixes(prefixes: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of prefixes) {
    for (let k = p.length; k >= 1; k--) {
      const q = p.slice(0, k);
      if (out.has(q)) break;
      out.add(q);
    }
  }
  return out;
}

/** The prefixes a change writes or deletes rows of. */
export function changedPrefixes(written: RateRows, removed: RemovedKeys): Set<string> {
  return new Set([...written.prefix, ...removed.prefix]);
}

/**
 * The rows of one side by prefix: a live row is its index (>= 0), a written
 * one -1 - its index; one row as the number itself, more as an array (most
 * prefixes have one row, and a million arrays are memory for nothing).
 */
type Slot = number | number[];

class Side {
  readonly rows = new Map<string, Slot>();
  constructor(private readonly live: RateRows, private readonly written: RateRows) {}

  add(prefix: string, r: number): void {
    const slot = this.rows.get(prefix);
    if (slot === undefined) this.rows.set(prefix, r);
    else if (typeof slot === 'number') this.rows.set(prefix, [slot, r]);
    else slot.push(r);
  }

  deck(r: number): RateRows {
    return r >= 0 ? this.live : this.written;
  }

  eff(r: number): string {
    return (r >= 0 ? this.live.effectiveDate[r] : this.written.effectiveDate[-1 - r]) ?? '';
  }

  end(r: number): string | null {
    return (r >= 0 ? this.live.endDate[r] : this.written.endDate[-1 - r]) ?? null;
  }

  /** The row rating the numbers of `prefix` on `day`: of the longest prefix of it with a row in effect then, the latest-dated. */
  ratingRow(prefix: string, day: string): { row: number; prefix: string } | undefined {
    for (let k = prefix.length; k >= 1; k--) {
      const q = k === prefix.length ? prefix : prefix.slice(0, k);
      const slot = this.rows.get(q);
      if (slot === undefined) continue;
      let best: number | undefined;
      for (const r of typeof slot === 'number' ? [slot] : slot) {
        const eff = this.eff(r);
        const end = this.end(r);
        if (eff > day || (end !== null && end <= day)) continue;
        if (best === undefined || eff > this.eff(best)) best = r;
      }
      if (best !== undefined) return { row: best, prefix: q };
    }
    return undefined;
  }

  /**
   * Adds to `days` the starts and ends of the rows of `q` strictly between
   * today and the horizon; whether one of them is in effect on every day of
   * that period (then no shorter prefix rates the numbers of `q` then).
   */
  daysOf(q: string, today: string, horizon: string, days: string[]): boolean {
    const slot = this.rows.get(q);
    if (slot === undefined) return false;
    let throughout = false;
    for (const r of typeof slot === 'number' ? [slot] : slot) {
      const eff = this.eff(r);
      const end = this.end(r);
      if (eff > today && eff < horizon) days.push(eff);
      if (end !== null && end > today && end < horizon) days.push(end);
      if (eff <= today && (end === null || end >= horizon)) throughout = true;
    }
    return throughout;
  }
}

/**
 * Price increases that take effect sooner than the notice period allows.
 * `written` are the rows the change writes (added rates and new values of
 * live keys), `removed` the live keys it deletes; `live` holds at least the
 * live rows of every prefix in coveringPrefixes(changedPrefixes(...)) (more
 * is fine). A price goes up when the rate or the connection fee is higher
 * (no fee counts as 0), or the billing intervals are longer (an interval
 * left to the plan's default is not compared). Sorted by prefix.
 */
export function increasesWithoutNotice(
  written: RateRows, removed: RemovedKeys, live: RateRows, today: string, noticeDays: number,
): RateIncrease[] {
  // No notice needed (every day of the period is before today), or no live rate to go up from (a first apply).
  if (noticeDays <= 0 || live.prefix.length === 0) return [];
  const changed = changedPrefixes(written, removed);
  if (changed.size === 0) return [];
  const horizon = addDays(today, noticeDays);
  const covering = coveringPrefixes(changed);
  const key = (prefix: string, date: string | null) => `${prefix}|${date ?? ''}`;
  // The live keys the change deletes or writes over.
  const gone = new Set<string>();
  for (let k = 0; k < removed.prefix.length; k++) gone.add(key(removed.prefix[k], removed.effectiveDate[k]));
  for (let i = 0; i < written.prefix.length; i++) gone.add(key(written.prefix[i], written.effectiveDate[i]));

  const before = new Side(live, written);
  const after = new Side(live, written);
  for (let j = 0; j < live.prefix.length; j++) {
    const p = live.prefix[j];
    if (!covering.has(p)) continue;
    before.add(p, j);
    if (!gone.has(key(p, live.effectiveDate[j]))) after.add(p, j);
  }
  for (let i = 0; i < written.prefix.length; i++) after.add(written.prefix[i], -1 - i);

  const out: RateIncrease[] = [];
  for (const p of changed) {
    // The days the rating of p's numbers can change on before the horizon: today, and each start
    // or end of a row of p or of a shorter prefix, down to one in effect all along on both sides.
    const days = [today];
    for (let k = p.length; k >= 1; k--) {
      const q = k === p.length ? p : p.slice(0, k);
      const a = before.daysOf(q, today, horizon, days);
      const b = after.daysOf(q, today, horizon, days);
      if (a && b) break;
    }
    if (days.length > 1) days.sort();
    // One report per field and pair of rows, on the first day it bills more.
    const seen = days.length > 1 ? new Set<string>() : undefined;
    for (let d = 0; d < days.length; d++) {
      const day = days[d];
      if (d > 0 && day === days[d - 1]) continue;
      const was = before.ratingRow(p, day);
      const now = after.ratingRow(p, day);
      if (!was || !now) continue;
      const x = before.deck(was.row);
      const i = was.row >= 0 ? was.row : -1 - was.row;
      const y = after.deck(now.row);
      const j = now.row >= 0 ? now.row : -1 - now.row;
      const found = (field: PricedField, from: string, to: string) => {
        if (seen) {
          const id = `${field}|${was.row}|${now.row}`;
          if (seen.has(id)) return;
          seen.add(id);
        }
        const increase: RateIncrease = { prefix: p, effectiveDate: day === today ? (y.effectiveDate[j] ?? null) : day, field, from, to };
        if (was.prefix !== p) increase.fromPrefix = was.prefix;
        if (now.prefix !== p) increase.toPrefix = now.prefix;
        out.push(increase);
      };
      if (compareDecimal(y.rate[j], x.rate[i]) > 0) found('rate', x.rate[i], y.rate[j]);
      const fee = y.connectionFee[j] ?? '0';
      const wasFee = x.connectionFee[i] ?? '0';
      if (compareDecimal(fee, wasFee) > 0) found('connectionFee', wasFee, fee);
      for (const field of ['initialInterval', 'recurringInterval'] as const) {
        const want = y[field][j];
        const have = x[field][i];
        if (want != null && have != null && want > have) found(field, String(have), String(want));
      }
    }
  }
  // By prefix; a prefix's own reports stay in the order found (by day).
  return out.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
}
