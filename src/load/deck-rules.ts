// The stamp of the rules a CSV deck is read and checked by. didsync records
// it with the sha256 of each deck it applies, and skips parsing a deck only
// when both still match (src/load/known-decks.ts): a didsync whose deck
// rules differ (another release, or a bumped revision) parses every deck
// again instead of trusting what an older reading found.
//
// The same stamp makes a CSV deck's digest (csvDeckDigest): under one set of
// rules, the same bytes are the same rows, so the sha256 the loader takes of
// every deck stands for its rows without hashing a million of them (0.13 to
// 0.2 s per million rates), and a deck changed by a few lines gets its new
// digest without its rows being read at all.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * Bump when a rule that decides whether a deck is valid or what its rows
 * are changes without a release: the CSV reader and cell checks
 * (src/load/rate*.ts, csv-records.ts, source-text.ts), the duplicate rule
 * (src/validate/rate-duplicates.ts), the normalisation of rows and their
 * digest (src/reconcile/desired.ts normaliseDeck, csvDeckDigest below).
 */
const REVISION = 2;

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export const DECK_RULES = `${version}/${REVISION}`;

/**
 * The digest of the rows of a CSV deck whose bytes have this sha256, read
 * under DECK_RULES. Two decks with one digest have the same rows; two with
 * the same rows may have two digests (bytes that differ only in form), which
 * costs a comparison of their rows, never a change missed.
 */
export function csvDeckDigest(sha256: string): string {
  return createHash('sha256').update(`csv\u0000${DECK_RULES}\u0000${sha256}`).digest('hex').slice(0, 32);
}
