// Rate decks didsync applied before, by the sha256 of their bytes: a CSV
// whose bytes hash to a known value was valid under the same rules and has
// known rows, so the loader carries it as a DeckStub instead of parsing it.
// The stub parses the file in full on demand (the fallback) and refuses
// bytes that changed since they were hashed. Nothing here decides whether
// a stub may stand in for rows: that is the plan's business (engine.ts).

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UserError } from '../report/errors.js';
import type { LoadLimits } from './limits.js';
import { parseRatesCsv } from './rates-csv.js';
import { decodeSource } from './source-text.js';
import type { DeckStub, RateDeck } from './types.js';

/** What was recorded of a deck when it was applied. */
export interface KnownDeck {
  /** The digest of its rows (csvDeckDigest of its sha256 under the rules recorded). */
  digest: string;
  rows: number;
}

/** sha256 of a deck's bytes -> what is known of it. */
export type KnownDecks = ReadonlyMap<string, KnownDeck>;

export function deckSha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function deckStub(path: string, file: string, sha256: string, known: KnownDeck, limits: LoadLimits): DeckStub {
  return {
    file, sha256, rows: known.rows,
    async load(): Promise<RateDeck> {
      const bytes = await readFile(path);
      if (deckSha256(bytes) !== sha256) {
        throw new UserError(`rates file ${file} changed while didsync was reading the config; run it again`);
      }
      return parsedDeck(file, bytes, limits);
    },
  };
}

/**
 * A deck whose bytes (hashed to `sha256`) were never applied, put off rather
 * than parsed: a stub with its text, which the whole-text rules (UTF-8,
 * control characters) have passed. Undefined when they have not: the loader
 * parses the deck then, and reports why.
 */
export function deferredStub(file: string, bytes: Buffer, sha256: string, limits: LoadLimits): DeckStub | undefined {
  const source = decodeSource(file, bytes);
  if (!source.ok) return undefined;
  return {
    file, sha256, text: source.text,
    async load(): Promise<RateDeck> {
      return parsedDeck(file, bytes, limits);
    },
  };
}

function parsedDeck(file: string, bytes: Buffer, limits: LoadLimits): RateDeck {
  const { deck, problems } = parseRatesCsv(file, bytes, { maxProblems: limits.maxProblemsPerFile });
  if (problems.length > 0) {
    throw new UserError(`rates file ${file} is invalid (${problems.length} problem(s)); run didsync validate`, problems);
  }
  return deck;
}
