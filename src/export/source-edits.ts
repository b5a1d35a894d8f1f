// Edits of a source text as splices (replace [start, end) with text), so
// that every byte outside an edited node stays exactly as it was: comments,
// blank lines, indentation, quoting and key order of the untouched parts of
// a YAML file or CSV deck. Pure.

export interface Splice {
  start: number;
  end: number;
  text: string;
}

export class SourceEdits {
  private readonly splices: Splice[] = [];

  constructor(readonly src: string) {}

  /** Replace [start, end) with text; start === end inserts. */
  add(start: number, end: number, text: string): void {
    if (start < 0 || end < start || end > this.src.length) throw new Error(`edit out of range: ${start}..${end} of ${this.src.length}`);
    this.splices.push({ start, end, text });
  }

  /** Another set of edits on the same text (for a region rebuilt from edited parts). */
  child(): SourceEdits {
    return new SourceEdits(this.src);
  }

  get size(): number {
    return this.splices.length;
  }

  /**
   * The text of [from, to) with the edits inside it applied; inserts at one
   * point keep their order. `afterStart`: leave out inserts at `from` (they
   * belong to the region that ends there, as an insert after its last line).
   */
  render(from = 0, to = this.src.length, afterStart = false): string {
    const inside = this.splices
      .map((s, i) => ({ ...s, i }))
      .filter((s) => s.start >= from && s.end <= to && !(afterStart && s.start === from && s.end === from))
      .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
    let out = '';
    let pos = from;
    for (const s of inside) {
      if (s.start < pos) throw new Error(`overlapping edits at ${s.start}`);
      out += this.src.slice(pos, s.start) + s.text;
      pos = s.end;
    }
    return out + this.src.slice(pos, to);
  }
}

/** Offset of the first character of the line holding `pos`. */
export function lineStart(src: string, pos: number): number {
  return src.lastIndexOf('\n', pos - 1) + 1;
}

/** Offset just after the newline ending the line holding `pos` (or the end of the text). */
export function lineEnd(src: string, pos: number): number {
  if (pos > 0 && src[pos - 1] === '\n') return pos;
  const nl = src.indexOf('\n', pos);
  return nl < 0 ? src.length : nl + 1;
}

/** The newline the text uses (the first one found), LF by default. */
export function newlineOf(src: string): string {
  const nl = src.indexOf('\n');
  return nl > 0 && src[nl - 1] === '\r' ? '\r\n' : '\n';
}
