// A text as edits of another: what didsync records when the deck it applied
// changed by some lines, instead of the whole text again (applied-decks.ts).
// A script is a list of parts whose concatenation is the new text: a pair
// [from, to] is old.slice(from, to), a string is itself. It is found line
// by line, the line breaks included (a last line without one is another
// line than the same line with one): runs of equal lines are copied, and
// lines that differ are written out, after a short look ahead for lines
// added or removed. It is not a shortest script: whatever it finds, it is
// checked to give the new text exactly, or there is none.

import { splitLines, type Lines } from './deck-lines.js';

export type TextEdits = Array<[number, number] | string>;

/** Lines compared a block at a time first, as deck-lines.ts does. */
const BLOCK_LINES = 16;
/** How far a line that differs is looked for ahead, on either side, as lines added or removed. */
const LOOK_AHEAD = 8;

/** The script that makes `next` from `old`; undefined when none found gives `next` exactly. */
export function textEdits(old: string, next: string): TextEdits | undefined {
  const a = splitLines(old);
  const b = splitLines(next);
  const script = new ScriptWriter(next);
  let i = 0;
  let j = 0;
  while (i < a.count && j < b.count) {
    if (i + BLOCK_LINES <= a.count && j + BLOCK_LINES <= b.count && sameLines(a, i, b, j, BLOCK_LINES)) {
      script.copy(start(a, i), start(a, i + BLOCK_LINES));
      i += BLOCK_LINES;
      j += BLOCK_LINES;
      continue;
    }
    if (sameLines(a, i, b, j, 1)) {
      script.copy(start(a, i), start(a, i + 1));
      i++;
      j++;
      continue;
    }
    let k = 1;
    for (; k <= LOOK_AHEAD; k++) {
      if (i + k < a.count && sameLines(a, i + k, b, j, 1)) {
        // Lines of the old text removed.
        i += k;
        break;
      }
      if (j + k < b.count && sameLines(a, i, b, j + k, 1)) {
        // Lines added to the new text.
        script.write(start(b, j), start(b, j + k));
        j += k;
        break;
      }
    }
    if (k > LOOK_AHEAD) {
      // A line changed in place.
      script.write(start(b, j), start(b, j + 1));
      i++;
      j++;
    }
  }
  if (j < b.count) script.write(start(b, j), next.length);
  const edits = script.done();
  return makes(old, edits, next) ? edits : undefined;
}

/**
 * Whether the script makes `next` of `old`: applyTextEdits(old, edits) === next, without putting the
 * text together. Each part is compared with the same stretch of `next` by ===, which compares the
 * characters in bulk: `startsWith` at an offset took 150 to 185 ms for the benchmark's hundred decks
 * (more than half of what an apply's records of a 1% change took), where === takes 5 to 8 ms.
 */
function makes(old: string, edits: TextEdits, next: string): boolean {
  let at = 0;
  for (const part of edits) {
    const text = typeof part === 'string' ? part : old.slice(part[0], part[1]);
    if (next.slice(at, at + text.length) !== text) return false;
    at += text.length;
  }
  return at === next.length;
}

/** The text a script makes of `old`; undefined when it is not a script for `old` (a part not of the form, a range outside it). */
export function applyTextEdits(old: string, edits: unknown): string | undefined {
  if (!Array.isArray(edits)) return undefined;
  const parts: string[] = [];
  for (const part of edits as unknown[]) {
    if (typeof part === 'string') {
      parts.push(part);
      continue;
    }
    if (!Array.isArray(part) || part.length !== 2) return undefined;
    const [from, to] = part as unknown[];
    if (!Number.isInteger(from) || !Number.isInteger(to) || (from as number) < 0 || (from as number) > (to as number) || (to as number) > old.length) {
      return undefined;
    }
    parts.push(old.slice(from as number, to as number));
  }
  return parts.join('');
}

/** Where line k starts; the text's length for k = count (a sentinel past a missing last line break is clamped). */
function start(lines: Lines, k: number): number {
  return Math.min(lines.starts[k], lines.text.length);
}

/** Whether n lines from line i of `a` equal n lines from line j of `b`, line breaks included. */
function sameLines(a: Lines, i: number, b: Lines, j: number, n: number): boolean {
  const aFrom = start(a, i);
  const aTo = start(a, i + n);
  const bFrom = start(b, j);
  const bTo = start(b, j + n);
  return aTo - aFrom === bTo - bFrom && a.text.slice(aFrom, aTo) === b.text.slice(bFrom, bTo);
}

/** Collects parts, joining a copy or a write to the one before it when they are contiguous. */
class ScriptWriter {
  private readonly parts: TextEdits = [];
  /** The pending part: a copy of old[from, to) or a write of next[from, to). */
  private kind: 'copy' | 'write' | undefined;
  private from = 0;
  private to = 0;

  constructor(private readonly next: string) {}

  copy(from: number, to: number): void {
    this.add('copy', from, to);
  }

  write(from: number, to: number): void {
    this.add('write', from, to);
  }

  done(): TextEdits {
    this.flush();
    return this.parts;
  }

  private add(kind: 'copy' | 'write', from: number, to: number): void {
    if (from === to) return;
    if (this.kind === kind && this.to === from) {
      this.to = to;
      return;
    }
    this.flush();
    this.kind = kind;
    this.from = from;
    this.to = to;
  }

  private flush(): void {
    if (this.kind === 'copy') this.parts.push([this.from, this.to]);
    else if (this.kind === 'write') this.parts.push(this.next.slice(this.from, this.to));
    this.kind = undefined;
  }
}
