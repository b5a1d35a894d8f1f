// The deck each managed rating plan was last applied from, kept as CSV text
// in didsync.applied_decks: the bytes of its CSV file, or its inline rates
// written out. It is what a plan's live rates are compared with to say what
// drifted (a change made in the DIDTron UI), and costs one value per plan
// instead of a second copy of every rate row. Each text carries the digest
// of its rows (engine.ts deckDigests): a record whose digest is not the one
// applied is replaced, so it never describes other rows than those applied.
//
// A deck that changed by some lines is recorded as the edits of the text
// before it (didsync.applied_deck_edits, text-edits.ts) when the plan read
// that text: a 1% change of a hundred decks wrote their 38 MB again, to the
// table and the WAL, for 10,000 lines. A read puts the text together and
// takes it only when it has the sha256 recorded with the last edits; the
// edits grow to a quarter of the text, or sixteen applies, before the
// whole text is written again. A saved plan carries its decks the same way,
// as edits of the texts it read, which its apply makes again from the texts
// the database holds then (deckTextsToSave, savedDeckTexts).

import { createHash } from 'node:crypto';
import type { Queryable } from '../drivers/driver.js';
import { parseRatesCsv } from '../load/index.js';
import { normaliseDeck } from './desired.js';
import { rateWindow, type RateRows } from './state.js';
import { commonLines, lineText, splitLines, type CommonLines, type Lines } from './deck-lines.js';
import { coveringPrefixes } from './rate-increases.js';
import { readHeader } from '../load/rate-header.js';
import { forEachDuplicateRate } from '../validate/rate-duplicates.js';
import { diffRates, pickRates, type RatesDelta } from './rates-diff.js';
import { applyTextEdits, textEdits, type TextEdits } from './text-edits.js';
import type { Plan } from './plan.js';
import { namedRecord, ownValue } from '../model/data-object.js';

const TABLE = 'didsync.applied_decks';
const EDITS = 'didsync.applied_deck_edits';

/** Edits kept after a text before it is written whole again: at most this many applies, */
const MAX_EDITS = 16;
/** and at most a quarter of the text's length. */
const MAX_EDITS_SHARE = 4;

/** Applied decks by plan row id, as read. */
export type AppliedDeckTexts = Map<string, { digest: string; text: string }>;

/** The applied decks each plan read, held for its apply in this process only (a plan file never carries them). */
const readFor = new WeakMap<object, AppliedDeckTexts>();

/** Keeps the applied decks read while making `plan`, for recordAppliedDecks when it is applied. */
export function rememberAppliedDecks(plan: object, decks: AppliedDeckTexts): void {
  if (decks.size > 0) readFor.set(plan, decks);
}

/** The applied decks read while making `plan`, if it was made in this process. */
export function appliedDecksReadFor(plan: object): AppliedDeckTexts | undefined {
  return readFor.get(plan);
}

type BaseRow = { id: string; digest: string; content: string };
type EditsRow = { id: string; digest: string; sha256: string; edits: string };

/** A text's sha256, as the edits record it. */
function textSha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The applied decks of these base rows, each with its edits (rows in order
 * of `seq`) applied; a deck whose edits do not make the text they recorded
 * is left out, as a deck never recorded is.
 */
function assemble(bases: readonly BaseRow[], edits: readonly EditsRow[]): AppliedDeckTexts {
  const editsOf = new Map<string, EditsRow[]>();
  for (const e of edits) {
    const list = editsOf.get(e.id);
    if (list) list.push(e);
    else editsOf.set(e.id, [e]);
  }
  const out: AppliedDeckTexts = new Map();
  for (const base of bases) {
    const list = editsOf.get(base.id);
    if (!list) {
      out.set(base.id, { digest: base.digest, text: base.content });
      continue;
    }
    const last = list[list.length - 1];
    const text = editedText(base.content, list.map((e) => parseEdits(e.edits)), last.sha256);
    if (text !== undefined) out.set(base.id, { digest: last.digest, text });
  }
  return out;
}

/** `text` with each script applied in turn, when what they make has the sha256 `sha256`; else undefined. */
function editedText(text: string, scripts: readonly unknown[], sha256: string): string | undefined {
  let out: string | undefined = text;
  for (const script of scripts) {
    out = applyTextEdits(out, script);
    if (out === undefined) return undefined;
  }
  return textSha256(out) === sha256 ? out : undefined;
}

function parseEdits(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** Applied decks by the condition `where` on `x.rating_plan_id`, whose one parameter is `param`. */
async function readDecks(db: Queryable, where: string, param: readonly string[]): Promise<AppliedDeckTexts> {
  const bases = await db.query<BaseRow>(`SELECT x.rating_plan_id AS id, x.digest, x.content FROM ${TABLE} x WHERE ${where}`, [param]);
  const edits = await db.query<EditsRow>(
    `SELECT x.rating_plan_id AS id, x.digest, x.sha256, x.edits FROM ${EDITS} x WHERE ${where} ORDER BY x.rating_plan_id, x.seq`, [param],
  );
  return assemble(bases.rows, edits.rows);
}

const BY_ROW_ID = 'x.rating_plan_id = ANY($1::varchar[])';
const BY_PLAN_KEY = "x.rating_plan_id IN (SELECT m.row_id FROM didsync.managed m WHERE m.kind = 'RatingPlan' AND m.key = ANY($1::text[]))";

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
  for (const [id, deck] of await readDecks(db, BY_ROW_ID, rest)) out.set(id, deck);
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
  if (planKeys.length === 0) return Promise.resolve(new Map());
  return readDecks(db, BY_PLAN_KEY, planKeys).catch(() => undefined);
}

/** An applied deck's rows; undefined if its text no longer reads as a valid deck (comparing with it would be a guess). */
export function appliedRows(text: string): RateRows | undefined {
  const { deck, problems } = parseRatesCsv('applied deck', text);
  return problems.length === 0 ? normaliseDeck(deck) : undefined;
}

/**
 * The lines of the deck applied last and of git's deck, paired (deck-lines.ts
 * commonLines), when each line is one record of the same columns: neither
 * text has a quote (a quoted field may span lines) and both start with the
 * same header line, which is not empty. Else undefined.
 */
function pairedLines(appliedText: string, gitText: string): ({ a: Lines; b: Lines; header: string } & CommonLines) | undefined {
  if (appliedText.includes('"') || gitText.includes('"')) return undefined;
  const a = splitLines(appliedText);
  const b = splitLines(gitText);
  if (a.count === 0 || b.count === 0) return undefined;
  const header = lineText(a, 0);
  if (header.replace(/\r$/, '') === '' || header !== lineText(b, 0)) return undefined;
  return { a, b, header, ...commonLines(a, b) };
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
  const paired = pairedLines(text, next.text);
  if (!paired) return undefined;
  const { a, header, keptInB, goneFromA } = paired;
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

/**
 * Git's deck and the deck applied last, each cut down to the rows a change
 * by lines can touch, found from the two texts without parsing the rest: the
 * rows of every prefix on a line one text has and the other lacks, and of
 * every shorter prefix of those (what the rate guards judge a change by:
 * rate-increases.ts), with every line git's deck added, whatever it holds.
 * A line both texts have is one row, equal on both sides, so the diff of the
 * two windows is the diff of the two decks; each window counts all its
 * deck's rows (state.ts rateWindow).
 *
 * `gitText` is a deck nobody has checked (LoadOptions.deferDecks): the lines
 * it added are parsed and checked here, and its window must hold no two
 * rows of one key. Any key a new line repeats is in the window, since a
 * repeated key repeats its prefix. Undefined where that cannot be sure, or a
 * rule is broken, and the caller parses the decks in full (and validation
 * reports what is wrong): a quote in either text (a quoted field may span
 * lines), headers that differ or do not read, or a row count of the applied
 * text other than `liveRows` (its live rows, by their fingerprint).
 */
export function windowsByLines(appliedText: string, gitText: string, liveRows: number): { desired: RateRows; live: RateRows } | undefined {
  const paired = pairedLines(appliedText, gitText);
  if (!paired) return undefined;
  const { a, b, header, keptInB, goneFromA } = paired;
  const columns = readHeader(header.replace(/\r$/, '').split(','));
  if (columns.issues.length > 0 || !columns.usable || dataLines(a) !== liveRows) return undefined;
  const at = columns.columns.prefix;
  const changed = new Set<string>();
  for (let j = 1; j < b.count; j++) if (!keptInB[j] && !isBlank(b, j)) changed.add(prefixField(b, j, at));
  for (const k of goneFromA) changed.add(prefixField(a, k, at));
  const window = new PrefixSet(coveringPrefixes(changed));
  const desired: string[] = [header];
  const live: string[] = [header];
  for (let j = 1; j < b.count; j++) {
    if (isBlank(b, j)) continue;
    if (!keptInB[j]) desired.push(lineText(b, j));
    else if (window.hasField(b, j, at)) {
      const line = lineText(b, j);
      desired.push(line);
      live.push(line);
    }
  }
  for (const k of goneFromA) if (!isBlank(a, k)) live.push(lineText(a, k));
  const parsed = parseRatesCsv('rates file', `${desired.join('\n')}\n`);
  if (parsed.problems.length > 0) return undefined;
  let repeated = false;
  forEachDuplicateRate(parsed.deck.prefix, parsed.deck.effectiveDate, () => { repeated = true; });
  const liveWindow = appliedRows(`${live.join('\n')}\n`);
  if (repeated || !liveWindow) return undefined;
  return { desired: rateWindow(normaliseDeck(parsed.deck), dataLines(b)), live: rateWindow(liveWindow, liveRows) };
}

/**
 * Where field `at` of line k lies, as [start, end) offsets in the text:
 * without quotes a line is one record, and its fields are what lies
 * between its commas (a CR ending the line is not part of the last one).
 * Past the line's last field, an empty span at its end.
 */
function fieldSpan(lines: Lines, k: number, at: number): [number, number] {
  const text = lines.text;
  let end = lines.starts[k + 1] - 1;
  if (end > lines.starts[k] && text.charCodeAt(end - 1) === 13) end--;
  let start = lines.starts[k];
  for (let f = 0; f < at; f++) {
    const comma = text.indexOf(',', start);
    if (comma < 0 || comma >= end) return [end, end];
    start = comma + 1;
  }
  const comma = text.indexOf(',', start);
  return [start, comma < 0 || comma >= end ? end : comma];
}

function prefixField(lines: Lines, k: number, at: number): string {
  const [start, end] = fieldSpan(lines, k, at);
  return lines.text.slice(start, end);
}

/**
 * A set of prefixes asked about fields of lines in place: a field's hash and
 * length rule out nearly every line of a deck before a string is made of it
 * (a million short slices were most of the cost of finding a window).
 */
class PrefixSet {
  private readonly hashes = new Set<number>();
  constructor(private readonly prefixes: ReadonlySet<string>) {
    for (const p of prefixes) this.hashes.add(hashOf(p, 0, p.length));
  }
  hasField(lines: Lines, k: number, at: number): boolean {
    const [start, end] = fieldSpan(lines, k, at);
    return this.hashes.has(hashOf(lines.text, start, end)) && this.prefixes.has(lines.text.slice(start, end));
  }
}

/** FNV-1a of the characters start..end-1 of a string. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Whether line k is empty (a CSV reader skips it: csv-records.ts). */
function isBlank(lines: Lines, k: number): boolean {
  const length = lines.starts[k + 1] - 1 - lines.starts[k];
  return length === 0 || (length === 1 && lines.text.charCodeAt(lines.starts[k]) === 13);
}

/** The records of a text without quotes, less its header: its lines that are not empty, less the first. */
function dataLines(lines: Lines): number {
  let n = 0;
  for (let k = 1; k < lines.count; k++) if (!isBlank(lines, k)) n++;
  return n;
}

/** What an apply records for one plan: the digest of the rows it applied and, when it has it, the deck's text. */
export interface AppliedDeck {
  rowId: string;
  digest: string;
  text?: string;
}

/** What the database holds of a plan's applied deck, short of its text. */
interface DeckRecord {
  /** The digest of the last edits, or of the text when there are none. */
  digest: string;
  /** Length of the text (in bytes), of all its edits, and the last edits' number (0 when none). */
  textBytes: number;
  editBytes: number;
  seq: number;
}

/**
 * Record the decks of the plans an apply settled, in its transaction: a
 * plan whose record has another digest gets the text it was applied from,
 * or (a saved plan made before texts were kept) the rows it holds now, which
 * are the rows just applied, written out by the database. A text whose plan
 * read the text recorded before it (`previous`, by plan row id, with the
 * digest it had) is recorded as edits of that text while they stay small.
 */
export async function recordAppliedDecks(db: Queryable, decks: readonly AppliedDeck[], previous?: AppliedDeckTexts): Promise<void> {
  if (decks.length === 0) return;
  const { rows } = await db.query<{ id: string; digest: string; text_bytes: number; edit_bytes: number | null; seq: number | null }>(
    `SELECT a.rating_plan_id AS id, coalesce(e.digest, a.digest) AS digest, octet_length(a.content) AS text_bytes,
            e.bytes::int AS edit_bytes, e.seq
       FROM ${TABLE} a LEFT JOIN LATERAL (
         SELECT (array_agg(x.digest ORDER BY x.seq DESC))[1] AS digest, sum(octet_length(x.edits)) AS bytes, max(x.seq) AS seq
           FROM ${EDITS} x WHERE x.rating_plan_id = a.rating_plan_id HAVING count(*) > 0) e ON true
      WHERE a.rating_plan_id = ANY($1::varchar[])`, [decks.map((d) => d.rowId)],
  );
  const recorded = new Map<string, DeckRecord>(rows.map((r) => [r.id, {
    digest: r.digest, textBytes: Number(r.text_bytes), editBytes: Number(r.edit_bytes ?? 0), seq: Number(r.seq ?? 0),
  }]));
  const stale = decks.filter((d) => recorded.get(d.rowId)?.digest !== d.digest);
  const edited: Array<{ id: string; seq: number; digest: string; sha256: string; edits: string }> = [];
  const whole: AppliedDeck[] = [];
  for (const d of stale) {
    const script = d.text === undefined ? undefined : smallEdits(recorded.get(d.rowId), previous?.get(d.rowId), d.text);
    if (script === undefined) whole.push(d);
    else edited.push({ id: d.rowId, seq: recorded.get(d.rowId)!.seq + 1, digest: d.digest, sha256: script.sha256, edits: script.json });
  }
  if (edited.length > 0) {
    await db.query(
      `INSERT INTO ${EDITS} (rating_plan_id, seq, digest, sha256, edits)
       SELECT * FROM unnest($1::varchar[], $2::int[], $3::text[], $4::text[], $5::text[])`,
      [edited.map((e) => e.id), edited.map((e) => e.seq), edited.map((e) => e.digest), edited.map((e) => e.sha256), edited.map((e) => e.edits)],
    );
  }
  if (whole.length === 0) return;
  // A text written whole replaces its edits.
  await db.query(`DELETE FROM ${EDITS} WHERE rating_plan_id = ANY($1::varchar[])`, [whole.map((d) => d.rowId)]);
  // The texts in one bulk load, a deck a chunk: no statement holds them as parameters, which the
  // client copies into a message growing by halves and the server parses again.
  const texts = whole.filter((d) => d.text !== undefined);
  if (texts.length > 0) {
    await db.query(`DELETE FROM ${TABLE} WHERE rating_plan_id = ANY($1::varchar[])`, [texts.map((d) => d.rowId)]);
    await db.copyFrom(TABLE, ['rating_plan_id', 'digest', 'content'], (function* () {
      for (const d of texts) yield `${csvText(d.rowId)},${csvText(d.digest)},${csvText(d.text!)}\n`;
    })());
  }
  for (const d of whole) {
    if (d.text !== undefined) continue;
    await db.query(
      `INSERT INTO ${TABLE} (rating_plan_id, digest, content)
       SELECT $1::varchar, $2::text, ${CANONICAL_CSV} FROM customer_rating_plan_rates WHERE rating_plan_id = $1::varchar
       ON CONFLICT (rating_plan_id) DO UPDATE SET digest = EXCLUDED.digest, content = EXCLUDED.content`,
      [d.rowId, d.digest],
    );
  }
}

/**
 * The edits that make `text` of the text recorded before it, when the plan
 * read that text (the same digest as recorded: no apply came between) and
 * the edits, with those recorded, stay small; else undefined.
 */
function smallEdits(record: DeckRecord | undefined, before: { digest: string; text: string } | undefined, text: string): Script | undefined {
  if (!record || !before || before.digest !== record.digest || record.seq >= MAX_EDITS) return undefined;
  return smallScript(before, text, record.textBytes, record.editBytes);
}

/**
 * The script that makes `text` of the applied deck `before`, when it stays
 * small: with the `keptBytes` of edits kept already, a quarter of
 * `wholeBytes` at most.
 */
function smallScript(before: { text: string }, text: string, wholeBytes: number, keptBytes = 0): Script | undefined {
  const script = scriptOf(before, text);
  return script && (keptBytes + Buffer.byteLength(script.json)) * MAX_EDITS_SHARE <= wholeBytes ? script : undefined;
}

/** A text as edits of an applied deck: the script, as JSON, and the sha256 of the text it makes. */
interface Script {
  edits: TextEdits;
  json: string;
  sha256: string;
}

/** The last script worked out of each applied deck as read (an AppliedDeckTexts entry), with the text it makes. */
const scripts = new WeakMap<object, { text: string; script: Script | undefined }>();

/** The script that makes `text` of the applied deck `before` (undefined when there is none), worked out once per pair. */
function scriptOf(before: { text: string }, text: string): Script | undefined {
  const known = scripts.get(before);
  if (known && known.text === text) return known.script;
  const edits = textEdits(before.text, text);
  const script = edits && { edits, json: JSON.stringify(edits), sha256: textSha256(text) };
  scripts.set(before, { text, script });
  return script;
}

/**
 * Works out the edits that an apply of `plan` records for each deck whose
 * applied text the plan read (recordAppliedDecks then takes them as they
 * are). The apply calls it while the server writes the plan's rates: the
 * UPDATE of a 1% change of a hundred decks takes the server 0.5 to 0.9 s,
 * in which the client had nothing to do, and working out their edits after
 * it took the client 0.13 to 0.21 s more.
 */
export function prepareDeckEdits(plan: Plan, rowIdOf: (key: string) => string | undefined): void {
  const read = appliedDecksReadFor(plan);
  const texts = plan.source.deckTexts;
  if (!read || !texts) return;
  for (const [key, text] of Object.entries(texts)) {
    const rowId = rowIdOf(key);
    const before = rowId === undefined ? undefined : read.get(rowId);
    if (before) scriptOf(before, text);
  }
}

/**
 * A deck's text as a saved plan carries it when the plan read the deck
 * applied before: edits of that text (text-edits.ts), with the sha256 of the
 * text they are of and of the text they make.
 */
export interface SavedDeckEdits {
  base: string;
  sha256: string;
  edits: unknown;
}

/**
 * The deck texts a saved plan carries: each that the plan can give as edits
 * of the applied deck it read for the same rating plan, small as an apply
 * records them (a quarter of the text at most), as those edits; the others
 * whole. A change of 1% of the rates of a hundred decks saved their 38 MB of
 * text for 10,000 changed lines. Apply makes the texts again from the
 * applied decks the database holds then (savedDeckTexts).
 */
export function deckTextsToSave(plan: Plan): Pick<Plan['source'], 'deckTexts' | 'deckEdits'> {
  const texts = plan.source.deckTexts;
  const read = appliedDecksReadFor(plan);
  if (!texts || !read) return { deckTexts: texts };
  const rowIds = namedRecord<string>();
  for (const c of plan.changes) if (c.kind === 'RatingPlan' && c.rowId) rowIds[c.key] = c.rowId;
  for (const r of plan.refresh) if (r.kind === 'RatingPlan') rowIds[r.key] = r.rowId;
  const whole = namedRecord<string>();
  const edited = namedRecord<SavedDeckEdits>();
  for (const [key, text] of Object.entries(texts)) {
    const rowId = ownValue(rowIds, key);
    const before = rowId === undefined ? undefined : read.get(rowId);
    const small = before && smallScript(before, text, Buffer.byteLength(text));
    if (before && small) edited[key] = { base: textSha256(before.text), sha256: small.sha256, edits: small.edits };
    else whole[key] = text;
  }
  return {
    ...(Object.keys(whole).length > 0 ? { deckTexts: whole } : {}),
    ...(Object.keys(edited).length > 0 ? { deckEdits: edited } : {}),
  };
}

/**
 * The texts a saved plan carries as edits (deckTextsToSave), made again from
 * the applied decks the database holds now, by plan key; with those decks,
 * by row id, so that the apply records its texts as edits too. A text whose
 * applied deck is no longer the one its edits are of, or whose edits do not
 * make the text they recorded, is left out: the apply then records the rows
 * it applied instead, as for a plan saved without texts.
 */
export async function savedDeckTexts(
  db: Queryable, saved: Record<string, SavedDeckEdits> | undefined, rowIdOf: (key: string) => string | undefined,
): Promise<{ texts: Map<string, string>; read: AppliedDeckTexts }> {
  const texts = new Map<string, string>();
  const wanted = Object.entries(saved ?? {}).flatMap(([key, edits]) => {
    const rowId = rowIdOf(key);
    return rowId === undefined ? [] : [{ key, rowId, edits }];
  });
  if (wanted.length === 0) return { texts, read: new Map() };
  const read = await readAppliedDecks(db, wanted.map((w) => w.rowId));
  for (const { key, rowId, edits } of wanted) {
    const before = read.get(rowId);
    if (!before || textSha256(before.text) !== edits.base) continue;
    const text = editedText(before.text, [edits.edits], edits.sha256);
    if (text !== undefined) texts.set(key, text);
  }
  return { texts, read };
}

/** A CSV field that is text, never NULL (an empty unquoted field would be): quoted, its quotes doubled. */
function csvText(text: string): string {
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

/** Forget the decks of plans that no longer exist. */
export async function forgetVanishedDecks(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM ${TABLE} a WHERE NOT EXISTS (SELECT 1 FROM customer_rating_plans p WHERE p.id = a.rating_plan_id)`);
  await db.query(`DELETE FROM ${EDITS} e WHERE NOT EXISTS (SELECT 1 FROM ${TABLE} a WHERE a.rating_plan_id = e.rating_plan_id)`);
}

const q = (column: string) => `coalesce(${column}::text, '')`;

/** A plan's rows as a CSV deck in SQL (header, then rows by prefix and date; an aggregate over no row is a header alone). */
const CANONICAL_CSV = `'prefix,destination,rate,connectionFee,initialInterval,recurringInterval,effectiveDate,endDate' || E'\\n' || coalesce(string_agg(
  ${q('prefix')} || ',"' || replace(${q('destination')}, '"', '""') || '",' || ${q('rate')} || ',' || ${q('connection_fee')} || ',' ||
  ${q('initial_interval')} || ',' || ${q('recurring_interval')} || ',' || ${q('effective_date')} || ',' || ${q('end_date')},
  E'\\n' ORDER BY prefix, effective_date NULLS FIRST) || E'\\n', '')`;
