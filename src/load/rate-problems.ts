// Collects the problems of one rates file with a cap: a deck with a wrong
// column can fail on every one of a million rows, and a million messages
// help nobody. The first `cap` are kept; the rest are counted into one
// summary. Positions are computed lazily so rows past the cap cost nothing.

import type { Problem } from '../report/problem.js';

export class CappedProblems {
  private readonly kept: Problem[] = [];
  private dropped = 0;
  private firstDroppedLine = 0;

  constructor(private readonly file: string, private readonly cap: number) {}

  get full(): boolean {
    return this.kept.length >= this.cap;
  }

  add(where: () => { line: number; column: number }, path: string, message: string, hint?: string, rule: Problem['rule'] = 'syntax'): void {
    if (this.full) {
      if (this.dropped++ === 0) this.firstDroppedLine = where().line;
      return;
    }
    const { line, column } = where();
    this.kept.push({ file: this.file, line, column, path, rule, message, ...(hint ? { hint } : {}) });
  }

  /** The kept problems plus, when some were dropped, one "... and N more". */
  result(): Problem[] {
    if (this.dropped === 0) return this.kept;
    return [...this.kept, {
      file: this.file, line: this.firstDroppedLine, column: 1, path: '', rule: 'limit',
      message: `... and ${this.dropped} more problem${this.dropped === 1 ? '' : 's'} in this file (only the first ${this.cap} are shown)`,
      hint: 'fix the problems above first: often one wrong column causes them all',
    }];
  }
}
