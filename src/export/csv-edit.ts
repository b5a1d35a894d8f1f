// Edits a rates CSV row by row so that it holds the live rates: a changed
// rate's row is rewritten in place (cells whose value is unchanged keep
// their text), a removed rate's row is deleted, new rates are appended at
// the end. The header, the column order, the line endings and every
// untouched row stay byte-identical; a column is added to the header only
// when a live rate needs one the file lacks. Rates are matched by their
// identity, prefix + effectiveDate. Pure.

import type { RateColumn } from '../load/types.js';
import { canonicalDecimal } from '../model/decimal.js';
import type { RateRows } from '../reconcile/state.js';
import { isRateColumn, rateCell } from './rates-csv.js';
import { compareKeys } from '../reconcile/rates-diff.js';
import { newlineOf, SourceEdits } from './source-edits.js';
import { withScaleOf } from './yaml-render.js';

export interface DeckEdit {
  text: string;
  added: number;
  changed: number;
  removed: number;
}

interface CsvRecord {
  start: number;
  /** End of the record's text, before its line ending. */
  end: number;
  /** After the line ending (and any empty lines after it). */
  next: number;
  /** Cells as written (quotes included) and as read. */
  raw: string[];
  cells: string[];
}

type Cell = string | number | null;

const ORDER: readonly RateColumn[] = ['prefix', 'destination', 'rate', 'connectionFee', 'initialInterval', 'recurringInterval', 'effectiveDate', 'endDate'];

/** The edited deck, or null when the file already holds exactly the live rates. */
export function editDeck(text: string, live: RateRows): DeckEdit | null {
  const records = csvRecords(text);
  if (records.length === 0) throw new Error('the rates file has no header row');
  const header = records[0].cells.map((c) => c.trim());
  const columns = header.map((h) => (isRateColumn(h) ? h : null));
  const rows = records.slice(1);
  const nl = newlineOf(text);
  const edits = new SourceEdits(text);

  const liveIndex = new Map<string, number>();
  for (let i = 0; i < live.prefix.length; i++) liveIndex.set(identity(live.prefix[i], live.effectiveDate[i]), i);
  const missing = ORDER.filter((c) => !columns.includes(c) && live[c].some((v) => v !== null));
  const allColumns = [...columns, ...missing];
  const seen = new Set<number>();
  const counts = { added: 0, changed: 0, removed: 0 };

  for (const row of rows) {
    const value = (c: RateColumn) => cellValue(c, row.cells[columns.indexOf(c)]);
    const j = liveIndex.get(identity(String(value('prefix') ?? ''), value('effectiveDate') as string | null));
    if (j === undefined) {
      edits.add(row.start, row.next, '');
      counts.removed++;
      continue;
    }
    seen.add(j);
    const differs = ORDER.some((c) => !sameCell(c, columns.includes(c) ? value(c) : null, live[c][j]));
    if (!differs) {
      if (missing.length > 0) edits.add(row.end, row.end, ','.repeat(missing.length));
      continue;
    }
    const cells = allColumns.map((c, k) => {
      if (c === null) return row.raw[k] ?? '';
      const old = k < columns.length ? row.cells[k] : undefined;
      if (old !== undefined && sameCell(c, cellValue(c, old), live[c][j])) return row.raw[k];
      return newCell(c, live[c][j], old);
    });
    edits.add(row.start, row.end, cells.join(','));
    counts.changed++;
  }

  if (missing.length > 0) edits.add(records[0].end, records[0].end, missing.map((c) => `,${c}`).join(''));
  const fresh = [...Array(live.prefix.length).keys()].filter((j) => !seen.has(j)).sort((a, b) => compareKeys(live, a, live, b));
  if (fresh.length > 0) {
    const template = rows[rows.length - 1];
    const lines = fresh.map((j) => allColumns.map((c, k) => (c === null ? '' : newCell(c, live[c][j], template?.cells[k]))).join(','));
    const lead = text.length > 0 && !text.endsWith('\n') ? nl : '';
    edits.add(text.length, text.length, lead + lines.map((l) => l + nl).join(''));
    counts.added = fresh.length;
  }
  if (edits.size === 0) return null;
  return { text: edits.render(), ...counts };
}

function identity(prefix: string, effectiveDate: string | null): string {
  return `${prefix}\u0000${effectiveDate ?? ''}`;
}

/** A cell as the normalised value the diff compares (null for empty). */
function cellValue(column: RateColumn, cell: string | undefined): Cell {
  if (cell === undefined || cell === '') return column === 'destination' ? '' : null;
  switch (column) {
    case 'rate':
    case 'connectionFee':
      return canonicalDecimal(cell) ?? cell;
    case 'initialInterval':
    case 'recurringInterval':
      return Number(cell);
    case 'prefix':
    case 'destination':
      return cell;
    default:
      return cell.trim();
  }
}

function sameCell(column: RateColumn, have: Cell, want: Cell): boolean {
  if (column === 'destination') return (have ?? '') === (want ?? '');
  return have === want;
}

/** A new cell: decimals keep the number of places the replaced (or previous) row used. */
function newCell(column: RateColumn, value: Cell, template: string | undefined): string {
  if (value !== null && (column === 'rate' || column === 'connectionFee')) return withScaleOf(String(value), template);
  return rateCell(column, value);
}

/** RFC 4180 records with their offsets and raw cells; empty lines belong to the record before them. */
function csvRecords(text: string): CsvRecord[] {
  const out: CsvRecord[] = [];
  let pos = text.startsWith('\uFEFF') ? 1 : 0;
  while (pos < text.length) {
    if (text[pos] === '\n' || (text[pos] === '\r' && text[pos + 1] === '\n')) {
      pos += text[pos] === '\r' ? 2 : 1;
      if (out.length > 0) out[out.length - 1].next = pos;
      continue;
    }
    const start = pos;
    const raw: string[] = [];
    const cells: string[] = [];
    for (;;) {
      const cellStart = pos;
      let value = '';
      if (text[pos] === '"') {
        pos++;
        for (;;) {
          const q = text.indexOf('"', pos);
          if (q < 0) {
            value += text.slice(pos);
            pos = text.length;
            break;
          }
          value += text.slice(pos, q);
          if (text[q + 1] === '"') {
            value += '"';
            pos = q + 2;
          } else {
            pos = q + 1;
            break;
          }
        }
        const stop = nextStop(text, pos);
        value += text.slice(pos, stop);
        pos = stop;
      } else {
        const stop = nextStop(text, pos);
        value = text.slice(pos, stop);
        pos = stop;
      }
      raw.push(text.slice(cellStart, pos));
      cells.push(value);
      if (text[pos] === ',') {
        pos++;
        continue;
      }
      break;
    }
    const end = pos;
    if (text[pos] === '\r' && text[pos + 1] === '\n') pos += 2;
    else if (text[pos] === '\n') pos += 1;
    out.push({ start, end, next: pos, raw, cells });
  }
  return out;
}

/** The next comma or line ending at or after pos. */
function nextStop(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) i++;
  return i;
}
