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
import type { DeckStub, RateDeck } from './types.js';

/** What was recorded of a deck when it was applied. */
export interface KnownDeck {
  /** ratesDigest of its normalised rows. */
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
    file, sha256, digest: known.digest, rows: known.rows,
    async load(): Promise<RateDeck> {
      const bytes = await readFile(path);
      if (deckSha256(bytes) !== sha256) {
        throw new UserError(`rates file ${file} changed while didsync was reading the config; run it again`);
      }
      const { deck, problems } = parseRatesCsv(file, bytes, { maxProblems: limits.maxProblemsPerFile });
      if (problems.length > 0) {
        throw new UserError(`rates file ${file} is invalid (${problems.length} problem(s)); run didsync validate`, problems);
      }
      return deck;
    },
  };
}
