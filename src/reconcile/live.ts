// Reads live state and didsync's bookkeeping from the database into the
// interim model. Generic over kinds: every query is built from kinds.ts and
// the schemas' field lists. Read-only: never writes.

import { APPLY_ORDER, identityKey, kindSpec, type KindName, type KindSpec, type NestedPart } from '../model/kinds.js';
import { ident } from '../model/columns.js';
import type { FieldInfo } from '../model/schemas.js';
import type { Queryable } from '../drivers/driver.js';
import { normalise, type Value } from './values.js';
import { canonicalDecimal } from '../model/decimal.js';
import { EMPTY_FINGERPRINT, parseRatesRecord, rateFingerprints, type RatesRecord } from './fingerprint.js';
import { appliedRows, appliedRowsByLines, readAppliedDecks, windowsByLines, type AppliedDeckTexts, type DeckAsRead } from './applied-decks.js';
import { rememberDelta } from './rates-diff.js';
import {
  normaliseNested, objectId, stateFields,
  type AppliedObject, type AppliedState, type LiveObject, type LiveState, type RateRows,
} from './state.js';

/** Resolves row ids of referenced objects back to their natural keys. */
class KeyBook {
  private readonly keys = new Map<string, string>();
  private readonly carrierOf = new Map<string, string>();
  set(kind: KindName | 'Currency', rowId: string, key: string): void {
    this.keys.set(`${kind}\u0000${rowId}`, key);
  }
  get(kind: KindName | 'Currency', rowId: unknown): string | null {
    if (rowId == null) return null;
    return this.keys.get(`${kind}\u0000${String(rowId)}`) ?? `?${String(rowId)}`;
  }
  setInterconnectCarrier(rowId: string, carrier: string): void {
    this.carrierOf.set(rowId, carrier);
  }
  interconnectName(rowId: unknown, carrier: Value): string | null {
    const full = this.get('Interconnect', rowId);
    if (full == null || full.startsWith('?')) return full;
    const owner = this.carrierOf.get(String(rowId));
    const name = full.slice(full.indexOf('/') + 1);
    // An interconnect of another carrier shows as CARRIER/name, so the diff sees the mismatch.
    return owner === carrier ? name : full;
  }
}

export interface ReadOptions {
  /**
   * Rating plan keys whose live rates to read, besides every managed plan's;
   * 'all' reads every plan's; 'none' reads no rate rows (fingerprints only).
   */
  rates: ReadonlySet<string> | 'all' | 'none';
  /**
   * Skip the rows of a managed plan whose live fingerprint equals the one
   * recorded at its last apply (no drift) and, when `desiredDigests` is
   * given, whose git deck is the one it was applied from (no change either).
   * See fingerprint.ts. Without it every plan is compared row by row.
   */
  skipUnchanged?: {
    desiredDigests?: ReadonlyMap<string, string>;
    /** Git's CSV decks as read, by plan key: an undrifted plan's live rows are then found by the lines its deck changed. */
    desiredDecks?: ReadonlyMap<string, DeckAsRead>;
    /**
     * The texts of git's decks put off (LoadOptions.deferDecks), by plan key:
     * for an undrifted plan whose live row is the one it was applied to, the
     * live rows and git's are then read as windows (applied-decks.ts
     * windowsByLines), and git's window is answered in `desiredWindows`.
     */
    deferredDecks?: ReadonlyMap<string, string>;
  };
  /** Applied decks read ahead (prefetchAppliedDecks): taken from here, the rest read. */
  appliedDecks?: Promise<AppliedDeckTexts | undefined>;
  /** Compute the live fingerprints from every rate row instead of reading those the triggers keep (the full comparison). */
  scanFingerprints?: boolean;
  /**
   * Read only these objects (ids `Kind\u0000key`): the rows didsync applied
   * them to and the rows with their identity, with the records of only
   * these. A caller that knows every other row equals its record (an
   * incremental plan on a clean database, incremental.ts) uses it; the
   * names of all managed rows still resolve references.
   */
  only?: ReadonlySet<string>;
  /** With `only`: the names of every managed row, when the caller read them already (readManagedNames). */
  managedNames?: readonly ManagedName[];
}

export interface LiveRead {
  live: LiveState;
  applied: AppliedState;
  /** Plans whose rates were skipped as unchanged (equal to the last apply and, if asked, to git). */
  unchangedRates: Set<string>;
  /**
   * Plans whose live rates, undrifted, were read from the text of the deck
   * applied last instead of row by row: from the lines git's deck changed
   * ('lines') or from all of the text ('text').
   */
  ratesFromAppliedDecks: Map<string, 'lines' | 'text'>;
  /** The applied decks read, by plan row id (an apply records its decks as edits of these: applied-decks.ts). */
  appliedDecks: AppliedDeckTexts;
  /** Git's window of each deferred deck whose live rates are a window too (ReadOptions.skipUnchanged.deferredDecks). */
  desiredWindows: Map<string, RateRows>;
  /** What the last apply recorded of each managed plan's rates, by row id (fingerprint.ts). */
  ratesRecords: ReadonlyMap<string, RatesRecord>;
}

export async function readLive(db: Queryable, opts: ReadOptions): Promise<LiveRead> {
  const { objects: appliedObjects, ratesRecords, managedRows, names } = await readApplied(db, opts.only, opts.managedNames);
  const book = new KeyBook();
  for (const row of (await db.query<{ id: string; code: string }>('SELECT id, code FROM currencies')).rows) {
    book.set('Currency', row.id, row.code);
  }
  const carrierRows = new Map<string, string>();
  if (opts.only) {
    for (const n of names) {
      if (n.kind === 'Carrier') carrierRows.set(n.key, n.rowId);
      book.set(n.kind, n.rowId, n.key);
      if (n.kind === 'Interconnect' && n.carrier !== null) book.setInterconnectCarrier(n.rowId, n.carrier);
    }
  }
  const objects = new Map<string, LiveObject[]>();
  const planIds = new Map<string, string>();
  for (const kind of APPLY_ORDER) {
    const filter = opts.only ? subsetFilter(kind, opts.only, appliedObjects, carrierRows) : undefined;
    for (const obj of await readKind(db, kindSpec(kind), book, managedRows, filter)) {
      const id = objectId(kind, obj.key);
      objects.set(id, [...(objects.get(id) ?? []), obj]);
      if (kind === 'RatingPlan') planIds.set(obj.key, obj.rowId);
      // A carrier read here (one the config adopts, say) scopes the interconnects and services read after it.
      if (kind === 'Carrier' && opts.only && !carrierRows.has(obj.key)) carrierRows.set(obj.key, obj.rowId);
    }
  }
  const prints = await rateFingerprints(db, { scan: opts.scanFingerprints === true });
  const rateFingerprintsByKey = new Map<string, string>();
  const rates = new Map<string, RateRows>();
  const appliedRates = new Map<string, RateRows>();
  const wantApplied = new Map<string, string>();
  const fromAppliedDeck = new Map<string, string>();
  const ratesFromAppliedDecks = new Map<string, 'lines' | 'text'>();
  const desiredWindows = new Map<string, RateRows>();
  const unchangedRates = new Set<string>();
  for (const [key, rowId] of planIds) {
    const fingerprint = prints.get(rowId) ?? EMPTY_FINGERPRINT;
    rateFingerprintsByKey.set(key, fingerprint);
    if (opts.rates === 'none') continue;
    const managedPlan = managedRows.has(`RatingPlan\u0000${rowId}`);
    if (opts.rates !== 'all' && !opts.rates.has(key) && !managedPlan) continue;
    const record = ratesRecords.get(rowId);
    if (managedPlan && opts.skipUnchanged && unchanged(record, fingerprint, key, opts.skipUnchanged.desiredDigests)) {
      unchangedRates.add(key);
      continue;
    }
    // Live rates with the fingerprint of the last apply have not drifted: they are the rows of the
    // deck applied last, which are read from its text (in the deck's own order, which git's next
    // deck mostly keeps) instead of row by row. Drifted, the applied copy says what drifted.
    const drifted = !opts.skipUnchanged || record?.applied !== fingerprint;
    if (managedPlan && drifted) wantApplied.set(rowId, key);
    if (managedPlan && !drifted) fromAppliedDeck.set(rowId, key);
    else rates.set(key, await readRates(db, 'customer_rating_plan_rates', rowId));
  }
  // The deck applied last, when it is the one the record says (its digest): else what drifted is unknown, and not guessed.
  const appliedDecks = await readAppliedDecks(db, [...wantApplied.keys(), ...fromAppliedDeck.keys()], opts.appliedDecks);
  for (const [rowId, deck] of appliedDecks) {
    if (deck.digest !== ratesRecords.get(rowId)?.desired) continue;
    const key = wantApplied.get(rowId) ?? fromAppliedDeck.get(rowId)!;
    if (wantApplied.has(rowId)) {
      const rows = appliedRows(deck.text);
      if (rows) appliedRates.set(key, rows);
      continue;
    }
    // Git's deck, not read, differs from the applied one by some lines: both are read as windows around them.
    const deferred = opts.skipUnchanged?.deferredDecks?.get(key);
    if (deferred !== undefined && recordedRowIsLive(key, objects, appliedObjects)) {
      const windows = windowsByLines(deck.text, deferred, rowCount(prints.get(rowId) ?? EMPTY_FINGERPRINT));
      if (windows) {
        rates.set(key, windows.live);
        desiredWindows.set(key, windows.desired);
        ratesFromAppliedDecks.set(key, 'lines');
        continue;
      }
    }
    // Git's deck, read, differs from the applied one by a few lines: only those are parsed.
    const next = opts.skipUnchanged?.desiredDecks?.get(key);
    const byLines = next && appliedRowsByLines(deck.text, next, rowCount(prints.get(rowId) ?? EMPTY_FINGERPRINT));
    if (byLines) rememberDelta(next.rows, byLines.rows, byLines.delta);
    const rows = byLines?.rows ?? appliedRows(deck.text);
    if (!rows) continue;
    rates.set(key, rows);
    ratesFromAppliedDecks.set(key, byLines ? 'lines' : 'text');
  }
  // No applied deck of the recorded digest (a record from before decks were kept): the rows themselves.
  for (const [rowId, key] of fromAppliedDeck) {
    if (!rates.has(key)) rates.set(key, await readRates(db, 'customer_rating_plan_rates', rowId));
  }
  return {
    live: { objects, rates, rateFingerprints: rateFingerprintsByKey },
    applied: { objects: appliedObjects, rates: appliedRates },
    unchangedRates,
    ratesFromAppliedDecks,
    appliedDecks,
    desiredWindows,
    ratesRecords,
  };
}

/**
 * Whether the one live rating plan named `key` is the row didsync applied
 * `key` to, so the diff pairs the desired plan with it (diff.ts matches by
 * record first): only then may one deck stand on both sides, unread or as
 * windows of the same lines.
 */
export function recordedRowIsLive(key: string, live: ReadonlyMap<string, LiveObject[]>, applied: ReadonlyMap<string, AppliedObject>): boolean {
  const id = objectId('RatingPlan', key);
  const rows = live.get(id) ?? [];
  return rows.length === 1 && applied.get(id)?.rowId === rows[0].rowId;
}

/** The row count of a fingerprint (`n:h`). */
function rowCount(fingerprint: string): number {
  return Number(fingerprint.slice(0, fingerprint.indexOf(':')));
}

function unchanged(record: RatesRecord | undefined, fingerprint: string, key: string, desired: ReadonlyMap<string, string> | undefined): boolean {
  if (!record || record.applied !== fingerprint) return false;
  return desired === undefined || desired.get(key) === record.desired;
}

/** A managed row's identity (with an interconnect's carrier). */
export interface ManagedName {
  kind: KindName;
  key: string;
  rowId: string;
  carrier: string | null;
}

/** The identity of every row didsync manages: one light read of its records. */
export async function readManagedNames(db: Queryable): Promise<ManagedName[]> {
  const rows = await db.queryArrays("SELECT kind, key, row_id, applied->>'carrier' FROM didsync.managed");
  return (rows as Array<[KindName, string, string, string | null]>).map(([kind, key, rowId, carrier]) => ({ kind, key, rowId, carrier }));
}

interface AppliedRead {
  objects: Map<string, AppliedObject>;
  ratesRecords: Map<string, RatesRecord>;
  /** `Kind\u0000rowId` of every managed row. */
  managedRows: Set<string>;
  /** Every managed row's identity, to name references to rows not read. */
  names: readonly ManagedName[];
}

/**
 * didsync's records: all of them, or (`only`) the records of those objects
 * and the names of every managed row (`names`, when the caller read them).
 */
async function readApplied(db: Queryable, only?: ReadonlySet<string>, given?: readonly ManagedName[]): Promise<AppliedRead> {
  const objects = new Map<string, AppliedObject>();
  const ratesRecords = new Map<string, RatesRecord>();
  const managedRows = new Set<string>();
  const take = (r: { kind: KindName; key: string; row_id: string; applied: Record<string, Value>; rates_fingerprint: string | null }) => {
    objects.set(objectId(r.kind, r.key), { kind: r.kind, key: r.key, rowId: r.row_id, fields: r.applied });
    const record = r.kind === 'RatingPlan' ? parseRatesRecord(r.rates_fingerprint) : undefined;
    if (record) ratesRecords.set(r.row_id, record);
  };
  if (!only) {
    const res = await db.query<{ kind: KindName; key: string; row_id: string; applied: Record<string, Value>; rates_fingerprint: string | null }>(
      'SELECT kind, key, row_id, applied, rates_fingerprint FROM didsync.managed',
    );
    for (const r of res.rows) {
      take(r);
      managedRows.add(`${r.kind}\u0000${r.row_id}`);
    }
    return { objects, ratesRecords, managedRows, names: [] };
  }
  const names = given ?? await readManagedNames(db);
  for (const n of names) managedRows.add(`${n.kind}\u0000${n.rowId}`);
  const ids = [...only].map((id) => id.split('\u0000'));
  const res = await db.query<{ kind: KindName; key: string; row_id: string; applied: Record<string, Value>; rates_fingerprint: string | null }>(
    `SELECT m.kind, m.key, m.row_id, m.applied, m.rates_fingerprint FROM didsync.managed m
       JOIN unnest($1::text[], $2::text[]) AS x(kind, key) ON x.kind = m.kind AND x.key = m.key`,
    [ids.map((i) => i[0]), ids.map((i) => i.slice(1).join('\u0000'))],
  );
  for (const r of res.rows) take(r);
  return { objects, ratesRecords, managedRows, names };
}

/** Which rows of a kind an `only` read takes: those its records name, and those that may hold a wanted identity. */
interface RowFilter {
  rowIds: string[];
  /** Values of the identity column (a name or code), for kinds identified by it alone. */
  names: string[];
  /** (carrier row id, name) pairs, for kinds identified inside their carrier. */
  scoped: Array<[string, string]>;
}

function subsetFilter(
  kind: KindName, only: ReadonlySet<string>, applied: ReadonlyMap<string, AppliedObject>, carrierRows: ReadonlyMap<string, string>,
): RowFilter {
  const filter: RowFilter = { rowIds: [], names: [], scoped: [] };
  const scopedKind = kindSpec(kind).identity.length > 1;
  const prefix = `${kind}\u0000`;
  for (const id of only) {
    if (!id.startsWith(prefix)) continue;
    const key = id.slice(prefix.length);
    const record = applied.get(id);
    if (record) filter.rowIds.push(record.rowId);
    if (!scopedKind) {
      filter.names.push(key);
      continue;
    }
    // `CARRIER/name`, where a code may hold a '/' too: every split at a carrier the database has is a candidate.
    for (let i = key.indexOf('/'); i >= 0; i = key.indexOf('/', i + 1)) {
      const carrier = carrierRows.get(key.slice(0, i));
      if (carrier !== undefined) filter.scoped.push([carrier, key.slice(i + 1)]);
    }
  }
  return filter;
}

async function readKind(db: Queryable, spec: KindSpec, book: KeyBook, managed: Set<string>, filter?: RowFilter): Promise<LiveObject[]> {
  const fields = stateFields(spec.kind);
  const columns = fields.flatMap((f) => (f.part === 'column' ? [f.info.column] : []));
  const refColumns = spec.references.map((r) => r.column);
  const extra = [...(spec.shortCodePrefix ? ['short_code'] : []), ...(spec.balanceColumns ?? [])];
  const select = ['id', ...columns, ...refColumns, ...extra].map(ident).join(', ');
  if (filter && filter.rowIds.length === 0 && filter.names.length === 0 && filter.scoped.length === 0) return [];
  const cols = spec.identityColumns!;
  const where = !filter ? '' : cols.length === 1
    ? ` WHERE id = ANY($1::varchar[]) OR ${ident(cols[0])} = ANY($2::text[])`
    : ` WHERE id = ANY($1::varchar[]) OR (${ident(cols[0])}, ${ident(cols[1])}) IN (SELECT * FROM unnest($2::varchar[], $3::text[]))`;
  const params = !filter ? [] : cols.length === 1
    ? [filter.rowIds, filter.names]
    : [filter.rowIds, filter.scoped.map((s) => s[0]), filter.scoped.map((s) => s[1])];
  const rows = (await db.query(`SELECT ${select} FROM ${ident(spec.table!)}${where} ORDER BY id`, params)).rows;
  const parents = filter ? rows.map((r) => String(r.id)) : undefined;
  const nested = new Map<string, Map<string, unknown>>();
  for (const part of spec.nested) nested.set(part.field, await readNested(db, spec.kind, part, book, parents));

  return rows.map((row) => {
    const values: Record<string, Value> = {};
    for (const f of fields) {
      if (f.part === 'column') values[f.name] = normalise(f.info, row[f.info.column]);
    }
    for (const r of spec.references) {
      values[r.field] = r.target === 'Interconnect'
        ? book.interconnectName(row[r.column], values['carrier'] ?? null)
        : book.get(r.target, row[r.column]);
    }
    for (const f of fields) {
      if (f.part === 'nested') values[f.name] = normaliseNested(f.nested, f.fields, nested.get(f.name)!.get(String(row.id)) ?? null);
    }
    const ordered: Record<string, Value> = {};
    for (const f of fields) ordered[f.name] = values[f.name] ?? null;
    const key = identityKey(spec, ordered);
    const rowId = String(row.id);
    book.set(spec.kind, rowId, key);
    if (spec.kind === 'Interconnect') book.setInterconnectCarrier(rowId, String(ordered['carrier']));
    const runtime: Record<string, Value> = {};
    for (const c of spec.balanceColumns ?? []) runtime[c] = row[c] == null ? null : canonicalDecimal(String(row[c])) ?? String(row[c]);
    return {
      kind: spec.kind, key, fields: ordered, rowId,
      shortCode: (row.short_code as string | null | undefined) ?? null,
      managed: managed.has(`${spec.kind}\u0000${rowId}`),
      runtime,
    };
  });
}

/** Rows of a nested part grouped by parent id: a list (many) or the single row (one). */
async function readNested(db: Queryable, kind: KindName, part: NestedPart, book: KeyBook, parents?: readonly string[]): Promise<Map<string, unknown>> {
  const fields = stateFields(kind).find((f) => f.name === part.field);
  const infos: readonly FieldInfo[] = fields && fields.part === 'nested' ? fields.fields : [];
  const cols = [part.parentColumn, ...infos.map((f) => f.column)].map(ident).join(', ');
  const order = part.orderColumn ? `${ident(part.parentColumn)}, ${ident(part.orderColumn)}, id` : `${ident(part.parentColumn)}, id`;
  if (parents && parents.length === 0) return new Map();
  const where = parents ? ` WHERE ${ident(part.parentColumn)} = ANY($1::varchar[])` : '';
  const rows = (await db.query(`SELECT ${cols} FROM ${ident(part.table)}${where} ORDER BY ${order}`, parents ? [parents] : [])).rows;
  const grouped = new Map<string, unknown>();
  for (const row of rows) {
    const element: Record<string, unknown> = {};
    for (const f of infos) {
      const raw = row[f.column];
      element[f.name] = f.ref && Array.isArray(raw) ? raw.map((id) => book.get(f.ref!, id)) : raw;
    }
    const parent = String(row[part.parentColumn]);
    if (part.cardinality === 'one') grouped.set(parent, element);
    else grouped.set(parent, [...((grouped.get(parent) as unknown[]) ?? []), element]);
  }
  return grouped;
}

/** The rate columns a RateRows is made of, in rateRowsOf's order. */
const RATE_COLUMNS = 'prefix, destination, rate, connection_fee, initial_interval, recurring_interval, effective_date, end_date';
const RATE_SELECT = `SELECT ${RATE_COLUMNS} FROM`;
const RATE_COLUMNS_OF_R = RATE_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ');

export async function readRates(db: Queryable, table: string, planRowId: string): Promise<RateRows> {
  const rows = await db.queryArrays(`${RATE_SELECT} ${table} WHERE rating_plan_id = $1 ORDER BY prefix, effective_date NULLS FIRST`, [planRowId]);
  return rateRowsOf(rows);
}

function rateRowsOf(rows: unknown[][]): RateRows {
  const out: RateRows = {
    prefix: new Array(rows.length), destination: new Array(rows.length), rate: new Array(rows.length),
    connectionFee: new Array(rows.length), initialInterval: new Array(rows.length), recurringInterval: new Array(rows.length),
    effectiveDate: new Array(rows.length), endDate: new Array(rows.length),
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out.prefix[i] = r[0] as string;
    out.destination[i] = r[1] as string;
    out.rate[i] = canonicalDecimal(r[2] as string) ?? (r[2] as string);
    out.connectionFee[i] = r[3] == null ? null : canonicalDecimal(r[3] as string) ?? (r[3] as string);
    out.initialInterval[i] = r[4] as number | null;
    out.recurringInterval[i] = r[5] as number | null;
    out.effectiveDate[i] = r[6] as string | null;
    out.endDate[i] = r[7] as string | null;
  }
  return out;
}

/**
 * Up to this many written keys, the guard's read looks each key up in the
 * rates' unique index. Left to itself, the planner joined 10,000 keys with a
 * million rates by sorting the whole table (1.2 s where the lookups take
 * 0.1 s); past this many keys, a full scan is the cheaper way and the planner
 * chooses. Measured on PostgreSQL 15 against a million rates (100 plans),
 * keys drawn at random, lookups against the join: 50,000 keys 0.37 s
 * against 0.72 to 0.75 s; 100,000 keys 0.60 to 0.83 s against 0.75 to
 * 1.08 s; 150,000 keys about even (0.89 to 1.03 s); 250,000 keys 1.52 to
 * 1.70 s against 1.25 s.
 */
export const KEY_LOOKUP_LIMIT = 100_000;

/**
 * The live rates of several plans whose prefix is one the plan writes (what a
 * guard compares written rows with), by plan row id, in one query.
 */
export async function readRatesOfPrefixes(
  db: Queryable, plans: ReadonlyArray<{ planRowId: string; prefixes: readonly string[] }>, lookupLimit = KEY_LOOKUP_LIMIT,
): Promise<Map<string, RateRows>> {
  const planIds: string[] = [];
  const prefixes: string[] = [];
  for (const p of plans) {
    for (const prefix of new Set(p.prefixes)) {
      planIds.push(p.planRowId);
      prefixes.push(prefix);
    }
  }
  // OFFSET 0 keeps the subquery from being pulled up into a join: it runs once per key, through the index.
  const from = planIds.length <= lookupLimit
    ? `unnest($1::varchar[], $2::text[]) AS w(plan_id, prefix_written) CROSS JOIN LATERAL
         (SELECT rating_plan_id, ${RATE_COLUMNS} FROM customer_rating_plan_rates
           WHERE rating_plan_id = w.plan_id AND prefix = w.prefix_written OFFSET 0) AS r`
    : `customer_rating_plan_rates AS r JOIN unnest($1::varchar[], $2::text[]) AS w(plan_id, prefix_written)
         ON r.rating_plan_id = w.plan_id AND r.prefix = w.prefix_written`;
  const rows = planIds.length === 0 ? [] : await db.queryArrays(
    `SELECT r.rating_plan_id, ${RATE_COLUMNS_OF_R} FROM ${from}
      ORDER BY r.rating_plan_id, r.prefix, r.effective_date NULLS FIRST`,
    [planIds, prefixes],
  );
  const byPlan = new Map<string, unknown[][]>(plans.map((p) => [p.planRowId, []]));
  for (const r of rows) byPlan.get(r[0] as string)!.push(r.slice(1));
  return new Map([...byPlan].map(([id, planRows]) => [id, rateRowsOf(planRows)]));
}
