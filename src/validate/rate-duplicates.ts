// A rate's identity inside its plan is prefix + effectiveDate (CONTRACT §1);
// two rates with one identity would be two rows for one unique key. Checked
// on CSV decks (each file once, however many plans name it) and on inline
// lists with one message shape. Hot path for decks of a million rates: no
// key strings are built and no object is allocated per rate. Problems are
// capped per file like the reader's own.

import { DEFAULT_LIMITS } from '../load/limits.js';
import { CappedProblems } from '../load/rate-problems.js';
import { numberText, type DeckStub } from '../load/types.js';
import type { DeckKeys } from '../load/rates-csv.js';
import { UserError } from '../report/errors.js';
import type { Problem } from '../report/problem.js';
import { record, type TypedDocument } from './documents.js';
import { problemAt } from './locate.js';

const HINT = 'a plan holds one rate per prefix and effectiveDate: remove one, or give it another effectiveDate';

/**
 * Calls back with (index, index of the first rate with the same identity)
 * for every repeat. An open-addressing table of row indexes over typed
 * arrays: a JS Map of a million string keys took half a second here.
 */
export function forEachDuplicateRate(
  prefix: readonly string[], effective: readonly (string | null)[], found: (i: number, first: number) => void,
): void {
  const n = prefix.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = prefix[i];
    const d = effective[i];
    let slot = identityHash(p, d) & mask;
    for (;;) {
      const j = table[slot];
      if (j < 0) {
        table[slot] = i;
        break;
      }
      if (prefix[j] === p && effective[j] === d) {
        found(i, j);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
}

/** FNV-1a over the prefix, a separator and the date. */
function identityHash(prefix: string, date: string | null): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < prefix.length; k++) h = Math.imul(h ^ prefix.charCodeAt(k), 0x01000193);
  h = Math.imul(h ^ 0x2f, 0x01000193);
  if (date !== null) for (let k = 0; k < date.length; k++) h = Math.imul(h ^ date.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

export function duplicateMessage(prefix: string, effective: string | null, firstLine: number): string {
  const when = effective === null ? 'without effectiveDate' : `effective ${effective}`;
  return `a rate for prefix ${prefix} ${when} is also defined at line ${firstLine}`;
}

/** Adds a problem per rate whose key an earlier row of the deck has, the first `maxProblems` of them. */
export function checkDeckDuplicates(deck: DeckKeys, problems: Problem[], maxProblems = DEFAULT_LIMITS.maxProblemsPerFile): void {
  const sink = new CappedProblems(deck.file, maxProblems);
  forEachDuplicateRate(deck.prefix, deck.effectiveDate, (i, first) => {
    sink.add(() => ({ line: deck.line[i], column: 1 }), `/rates/${i}`,
      duplicateMessage(deck.prefix[i], deck.effectiveDate[i], deck.line[first]), HINT, 'duplicate');
  });
  problems.push(...sink.result());
}

/**
 * A stub whose load() also checks this rule: the loader's stub parses and
 * checks cells, but duplicates are validation's, and a deck loaded in full
 * must have passed every deck rule before a plan writes from it.
 */
export function checkedStub(stub: DeckStub): DeckStub {
  return {
    ...stub,
    async load() {
      const deck = await stub.load();
      const problems: Problem[] = [];
      checkDeckDuplicates(deck, problems);
      if (problems.length > 0) {
        throw new UserError(`rates file ${deck.file} is invalid (${problems.length} problem(s)); run didsync validate`, problems);
      }
      return deck;
    },
  };
}

export function checkInlineDuplicates(td: TypedDocument, problems: Problem[]): void {
  const list = td.data.rates;
  if (!Array.isArray(list)) return;
  const index: number[] = [];
  const prefix: string[] = [];
  const effective: (string | null)[] = [];
  list.forEach((entry, i) => {
    const rate = record(entry);
    if (!rate) return;
    const p = typeof rate.prefix === 'number' ? numberText(td.doc, `/rates/${i}/prefix`, rate.prefix) : rate.prefix;
    if (typeof p !== 'string') return;
    index.push(i);
    prefix.push(p);
    effective.push(typeof rate.effectiveDate === 'string' ? rate.effectiveDate : null);
  });
  forEachDuplicateRate(prefix, effective, (k, first) => {
    const firstLine = td.doc.positions.get(`/rates/${index[first]}`)?.line ?? 0;
    problems.push(problemAt(td.doc, `/rates/${index[k]}/prefix`, {
      rule: 'duplicate', message: duplicateMessage(prefix[k], effective[k], firstLine), hint: HINT,
    }));
  });
}
