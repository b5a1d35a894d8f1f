// Reads CSV columns whose values repeat without a new string per row: the
// field is hashed where it lies in the text and matched against a pool of
// the values seen, so a repeated value costs no allocation. A deck of a
// million rates has a few thousand distinct destinations, fees and dates
// (a pool per deck and column), and the decks of one operator share their
// prefixes: a hundred plans priced over the same ten thousand prefixes
// (one pool for every deck a thread reads, PREFIXES). Where a million
// parsed rates stay alive, as they do through a plan, each string not made
// is also one the garbage collector does not copy as it survives. It must
// never change a value.

import type { CsvRecords } from './csv-records.js';

/** Distinct values a pool holds (default). */
const POOL_SIZE = 1 << 16;

/** Strings by content; open addressing, at most half full, grown by rehashing. */
export class ValuePool {
  private slots: (string | undefined)[] = emptySlots(64);
  private size = 0;

  /**
   * @param limit distinct values held; past it, `full` says what happens:
   * 'keep' stops adding (later values are returned unshared), 'restart'
   * forgets every value and starts again (a pool that outlives many
   * configs, such as PREFIXES in a daemon, then follows the current one).
   */
  constructor(private readonly limit = POOL_SIZE, private readonly full: 'keep' | 'restart' = 'keep') {}

  /** Distinct values held. */
  get held(): number {
    return this.size;
  }

  /** The pooled string equal to text[start, end). */
  pooled(text: string, start: number, end: number): string {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const known = this.slots[slot];
      if (known === undefined) {
        const value = text.slice(start, end);
        if (this.size >= this.limit) {
          if (this.full === 'keep') return value;
          this.slots = emptySlots(64);
          this.size = 0;
          return this.pooled(value, 0, value.length);
        }
        this.slots[slot] = value;
        if (++this.size * 2 > this.slots.length) this.rehash();
        return value;
      }
      if (known.length === length && text.startsWith(known, start)) return known;
    }
  }

  pooledString(value: string): string {
    return this.pooled(value, 0, value.length);
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = emptySlots(old.length * 2);
    const mask = this.slots.length - 1;
    for (const value of old) {
      if (value === undefined) continue;
      let slot = hash(value, 0, value.length) & mask;
      while (this.slots[slot] !== undefined) slot = (slot + 1) & mask;
      this.slots[slot] = value;
    }
  }
}

/** The prefixes of every deck this thread reads. */
export const PREFIXES = new ValuePool(POOL_SIZE, 'restart');

/** One column of a deck, its values taken from a pool of its own. */
export class RepeatedColumn {
  private last = '';
  private readonly pool = new ValuePool();

  constructor(private readonly index: number) {}

  /** The field's text, or null when the column is absent or the cell is empty. */
  read(records: CsvRecords): string | null {
    if (records.fieldIsEmpty(this.index)) return null;
    if (records.fieldIs(this.index, this.last)) return this.last;
    const span = records.fieldSpan(this.index);
    this.last = span ? this.pool.pooled(span.text, span.start, span.end) : this.pool.pooledString(records.field(this.index));
    return this.last;
  }
}

/** FNV-1a over UTF-16 code units. */
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A packed array (new Array(n) of a large n would be a slow dictionary). */
function emptySlots(n: number): (string | undefined)[] {
  const slots: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) slots.push(undefined);
  return slots;
}
