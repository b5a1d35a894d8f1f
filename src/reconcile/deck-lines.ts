// The lines two texts have in common, as multisets: which lines of the new
// text also stand in the old one, and which lines of the old one are gone.
// A deck git changed by a few lines differs from the deck applied last by
// those lines only, so its live rows can be taken from the rows of git's deck
// at the lines both have, plus the few old lines parsed (applied-decks.ts).
// Lines are compared as strings (blocks of lines first, which is most of
// the text when little changed), never by a hash that could collide.

/** Offsets where each line starts; line k (0-based) is [starts[k], starts[k + 1] - 1), the line break excluded. */
export interface Lines {
  text: string;
  starts: Int32Array;
  /** Number of lines (a text ending in a line break has no empty last line). */
  count: number;
}

export function splitLines(text: string): Lines {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  const ends = text.length > 0 && text.charCodeAt(text.length - 1) !== 10;
  if (ends) count++;
  const starts = new Int32Array(count + 1);
  let k = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts[++k] = at + 1;
  // The sentinel: one past a line break the text does not end with.
  if (ends) starts[count] = text.length + 1;
  return { text, starts, count };
}

export function lineText(lines: Lines, k: number): string {
  return lines.text.slice(lines.starts[k], lines.starts[k + 1] - 1);
}

/** Lines from..to-1 with their line breaks, as one string (a slice: no copy is made). */
function block(lines: Lines, from: number, to: number): string {
  return lines.text.slice(lines.starts[from], lines.starts[to]);
}

/** Lines compared a block at a time first: equal blocks of whole lines are equal line by line. */
const BLOCK_LINES = 16;

export interface CommonLines {
  /** 1 for each line of `b` paired with an equal line of `a`. */
  keptInB: Uint8Array;
  /** Lines of `a` paired with none of `b`, ascending. */
  goneFromA: number[];
}

/**
 * Pairs equal lines of `a` and `b`, each line at most once: first those at
 * the same line number (an edit in place), then the rest by content (lines
 * moved, or shifted by lines added or removed above them).
 */
export function commonLines(a: Lines, b: Lines): CommonLines {
  const keptInB = new Uint8Array(b.count);
  const keptInA = new Uint8Array(a.count);
  const both = Math.min(a.count, b.count);
  let open = 0;
  for (let k = 0; k < both; k += BLOCK_LINES) {
    const end = Math.min(k + BLOCK_LINES, both);
    if (block(a, k, end) === block(b, k, end)) {
      keptInA.fill(1, k, end);
      keptInB.fill(1, k, end);
      continue;
    }
    for (let i = k; i < end; i++) {
      if (lineText(a, i) === lineText(b, i)) {
        keptInA[i] = 1;
        keptInB[i] = 1;
      } else open++;
    }
  }
  if (open > 0 || a.count !== b.count) {
    // The unpaired lines of `a` by text, ascending; each pairing takes the first one not taken.
    const waiting = new Map<string, number[]>();
    for (let k = 0; k < a.count; k++) {
      if (keptInA[k]) continue;
      const line = lineText(a, k);
      const list = waiting.get(line);
      if (list) list.push(k);
      else waiting.set(line, [k]);
    }
    const taken = new Map<string, number>();
    for (let j = 0; j < b.count; j++) {
      if (keptInB[j]) continue;
      const line = lineText(b, j);
      const list = waiting.get(line);
      const next = taken.get(line) ?? 0;
      if (!list || next === list.length) continue;
      keptInA[list[next]] = 1;
      keptInB[j] = 1;
      taken.set(line, next + 1);
    }
  }
  const goneFromA: number[] = [];
  for (let k = 0; k < a.count; k++) if (!keptInA[k]) goneFromA.push(k);
  return { keptInB, goneFromA };
}
