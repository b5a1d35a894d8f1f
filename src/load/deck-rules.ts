// The stamp of the rules a CSV deck is read and checked by. didsync records
// it with the sha256 of each deck it applies, and skips parsing a deck only
// when both still match (src/load/known-decks.ts): a didsync whose deck
// rules differ (another release, or a bumped revision) parses every deck
// again instead of trusting what an older reading found.

import { createRequire } from 'node:module';

/**
 * Bump when a rule that decides whether a deck is valid or what its rows
 * are changes without a release: the CSV reader and cell checks
 * (src/load/rate*.ts, csv-records.ts, source-text.ts), the duplicate rule
 * (src/validate/rate-duplicates.ts), the normalisation of rows and their
 * digest (src/reconcile/desired.ts normaliseDeck, plan.ts ratesDigest).
 */
const REVISION = 1;

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export const DECK_RULES = `${version}/${REVISION}`;
