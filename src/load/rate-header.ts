// Reads the header row of a rates CSV: which column holds which rate field.
// Names are exact (camelCase, as in the contract); an unknown name gets a
// "did you mean" and a missing required one stops the file. It must never
// guess a mapping for a misspelt column: a rate in the wrong column is money.

import { RATE_COLUMNS, type RateColumn } from './types.js';

export const REQUIRED_COLUMNS: readonly RateColumn[] = ['prefix', 'destination', 'rate'];
const HINTED_ISSUES = 1000;

export interface HeaderIssue {
  /** Index of the header cell concerned, or -1 for the header as a whole. */
  index: number;
  message: string;
  hint?: string;
}

export interface RateHeader {
  /** For each rate column, the index of its CSV field, or -1 when absent. */
  columns: Record<RateColumn, number>;
  issues: HeaderIssue[];
  /** False when a required column is missing: rows cannot be read. */
  usable: boolean;
}

export function readHeader(cells: string[]): RateHeader {
  const columns = Object.fromEntries(RATE_COLUMNS.map((c) => [c, -1])) as Record<RateColumn, number>;
  const issues: HeaderIssue[] = [];
  const known = new Set<string>(RATE_COLUMNS);
  // A deck written without its header starts with a rate: one problem says so, not one per cell.
  if (!cells.some((c) => known.has(c)) && /^\+?[0-9]+$/.test(cells[0] ?? '')) {
    issues.push({
      index: -1,
      message: `the file has no header row: its first row (${cells.slice(0, 3).join(',')}${cells.length > 3 ? ',…' : ''}) is a rate`,
      hint: `add the column names as the first row, at least: ${REQUIRED_COLUMNS.join(',')}`,
    });
    return { columns, issues, usable: false };
  }
  cells.forEach((name, index) => {
    if (!known.has(name)) {
      // Past the first few, nobody reads the advice (the file's problems are capped): skip its cost.
      const guess = issues.length < HINTED_ISSUES ? closestColumn(name) : undefined;
      issues.push({
        index,
        message: `unknown column '${name}' in the header`,
        hint: guess ? `did you mean '${guess}'?` : `columns are: ${RATE_COLUMNS.join(', ')}`,
      });
      return;
    }
    const column = name as RateColumn;
    if (columns[column] >= 0) {
      issues.push({ index, message: `column '${name}' appears twice in the header`, hint: 'remove one of them' });
      return;
    }
    columns[column] = index;
  });
  const missing = REQUIRED_COLUMNS.filter((c) => columns[c] < 0);
  for (const c of missing) {
    issues.push({
      index: -1,
      message: `the header has no '${c}' column`,
      hint: `the first row must name the columns, at least: ${REQUIRED_COLUMNS.join(',')}`,
    });
  }
  return { columns, issues, usable: missing.length === 0 };
}

/** The rate column a misspelt header most likely meant, if any is close. */
export function closestColumn(name: string): RateColumn | undefined {
  const folded = fold(name);
  let best: RateColumn | undefined;
  let bestDistance = Infinity;
  for (const c of RATE_COLUMNS) {
    if (fold(c) === folded) return c;
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) { best = c; bestDistance = d; }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : undefined;
}

/** connection_fee, Connection-Fee and connectionfee all fold to one form. */
function fold(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
