// Reads a rates CSV (CONTRACT §1, Rates CSV) into a columnar RateDeck and
// checks every row's cells on the way: prefix, decimals, intervals, dates.
// It keeps going past bad rows (problems capped per file) and keeps every
// value's text exactly as written. Rules across rows (duplicate prefix +
// effectiveDate) and across objects belong to validation, not here. It must
// never throw on user input.

import type { Problem } from '../report/problem.js';
import { CsvRecords } from './csv-records.js';
import { DEFAULT_LIMITS } from './limits.js';
import { dateProblem, decimalProblem, parseInterval, prefixProblem, RATE_CELL_RULES } from './rate-cells.js';
import { readHeader } from './rate-header.js';
import { PREFIXES, RepeatedColumn, ValuePool } from './rate-pool.js';
import { CappedProblems } from './rate-problems.js';
import { decodeSource } from './source-text.js';
import type { RateColumn, RateDeck } from './types.js';

export { ratesFromInline } from './rates-inline.js';

export interface RatesCsv {
  deck: RateDeck;
  problems: Problem[];
}

export function emptyDeck(file: string): RateDeck {
  return {
    file, line: new Int32Array(0), prefix: [], destination: [], rate: [], connectionFee: [],
    initialInterval: [], recurringInterval: [], effectiveDate: [], endDate: [],
  };
}

/** Each prefix is taken from the pool the decks of this thread share (rate-pool.ts PREFIXES): they are kept alive together. */
export function parseRatesCsv(file: string, input: string | Buffer, opts: { maxProblems?: number } = {}): RatesCsv {
  return readRatesCsv(file, input, opts, PREFIXES, 'rows');
}

/** A deck's row identities and the line of each row, without its other cells (checkRatesCsv). */
export type DeckKeys = Pick<RateDeck, 'file' | 'line' | 'prefix' | 'effectiveDate'>;

/**
 * A rates CSV checked as parseRatesCsv checks it, with the same problems,
 * keeping of each row only its identity and line: for a caller that counts
 * the rows and looks for duplicates, then drops the deck (validate's deck
 * checks). The rates, destinations and other cells it does not keep were
 * most of what such a check allocated and the garbage collector copied
 * (validate at full size, six runs each: 2.51 -> 2.36 s, 4.2 -> 3.9 CPU s).
 */
export function checkRatesCsv(file: string, input: string | Buffer, opts: { maxProblems?: number } = {}): { keys: DeckKeys; problems: Problem[] } {
  // Nor are its prefixes pooled: a deck dropped at once only pays for the look-ups.
  const { deck, problems } = readRatesCsv(file, input, opts, undefined, 'keys');
  return { keys: { file: deck.file, line: deck.line, prefix: deck.prefix, effectiveDate: deck.effectiveDate }, problems };
}

/** With 'keys', the deck's columns other than prefix and effectiveDate stay empty. */
function readRatesCsv(file: string, input: string | Buffer, opts: { maxProblems?: number }, prefixes: ValuePool | undefined, keep: 'rows' | 'keys'): RatesCsv {
  const source = decodeSource(file, input);
  if (!source.ok) return { deck: emptyDeck(file), problems: [source.problem] };
  const sink = new CappedProblems(file, opts.maxProblems ?? DEFAULT_LIMITS.maxProblemsPerFile);
  const records = new CsvRecords(source.text, (e) => sink.add(() => e, '', e.message));
  const found = records.next();
  if (records.errorCount > 0) return { deck: emptyDeck(file), problems: sink.result() };
  if (!found) {
    sink.add(() => ({ line: 1, column: 1 }), '', 'the rates file is empty', 'the first row must name the columns: prefix,destination,rate');
    return { deck: emptyDeck(file), problems: sink.result() };
  }
  const header = readHeader(records.fields());
  const headerLine = records.line;
  for (const issue of header.issues) {
    // Lazily: finding a field's column scans the line, and a hostile header has a million fields.
    sink.add(() => (issue.index < 0 ? { line: headerLine, column: 1 } : records.fieldPosition(issue.index)), '', issue.message, issue.hint);
  }
  if (!header.usable) return { deck: emptyDeck(file), problems: sink.result() };
  const deck = new RowReader(records, header.columns, records.count, sink, prefixes).read(file, keep);
  if (keep === 'rows') deck.text = source.text;
  return { deck, problems: sink.result() };
}

/** Reads and checks the data rows; one instance per file. */
class RowReader {
  private readonly fee: RepeatedColumn;
  private readonly initial: RepeatedColumn;
  private readonly recurring: RepeatedColumn;
  private readonly effective: RepeatedColumn;
  private readonly end: RepeatedColumn;
  private readonly destination: RepeatedColumn;
  /** Values already checked and found good, per column (pooled, so === is cheap). */
  private readonly good = new Map<RateColumn, string>();
  private readonly intervals = new Map<string, number>();
  private row = 0;

  constructor(
    private readonly records: CsvRecords,
    private readonly col: Record<RateColumn, number>,
    private readonly width: number,
    private readonly sink: CappedProblems,
    private readonly prefixes: ValuePool | undefined,
  ) {
    this.fee = new RepeatedColumn(col.connectionFee);
    this.initial = new RepeatedColumn(col.initialInterval);
    this.recurring = new RepeatedColumn(col.recurringInterval);
    this.effective = new RepeatedColumn(col.effectiveDate);
    this.end = new RepeatedColumn(col.endDate);
    this.destination = new RepeatedColumn(col.destination);
  }

  read(file: string, keep: 'rows' | 'keys'): RateDeck {
    const deck = emptyDeck(file);
    const lines = new GrowableLines();
    const r = this.records;
    for (this.row = 0; r.next(); this.row++) {
      if (r.count !== this.width) {
        this.report('', `the row has ${r.count} field${r.count === 1 ? '' : 's'}; the header has ${this.width}`);
      }
      const span = this.prefixes && r.fieldSpan(this.col.prefix);
      const prefix = span ? this.prefixes!.pooled(span.text, span.start, span.end) : r.field(this.col.prefix);
      const rate = r.field(this.col.rate);
      const destination = this.destination.read(r) ?? '';
      const fee = this.fee.read(r);
      const effective = this.effective.read(r);
      const end = this.end.read(r);
      let problem = prefixProblem(prefix);
      if (problem) this.report('prefix', problem);
      if (destination === '' || destination.trim() === '') this.report('destination', 'destination is empty');
      if ((problem = decimalProblem(rate, 'rate'))) this.report('rate', problem);
      if (fee !== null) this.check('connectionFee', fee, decimalProblem);
      if (effective !== null) this.check('effectiveDate', effective, dateProblem);
      if (end !== null && this.check('endDate', end, dateProblem) && effective !== null && end <= effective) {
        this.report('endDate', `endDate ${end} must be after effectiveDate ${effective}`);
      }
      // The intervals have rules too: checked even where only the keys are kept.
      const initial = this.interval('initialInterval', this.initial.read(r));
      const recurring = this.interval('recurringInterval', this.recurring.read(r));
      lines.push(r.line);
      deck.prefix.push(prefix);
      deck.effectiveDate.push(effective);
      if (keep === 'keys') continue;
      deck.destination.push(destination);
      deck.rate.push(rate);
      deck.connectionFee.push(fee);
      deck.initialInterval.push(initial);
      deck.recurringInterval.push(recurring);
      deck.endDate.push(end);
    }
    deck.line = lines.done();
    return deck;
  }

  /** Checks a repeated value once per distinct value in a run; true when good. */
  private check(column: RateColumn, value: string, rule: (v: string, c: string) => string | undefined): boolean {
    if (this.good.get(column) === value) return true;
    const problem = rule(value, column);
    if (problem) {
      this.report(column, problem);
      return false;
    }
    this.good.set(column, value);
    return true;
  }

  private interval(column: RateColumn, text: string | null): number | null {
    if (text === null) return null;
    const known = this.intervals.get(text);
    if (known !== undefined) return known;
    const n = parseInterval(text, column);
    if (typeof n === 'string') {
      this.report(column, n);
      return null;
    }
    if (this.intervals.size < 10_000) this.intervals.set(text, n);
    return n;
  }

  private report(column: RateColumn | '', message: string): void {
    const r = this.records;
    const index = column ? this.col[column] : 0;
    // A bad value is reported under the rule the same value gets inline (rate-cells.ts); a row of the wrong shape is CSV syntax.
    const rule = column ? RATE_CELL_RULES[column] : 'syntax';
    this.sink.add(() => r.fieldPosition(Math.max(index, 0)), `/rates/${this.row}${column ? '/' + column : ''}`, message, undefined, rule);
  }
}

class GrowableLines {
  private buf = new Int32Array(1024);
  private n = 0;
  push(line: number): void {
    if (this.n === this.buf.length) {
      const bigger = new Int32Array(this.buf.length * 2);
      bigger.set(this.buf);
      this.buf = bigger;
    }
    this.buf[this.n++] = line;
  }
  done(): Int32Array {
    return this.buf.slice(0, this.n);
  }
}
