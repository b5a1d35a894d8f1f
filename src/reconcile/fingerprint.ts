// Fingerprints of rate decks computed by the database itself, so that a plan
// need not read a million rate rows to learn that nothing changed.
//
// A deck's fingerprint is its row count and the sum of a 64-bit hash of each
// row's full text (order-independent, so no sort): any inserted, deleted or
// edited row changes it, short of a 64-bit collision. didsync records, per
// managed plan, the fingerprint of the rates it last applied and the digest
// of the git deck they came from (didsync.managed.rates_fingerprint). A plan
// whose live fingerprint equals the recorded one has not drifted; if its git
// deck's digest also equals the recorded one, it has no rate changes either,
// and its rows are not read. Every other plan is compared row by row.

import type { Queryable } from '../drivers/driver.js';
import type { DeckSource } from './plan.js';
import { RATE_ROW_TEXT } from '../db/watchers.js';

/** The fingerprint of an empty deck (no row, so no group in the query). */
export const EMPTY_FINGERPRINT = '0:0';

/**
 * Fingerprints of the live rates by rating plan row id, all plans or those
 * in `planIds`, as the database keeps them at write time (didsync.rate_prints,
 * src/db/watchers.ts): one row per plan, however many rates it has. With
 * `scan`, computed from every rate row instead (the full comparison, which
 * does not trust the triggers); both give the same text for the same rows.
 */
export async function rateFingerprints(db: Queryable, opts: { planIds?: readonly string[]; scan?: boolean } = {}): Promise<Map<string, string>> {
  const where = opts.planIds ? 'WHERE rating_plan_id = ANY($1::varchar[])' : '';
  const sql = opts.scan
    ? `SELECT rating_plan_id AS id, count(*)::text AS n, sum(hashtextextended(${RATE_ROW_TEXT}, 0))::text AS h
         FROM customer_rating_plan_rates ${where} GROUP BY rating_plan_id`
    : `SELECT rating_plan_id AS id, n::text AS n, h::text AS h FROM didsync.rate_prints ${where}`;
  const { rows } = await db.query<{ id: string; n: string; h: string }>(sql, opts.planIds ? [opts.planIds] : []);
  const out = new Map<string, string>();
  for (const r of rows) if (r.n !== '0') out.set(r.id, `${r.n}:${r.h}`);
  return out;
}

/** What didsync recorded about a managed plan's rates at its last apply. */
export interface RatesRecord {
  /** Fingerprint of the rates it applied, read right after it wrote them. */
  applied: string;
  /** The digest of the git deck they were applied from (engine.ts deckDigests). */
  desired: string;
  /** The CSV whose rows have the digest `desired` (deck-records.ts); absent for inline rates. */
  deck?: DeckSource;
}

export function parseRatesRecord(text: string | null | undefined): RatesRecord | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text) as Partial<RatesRecord>;
    if (typeof v.applied !== 'string' || typeof v.desired !== 'string') return undefined;
    const deck = deckSourceOf(v.deck);
    return { applied: v.applied, desired: v.desired, ...(deck ? { deck } : {}) };
  } catch {
    return undefined;
  }
}

function deckSourceOf(v: unknown): DeckSource | undefined {
  const d = v as Partial<DeckSource> | null | undefined;
  if (typeof d?.file !== 'string' || typeof d.sha256 !== 'string' || typeof d.rules !== 'string') return undefined;
  if (typeof d.rows !== 'number' || !Number.isSafeInteger(d.rows) || d.rows < 0) return undefined;
  return { file: d.file, sha256: d.sha256, rows: d.rows, rules: d.rules };
}

/**
 * After an apply, record for each given managed plan (row id -> desired
 * digest) the fingerprint its rates have now, which are the rates it applied.
 */
export async function recordRatesFingerprints(db: Queryable, plans: ReadonlyMap<string, string>): Promise<void> {
  if (plans.size === 0) return;
  const ids = [...plans.keys()];
  const prints = await rateFingerprints(db, { planIds: ids });
  const rows = ids.map((id) => ({
    row_id: id,
    record: JSON.stringify({ applied: prints.get(id) ?? EMPTY_FINGERPRINT, desired: plans.get(id) ?? '' } satisfies RatesRecord),
  }));
  await db.query(
    `UPDATE didsync.managed m SET rates_fingerprint = x.record
       FROM jsonb_to_recordset($1::jsonb) AS x(row_id varchar, record text)
      WHERE m.kind = 'RatingPlan' AND m.row_id = x.row_id`,
    [JSON.stringify(rows)],
  );
}
