// The deck each managed rating plan was last applied from, kept as CSV text
// in didsync.applied_decks: the bytes of its CSV file, or its inline rates
// written out. It is what a plan's live rates are compared with to say what
// drifted (a change made in the DIDTron UI), and costs one value per plan
// instead of a second copy of every rate row. Each text carries the digest
// of its rows (plan.ts ratesDigest): a record whose digest is not the one
// applied is replaced, so it never describes other rows than those applied.

import type { Queryable } from '../drivers/driver.js';
import { parseRatesCsv } from '../load/index.js';
import { normaliseDeck } from './desired.js';
import type { RateRows } from './state.js';

const TABLE = 'didsync.applied_decks';

/** The applied decks of these plans, parsed, by plan row id; a plan without one is absent. */
export async function readAppliedDecks(db: Queryable, planRowIds: readonly string[]): Promise<Map<string, { digest: string; rows: RateRows }>> {
  const out = new Map<string, { digest: string; rows: RateRows }>();
  if (planRowIds.length === 0) return out;
  const { rows } = await db.query<{ id: string; digest: string; content: string }>(
    `SELECT rating_plan_id AS id, digest, content FROM ${TABLE} WHERE rating_plan_id = ANY($1::varchar[])`, [planRowIds],
  );
  for (const r of rows) {
    // It was a valid deck when it was applied; were it not readable now, comparing with it would be a guess.
    const { deck, problems } = parseRatesCsv('applied deck', r.content);
    if (problems.length === 0) out.set(r.id, { digest: r.digest, rows: normaliseDeck(deck) });
  }
  return out;
}

/** What an apply records for one plan: the digest of the rows it applied and, when it has it, the deck's text. */
export interface AppliedDeck {
  rowId: string;
  digest: string;
  text?: string;
}

/**
 * Record the decks of the plans an apply settled, in its transaction: a
 * plan whose record has another digest gets the text it was applied from,
 * or (a saved plan made before texts were kept) the rows it holds now, which
 * are the rows just applied, written out by the database.
 */
export async function recordAppliedDecks(db: Queryable, decks: readonly AppliedDeck[]): Promise<void> {
  if (decks.length === 0) return;
  const { rows } = await db.query<{ id: string; digest: string }>(
    `SELECT rating_plan_id AS id, digest FROM ${TABLE} WHERE rating_plan_id = ANY($1::varchar[])`, [decks.map((d) => d.rowId)],
  );
  const recorded = new Map(rows.map((r) => [r.id, r.digest]));
  for (const d of decks) {
    if (recorded.get(d.rowId) === d.digest) continue;
    if (d.text !== undefined) {
      await db.query(
        `INSERT INTO ${TABLE} (rating_plan_id, digest, content) VALUES ($1, $2, $3)
         ON CONFLICT (rating_plan_id) DO UPDATE SET digest = EXCLUDED.digest, content = EXCLUDED.content`,
        [d.rowId, d.digest, d.text],
      );
    } else {
      await db.query(
        `INSERT INTO ${TABLE} (rating_plan_id, digest, content)
         SELECT $1, $2, ${CANONICAL_CSV} FROM customer_rating_plan_rates WHERE rating_plan_id = $1
         ON CONFLICT (rating_plan_id) DO UPDATE SET digest = EXCLUDED.digest, content = EXCLUDED.content`,
        [d.rowId, d.digest],
      );
    }
  }
}

/** Forget the decks of plans that no longer exist. */
export async function forgetVanishedDecks(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM ${TABLE} a WHERE NOT EXISTS (SELECT 1 FROM customer_rating_plans p WHERE p.id = a.rating_plan_id)`);
}

const q = (column: string) => `coalesce(${column}::text, '')`;

/** A plan's rows as a CSV deck in SQL (header, then rows by prefix and date; an aggregate over no row is a header alone). */
const CANONICAL_CSV = `'prefix,destination,rate,connectionFee,initialInterval,recurringInterval,effectiveDate,endDate' || E'\\n' || coalesce(string_agg(
  ${q('prefix')} || ',"' || replace(${q('destination')}, '"', '""') || '",' || ${q('rate')} || ',' || ${q('connection_fee')} || ',' ||
  ${q('initial_interval')} || ',' || ${q('recurring_interval')} || ',' || ${q('effective_date')} || ',' || ${q('end_date')},
  E'\\n' ORDER BY prefix, effective_date NULLS FIRST) || E'\\n', '')`;
