// Rate decks as CSV text (CONTRACT §1, Rates CSV): a whole deck for export,
// and single rows and cells for the write-back editor. Pure.

import { RATE_COLUMNS, type RateColumn } from '../load/types.js';
import type { RateRows } from '../reconcile/state.js';
import { compareKeys } from '../reconcile/rates-diff.js';

const OPTIONAL: readonly RateColumn[] = ['connectionFee', 'initialInterval', 'recurringInterval', 'effectiveDate', 'endDate'];

/** Rates as CSV: the optional columns only when some row uses them; rows sorted by prefix, date. */
export function ratesCsv(deck: RateRows | undefined): string {
  const n = deck?.prefix.length ?? 0;
  const columns: RateColumn[] = ['prefix', 'destination', 'rate', ...OPTIONAL.filter((c) => deck && deck[c].some((v) => v !== null))];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => compareKeys(deck!, a, deck!, b));
  const lines = [columns.join(',')];
  for (const i of order) lines.push(columns.map((c) => rateCell(c, deck![c][i])).join(','));
  return `${lines.join('\n')}\n`;
}

/** One cell as written: empty for none, text quoted when it must be. */
export function rateCell(column: RateColumn, value: string | number | null): string {
  if (value === null) return '';
  return column === 'destination' ? csvText(String(value)) : String(value);
}

export function csvText(s: string): string {
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function isRateColumn(name: string): name is RateColumn {
  return (RATE_COLUMNS as readonly string[]).includes(name);
}
