// A small RFC 4180 reader for rate decks: records of fields with the line
// each record starts on. Lines without a quote take a fast path: the reader
// only notes where each field starts and ends, and the caller slices (or
// just compares) the fields it needs, so a million rows do not make eight
// million strings. Quoted fields (commas, doubled quotes, line breaks
// inside) take a careful character path. LF and CRLF both end a record;
// empty lines are skipped. It owns only the CSV grammar and must never
// interpret a field: columns, types and row rules belong to rates-csv.ts. A
// malformed quote is reported and the reader resumes on the next line; it
// never throws.

export interface CsvError {
  line: number;
  column: number;
  message: string;
}

export class CsvRecords {
  /** 1-based line on which the current record starts. */
  line = 0;
  /** Offset in the text where the current record starts. */
  offset = 0;
  /** Number of fields of the current record. */
  count = 0;
  /** Grammar errors met so far; the reader skipped their lines. */
  errorCount = 0;

  private pos = 0;
  private nextLine = 1;
  private nextQuote: number;
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  /** Field values of the current record when it had quotes, else null. */
  private values: string[] | null = null;
  private readonly span: { text: string; start: number; end: number };

  constructor(private readonly text: string, private readonly onError: (e: CsvError) => void) {
    this.nextQuote = text.indexOf('"');
    this.span = { text, start: 0, end: 0 };
  }

  /** Moves to the next record; false at the end of the text. */
  next(): boolean {
    const text = this.text;
    for (;;) {
      if (this.pos >= text.length) return false;
      const start = this.pos;
      let nl = text.indexOf('\n', start);
      if (nl < 0) nl = text.length;
      this.line = this.nextLine;
      this.offset = start;
      if (this.nextQuote >= 0 && this.nextQuote < start) this.nextQuote = text.indexOf('"', start);
      if (this.nextQuote < 0 || this.nextQuote > nl) {
        this.pos = nl + 1;
        this.nextLine++;
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (end === start) continue;
        this.splitPlain(start, end);
        return true;
      }
      const fields = this.quotedRecord(start);
      if (fields) {
        this.values = fields;
        this.count = fields.length;
        return true;
      }
    }
  }

  field(k: number): string {
    if (k < 0 || k >= this.count) return '';
    return this.values ? this.values[k] : this.text.slice(this.starts[k], this.ends[k]);
  }

  /** Whether field k equals s, without making a string for the field. */
  fieldIs(k: number, s: string): boolean {
    if (k < 0 || k >= this.count) return s === '';
    if (this.values) return this.values[k] === s;
    return this.ends[k] - this.starts[k] === s.length && this.text.startsWith(s, this.starts[k]);
  }

  /**
   * Where field k lies in the text, when it is there verbatim (no quotes);
   * lets a caller hash or compare it without slicing. The object is reused.
   */
  fieldSpan(k: number): { text: string; start: number; end: number } | null {
    if (this.values || k < 0 || k >= this.count) return null;
    this.span.start = this.starts[k];
    this.span.end = this.ends[k];
    return this.span;
  }

  fieldIsEmpty(k: number): boolean {
    return k < 0 || k >= this.count || (this.values ? this.values[k] === '' : this.ends[k] === this.starts[k]);
  }

  /** All fields of the current record (for tests and headers). */
  fields(): string[] {
    return Array.from({ length: this.count }, (_, k) => this.field(k));
  }

  /** 1-based line and column where field k of the current record starts. */
  fieldPosition(k: number): { line: number; column: number } {
    if (!this.values && k >= 0 && k < this.count) return this.where(this.starts[k]);
    let i = this.offset;
    let quoted = false;
    for (let field = 0; field < k && i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 34) quoted = !quoted;
      else if (c === 44 && !quoted) field++;
      else if (c === 10 && !quoted) break;
    }
    return this.where(i);
  }

  private splitPlain(start: number, end: number): void {
    this.values = null;
    let n = 0;
    let from = start;
    for (;;) {
      if (n === this.starts.length) this.grow();
      let comma = this.text.indexOf(',', from);
      if (comma < 0 || comma > end) comma = end;
      this.starts[n] = from;
      this.ends[n++] = comma;
      if (comma === end) break;
      from = comma + 1;
    }
    this.count = n;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** The careful path; on a grammar error reports it, skips the line and returns null. */
  private quotedRecord(start: number): string[] | null {
    const text = this.text;
    const fields: string[] = [];
    let i = start;
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        const quoted = this.quotedField(i);
        if (quoted === null) return null;
        value = quoted.value;
        i = quoted.end;
      } else {
        let end = i;
        while (end < text.length) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10) break;
          if (c === 34) return this.fail(end, 'a quote inside an unquoted field; quote the whole field and double the quote ("")');
          end++;
        }
        value = text.slice(i, end);
        i = end;
      }
      const c = text.charCodeAt(i);
      if (c === 44) { fields.push(value); i++; continue; }
      if (i >= text.length || c === 10) {
        if (c === 10 && value.charCodeAt(value.length - 1) === 13 && text.charCodeAt(i - 1) === 13) {
          value = value.slice(0, -1);
        }
        fields.push(value);
        return this.endRecord(fields, i + 1);
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        fields.push(value);
        return this.endRecord(fields, i + 2);
      }
      return this.fail(i, 'unexpected character after a closing quote; a quoted field must end at a comma or the end of the line');
    }
  }

  private endRecord(fields: string[], next: number): string[] {
    this.nextLine += countNewlines(this.text, this.pos, next - 1) + 1;
    this.pos = next;
    return fields;
  }

  private quotedField(open: number): { value: string; end: number } | null {
    const text = this.text;
    let value = '';
    let from = open + 1;
    for (;;) {
      const q = text.indexOf('"', from);
      if (q < 0) {
        this.report(open, 'a quoted field is never closed');
        this.pos = text.length;
        return null;
      }
      value += text.slice(from, q);
      if (text.charCodeAt(q + 1) === 34) {
        value += '"';
        from = q + 2;
        continue;
      }
      return { value, end: q + 1 };
    }
  }

  private fail(at: number, message: string): null {
    this.report(at, message);
    let nl = this.text.indexOf('\n', at);
    if (nl < 0) nl = this.text.length;
    this.nextLine = this.where(at).line + 1;
    this.pos = nl + 1;
    return null;
  }

  private report(at: number, message: string): void {
    this.errorCount++;
    this.onError({ ...this.where(at), message });
  }

  /** Line and column of an offset inside the current record. */
  private where(at: number): { line: number; column: number } {
    const lineStart = this.text.lastIndexOf('\n', at - 1) + 1;
    return { line: this.line + countNewlines(this.text, this.offset, at), column: at - lineStart + 1 };
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
