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
import { commonLines, lineText, splitLines } from './deck-lines.js';
import { diffRates, pickRates, type RatesDelta } from './rates-diff.js';

const TABLE = 'didsync.applied_decks';

/** Applied decks by plan row id, as read. */
export type AppliedDeckTexts = Map<string, { digest: string; text: string }>;

/** The applied decks of these plans, by plan row id (those prefetched taken from there); a plan without one is absent. */
export async function readAppliedDecks(
  db: Queryable, planRowIds: readonly string[], prefetched?: Promise<AppliedDeckTexts | undefined>,
): Promise<AppliedDeckTexts> {
  const out: AppliedDeckTexts = new Map();
  const early = prefetched ? await prefetched : undefined;
  const rest: string[] = [];
  for (const id of planRowIds) {
    const deck = early?.get(id);
    if (deck) out.set(id, deck);
    else rest.push(id);
  }
  if (rest.length === 0) return out;
  const { rows } = await db.query<{ id: string; digest: string; content: string }>(
    `SELECT rating_plan_id AS id, digest, content FROM ${TABLE} WHERE rating_plan_id = ANY($1::varchar[])`, [rest],
  );
  for (const r of rows) out.set(r.id, { digest: r.digest, text: r.content });
  return out;
}

/**
 * Start reading the applied decks of the managed rating plans with these
 * keys, to overlap the transfer (tens of MB for a hundred plans) with work
 * that needs no database, such as parsing git's decks. The caller attaches
 * it to a later read (readLive's `appliedDecks`), which takes what it holds
 * and reads the rest itself; a failed prefetch only means they are read there.
 */
export function prefetchAppliedDecks(db: Queryable, planKeys: readonly string[]): Promise<AppliedDeckTexts | undefined> {
  const out: AppliedDeckTexts = new Map();
  if (planKeys.length === 0) return Promise.resolve(out);
  const read = db.query<{ id: string; digest: string; content: string }>(
    `SELECT a.rating_plan_id AS id, a.digest, a.content FROM ${TABLE} a
       JOIN didsync.managed m ON m.kind = 'RatingPlan' AND m.row_id = a.rating_plan_id
      WHERE m.key = ANY($1::text[])`, [planKeys],
  );
  return read.then(
    ({ rows }) => {
      for (const r of rows) out.set(r.id, { digest: r.digest, text: r.content });
      return out;
    },
    () => undefined,
  );
}

/** An applied deck's rows; undefined if its text no longer reads as a valid deck (comparing with it would be a guess). */
export function appliedRows(text: string): RateRows | undefined {
  const { deck, problems } = parseRatesCsv('applied deck', text);
  return problems.length === 0 ? normaliseDeck(deck) : undefined;
}

/** Git's deck of a plan, as read: its text, its normalised rows and the line each row is on. */
export interface DeckAsRead {
  text: string;
  rows: RateRows;
  lines: Int32Array;
}

/**
 * The rows of the deck applied last, found from its text and git's deck
 * without parsing all of it: a line both texts have is the same row, so
 * those rows are git's, and only the lines git's deck lacks are parsed;
 * with the delta of git's rows against them, which the lines say. The
 * result holds the same rows as appliedRows(text), in another order.
 * Undefined where that cannot be sure, and the caller parses the whole
 * text: a quote in either text (a quoted field may span lines), headers
 * that differ, or a row count other than `expectedRows` (the live count).
 */
export function appliedRowsByLines(text: string, next: DeckAsRead, expectedRows: number): { rows: RateRows; delta: RatesDelta } | undefined {
  if (text.includes('"') || next.text.includes('"')) return undefined;
  const a = splitLines(text);
  const b = splitLines(next.text);
  if (a.count === 0 || b.count === 0) return undefined;
  const header = lineText(a, 0);
  if (header.replace(/\r$/, '') === '' || header !== lineText(b, 0)) return undefined;
  const { keptInB, goneFromA } = commonLines(a, b);
  const kept: number[] = [];
  const fresh: number[] = [];
  for (let r = 0; r < next.rows.prefix.length; r++) (keptInB[next.lines[r] - 1] ? kept : fresh).push(r);
  const gone = appliedRows([header, ...goneFromA.map((k) => lineText(a, k)), ''].join('\n'));
  if (!gone || kept.length + gone.prefix.length !== expectedRows) return undefined;
  const rows = pickRates(next.rows, kept, gone);
  // Rows on kept lines are equal on both sides; the rest pair by key among themselves.
  const sub = diffRates(pickRates(next.rows, fresh), gone);
  const m = kept.length;
  return {
    rows,
    delta: {
      added: sub.added.map((i) => fresh[i]),
      changed: { desired: sub.changed.desired.map((i) => fresh[i]), live: sub.changed.live.map((j) => m + j) },
      removed: sub.removed.map((j) => m + j),
    },
  };
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
  const stale = decks.filter((d) => recorded.get(d.rowId) !== d.digest);
  // The texts in one bulk load, a deck a chunk: no statement holds them as parameters, which the
  // client copies into a message growing by halves and the server parses again.
  const texts = stale.filter((d) => d.text !== undefined);
  if (texts.length > 0) {
    await db.query(`DELETE FROM ${TABLE} WHERE rating_plan_id = ANY($1::varchar[])`, [texts.map((d) => d.rowId)]);
    await db.copyFrom(TABLE, ['rating_plan_id', 'digest', 'content'], (function* () {
      for (const d of texts) yield `${csvText(d.rowId)},${csvText(d.digest)},${csvText(d.text!)}\n`;
    })());
  }
  for (const d of stale) {
    if (d.text !== undefined) continue;
    await db.query(
      `INSERT INTO ${TABLE} (rating_plan_id, digest, content)
       SELECT $1, $2, ${CANONICAL_CSV} FROM customer_rating_plan_rates WHERE rating_plan_id = $1
       ON CONFLICT (rating_plan_id) DO UPDATE SET digest = EXCLUDED.digest, content = EXCLUDED.content`,
      [d.rowId, d.digest],
    );
  }
}

/** A CSV field that is text, never NULL (an empty unquoted field would be): quoted, its quotes doubled. */
function csvText(text: string): string {
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
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
