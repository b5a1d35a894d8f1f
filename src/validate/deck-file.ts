// One rate deck read and checked under every rule of its own rows (cells,
// then duplicate identities), with only its row count and problems kept.
// Shared by the main thread and the deck worker (deck-worker.ts), so a deck
// gets the same answer wherever it is checked. It must never throw on user
// input: an unreadable file is a problem.

import { readFileSync } from 'node:fs';
import { checkRatesCsv } from '../load/rates-csv.js';
import { unreadable } from '../load/unreadable.js';
import type { Problem } from '../report/problem.js';
import { checkDeckDuplicates } from './rate-duplicates.js';

export interface DeckFileCheck {
  file: string;
  /** Undefined when the file could not be read. */
  rows: number | undefined;
  problems: Problem[];
}

export function checkDeckFile(file: string, path: string, maxProblems: number): DeckFileCheck {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return { file, rows: undefined, problems: [unreadable(file, e)] };
  }
  // Only the rows' identities are kept: the deck is dropped once checked (rates-csv.ts checkRatesCsv).
  const { keys, problems } = checkRatesCsv(file, bytes, { maxProblems });
  checkDeckDuplicates(keys, problems, maxProblems);
  return { file, rows: keys.prefix.length, problems };
}
