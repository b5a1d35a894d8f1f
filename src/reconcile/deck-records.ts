// Which CSV decks didsync applied, so that the next plan need not parse
// them. Each managed rating plan's rates record (fingerprint.ts) may name the
// deck file, the sha256 of its bytes and the deck rules it was read under;
// the record says "these bytes, under these rules, are a valid deck whose
// rows have the digest `desired`". It is written only when that holds (the
// deck was parsed in this run and its digest is the recorded one), and read
// before loading the config, so the loader can carry such decks as stubs.
// A stub is a claim about git's rows only: whether the database still holds
// them is the live fingerprint's business (live.ts, engine.ts).

import type { Queryable } from '../drivers/driver.js';
import { DECK_RULES, type KnownDeck } from '../load/index.js';
import { parseRatesRecord } from './fingerprint.js';
import type { Plan } from './plan.js';
import { ownValue } from '../model/data-object.js';

/** Decks of this didsync's rules recorded at earlier applies, by sha256; one cheap query. */
export async function readKnownDecks(db: Queryable): Promise<Map<string, KnownDeck>> {
  const res = await db.query<{ rates_fingerprint: string }>(
    "SELECT rates_fingerprint FROM didsync.managed WHERE kind = 'RatingPlan' AND rates_fingerprint IS NOT NULL",
  );
  const known = new Map<string, KnownDeck>();
  const disputed = new Set<string>();
  for (const row of res.rows) {
    const record = parseRatesRecord(row.rates_fingerprint);
    const deck = record?.deck;
    if (!record || !deck || deck.rules !== DECK_RULES) continue;
    const seen = known.get(deck.sha256);
    // One content has one digest; records that disagree vouch for nothing.
    if (seen && (seen.digest !== record.desired || seen.rows !== deck.rows)) disputed.add(deck.sha256);
    known.set(deck.sha256, { digest: record.desired, rows: deck.rows });
  }
  for (const sha256 of disputed) known.delete(sha256);
  return known;
}

/**
 * After an apply has recorded the rates of the plans it touched: names, in
 * the record of every managed plan whose recorded digest is its deck's
 * digest in this plan, the deck it came from (so plans untouched by this
 * apply, or whose file was only renamed, get it too). A
 * record whose digest differs gets no deck and so vouches for nothing.
 */
export async function recordDeckSources(db: Queryable, plan: Plan, rowIdOf: (key: string) => string | undefined): Promise<void> {
  const decks = plan.source.rateDecks ?? {};
  const digests = plan.source.rateDigests ?? {};
  const wanted = new Map<string, string>();
  for (const key of Object.keys(decks)) {
    const rowId = rowIdOf(key);
    if (rowId !== undefined && ownValue(digests, key) !== undefined) wanted.set(rowId, key);
  }
  if (wanted.size === 0) return;
  const res = await db.query<{ row_id: string; rates_fingerprint: string | null }>(
    "SELECT row_id, rates_fingerprint FROM didsync.managed WHERE kind = 'RatingPlan' AND row_id = ANY($1::varchar[])",
    [[...wanted.keys()]],
  );
  const rows: { row_id: string; record: string }[] = [];
  for (const r of res.rows) {
    const key = wanted.get(r.row_id)!;
    const record = parseRatesRecord(r.rates_fingerprint);
    if (!record || record.desired !== digests[key]) continue;
    const next = JSON.stringify({ applied: record.applied, desired: record.desired, deck: decks[key] });
    if (next !== r.rates_fingerprint) rows.push({ row_id: r.row_id, record: next });
  }
  if (rows.length === 0) return;
  await db.query(
    `UPDATE didsync.managed m SET rates_fingerprint = x.record
       FROM jsonb_to_recordset($1::jsonb) AS x(row_id varchar, record text)
      WHERE m.kind = 'RatingPlan' AND m.row_id = x.row_id`,
    [JSON.stringify(rows)],
  );
}
