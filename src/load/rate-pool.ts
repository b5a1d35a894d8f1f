// Reads one CSV column whose values repeat (destinations, fees, intervals,
// dates) without a new string per row: the field is hashed where it lies in
// the text and matched against the column's pool, so a repeated value costs
// no allocation. A deck of a million rates has a few thousand distinct
// destinations; this is where that saves memory and time. It must never
// change a value.

import type { CsvRecords } from './csv-records.js';

/** Distinct values pooled per column; past this, values are kept unshared. */
const POOL_SIZE = 1 << 16;

export class RepeatedColumn {
  private last = '';
  /** Open addressing, at most half full; grown by rehashing. */
  private slots: (string | undefined)[] = emptySlots(64);
  private size = 0;

  constructor(private readonly index: number) {}

  /** The field's text, or null when the column is absent or the cell is empty. */
  read(records: CsvRecords): string | null {
    if (records.fieldIsEmpty(this.index)) return null;
    if (records.fieldIs(this.index, this.last)) return this.last;
    const span = records.fieldSpan(this.index);
    this.last = span ? this.pooled(span.text, span.start, span.end) : this.pooledString(records.field(this.index));
    return this.last;
  }

  private pooled(text: string, start: number, end: number): string {
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const known = this.slots[slot];
      if (known === undefined) {
        const value = text.slice(start, end);
        if (this.size < POOL_SIZE) {
          this.slots[slot] = value;
          if (++this.size * 2 > this.slots.length) this.rehash();
        }
        return value;
      }
      if (known.length === length && text.startsWith(known, start)) return known;
    }
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

  private pooledString(value: string): string {
    return this.pooled(value, 0, value.length);
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
