// The reconcile flows the CLI and the daemon share: make a plan from a
// validated config, apply a plan (fresh or saved) under the advisory lock in
// one transaction, and record every run. The pure work is delegated to
// diff.ts and guards.ts; this module owns ordering, locking and staleness.

import { createHash } from 'node:crypto';
import type { Driver, Queryable } from '../drivers/driver.js';
import type { KindName } from '../model/kinds.js';
import type { DesiredState } from '../load/types.js';
import { FaultError, StalePlanError, UserError } from '../report/errors.js';
import { DatabaseError } from '../drivers/errors.js';
import { executePlan, type AppliedChange } from './apply.js';
import { DECK_RULES, csvDeckDigest } from '../load/index.js';
import { desiredModel, normaliseDeck, type DesiredModel, type ReadModel } from './desired.js';
import { byKindAndKey, diff, type DiffResult } from './diff.js';
import { DEFAULT_GUARD_SETTINGS, checkGuards, type GuardSettings } from './guards.js';
import { guardsAtApply } from './apply-guards.js';
import { readLive, recordedRowIsLive, type ManagedName } from './live.js';
import { rememberAppliedDecks, type AppliedDeckTexts, type DeckAsRead } from './applied-decks.js';
import { buildPlan, liveDigests, ratesDigest, staleEntries, type DeckSource, type Plan } from './plan.js';
import { closeAbandonedRuns, finishRun, startRun, type RunInfo } from './runs.js';
import { markDrift } from './drift.js';
import { changesSeen, clearConfigRecord, forgetSeenChanges, readWatermark, writeConfigRecord } from './config-records.js';
import { namedRecord } from '../model/data-object.js';
import { stableStringify } from './values.js';
import { objectId, rateCount, unreadRates, type AppliedObject, type LiveState } from './state.js';
import type { RatesRecord } from './fingerprint.js';

/** didsync's advisory lock key: serialises every applier of one database. */
export const APPLY_LOCK_KEY = 0x6469_6473_796e_63n; // "didsync"

export interface PlanOptions {
  prune: boolean;
  guards: GuardSettings;
  /** Today's date (YYYY-MM-DD) for the notice-period guard. */
  today: string;
  createdAt: string;
  commit: string | null;
  dbDescription: string;
  /** Compare every rate row, ignoring the fingerprints recorded at the last apply (the tested fallback). */
  fullComparison?: boolean;
  /** Recorded in the plan for `apply --plan` (default 30). */
  lockTimeoutSeconds?: number;
  /**
   * Plan only these objects (ids `Kind\u0000key`; `desired` holds those git
   * still has): an incremental plan that knows every other object equals
   * its record (incremental.ts). The plan records the subset and the
   * database's watermark, and apply checks both.
   */
  only?: { ids: ReadonlySet<string>; watermark: string; names?: readonly ManagedName[] };
  /** Applied decks read ahead while git's were parsed (incremental.ts). */
  appliedDecks?: Promise<AppliedDeckTexts | undefined>;
}

export function settingsOf(desired: DesiredState): { prune: boolean; guards: GuardSettings; lockTimeoutSeconds: number } {
  const s = desired.settings as Record<string, unknown>;
  const g = (s.guards ?? {}) as Record<string, unknown>;
  return {
    prune: s.prune === true,
    lockTimeoutSeconds: Number(s.lockTimeoutSeconds ?? 30),
    guards: {
      maxDeletePercent: Number(g.maxDeletePercent ?? DEFAULT_GUARD_SETTINGS.maxDeletePercent),
      refuseNonZeroBalanceDelete: g.refuseNonZeroBalanceDelete !== false,
      rateIncreaseNoticeDays: Number(s.rateIncreaseNoticeDays ?? DEFAULT_GUARD_SETTINGS.rateIncreaseNoticeDays),
    },
  };
}

/**
 * Plan against the database as it is now. Read-only. A rating plan whose
 * deck is a stub (known bytes, not parsed) keeps its rows unread only while
 * readLive finds it unchanged on both sides: its live fingerprint is the one
 * recorded at its last apply and the stub's digest is the one recorded then.
 * Any other stubbed deck is loaded in full before the diff (the fallback),
 * so the diff, the guards and the plan's rate rows never see a guess.
 */
export async function makePlan(db: Queryable, desired: DesiredState, opts: PlanOptions): Promise<Plan> {
  const model = desiredModel(desired);
  const rateDigests = deckDigests(model);
  const { live, applied, unchangedRates, appliedDecks, desiredWindows, ratesRecords } = await readLive(db, {
    rates: new Set(rateDigests.keys()),
    skipUnchanged: opts.fullComparison ? undefined : { desiredDigests: rateDigests, desiredDecks: decksAsRead(model), deferredDecks: deferredTexts(model) },
    scanFingerprints: opts.fullComparison === true,
    ...(opts.only ? { only: opts.only.ids, managedNames: opts.only.names } : {}),
    ...(opts.appliedDecks ? { appliedDecks: opts.appliedDecks } : {}),
  });
  for (const [key, stub] of model.stubs) {
    if (unchangedRates.has(key) && stub.rows !== undefined && recordedRowIsLive(key, live.objects, applied.objects)) {
      const unread = unreadRates(key);
      model.rates.set(key, unread);
      live.rates.set(key, unread);
      continue;
    }
    // A deck put off is settled now, as a window or in full: from here on it is a deck read.
    if (stub.text !== undefined) model.stubs.delete(key);
    const window = desiredWindows.get(key);
    if (window) {
      model.rates.set(key, window);
      model.texts.set(key, stub.text!);
      continue;
    }
    const deck = await stub.load();
    const rows = normaliseDeck(deck);
    model.rates.set(key, rows);
    if (deck.text !== undefined) model.texts.set(key, deck.text);
  }
  // A plan skipped as unchanged has, by its fingerprints, exactly git's deck.
  for (const key of unchangedRates) if (!live.rates.has(key)) live.rates.set(key, model.rates.get(key)!);
  const result = diff(model, live, applied, { prune: opts.prune });
  refreshRatesRecords(result, model, live, applied.objects, ratesRecords, rateDigests);
  const counts = opts.only ? (opts.only.names ? countsOf(opts.only.names) : await managedCounts(db)) : undefined;
  const { violations, increases } = checkGuards(result, model, live, applied, opts.guards, opts.today, counts);
  const plan = buildPlan({
    result, desired: model, live, guards: violations, prune: opts.prune, createdAt: opts.createdAt,
    commit: opts.commit, configDigest: configDigest(model, rateDigests), dbDescription: opts.dbDescription,
    settings: { guards: opts.guards, lockTimeoutSeconds: opts.lockTimeoutSeconds ?? 30 },
  });
  if (Object.keys(increases).length > 0) plan.rateIncreases = increases;
  plan.source.rateDigests = Object.fromEntries(rateDigests);
  const decks = deckSources(model);
  if (Object.keys(decks).length > 0) plan.source.rateDecks = decks;
  if (model.texts.size > 0) plan.source.deckTexts = Object.fromEntries(model.texts);
  if (opts.only) plan.database.subset = { ids: [...opts.only.ids].sort(), watermark: opts.only.watermark };
  rememberAppliedDecks(plan, appliedDecks);
  return plan;
}

/**
 * A plan whose rates equal git's, undrifted, but whose record names another
 * digest (its deck was rewritten with the same rows: reordered, `0.0100` as
 * `0.01`) has no change, and is refreshed: the apply records git's digest and
 * deck, so later plans trust it again instead of reading it each time. The
 * rates themselves are not written. Apply checks that they are still the
 * rows planned (their fingerprint is in the plan's live digests).
 */
function refreshRatesRecords(
  result: DiffResult, model: DesiredModel, live: LiveState, applied: ReadonlyMap<string, AppliedObject>,
  records: ReadonlyMap<string, RatesRecord>, digests: ReadonlyMap<string, string>,
): void {
  const settled = new Set([...result.changes, ...result.refresh].filter((c) => c.kind === 'RatingPlan').map((c) => c.key));
  let added = false;
  for (const [key, digest] of digests) {
    if (settled.has(key) || !recordedRowIsLive(key, live.objects, applied)) continue;
    const id = objectId('RatingPlan', key);
    const rowId = live.objects.get(id)![0].rowId;
    const record = records.get(rowId);
    // No record is recorded by any apply; a drifted one is the drift's to settle.
    if (!record || record.desired === digest || record.applied !== live.rateFingerprints?.get(key)) continue;
    result.refresh.push({ kind: 'RatingPlan', key, rowId, fields: model.objects.get(id)!.fields });
    added = true;
  }
  if (added) result.refresh.sort(byKindAndKey);
}

/**
 * The digest of each plan's rates in git, read or not: a CSV deck's from the
 * sha256 of its bytes (csvDeckDigest), inline rates' from their rows.
 */
export function deckDigests(model: ReadModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, rows] of model.rates) {
    const source = model.sources.get(key);
    out.set(key, source ? csvDeckDigest(source.sha256) : ratesDigest(rows));
  }
  for (const [key, stub] of model.stubs) out.set(key, csvDeckDigest(stub.sha256));
  return out;
}

/** Git's CSV decks that were read, with their text and the line of each row. */
function decksAsRead(model: ReadModel): Map<string, DeckAsRead> {
  const out = new Map<string, DeckAsRead>();
  for (const [key, lines] of model.lines) out.set(key, { text: model.texts.get(key)!, rows: model.rates.get(key)!, lines });
  return out;
}

/** The texts of the decks put off (LoadOptions.deferDecks), by plan key. */
function deferredTexts(model: ReadModel): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, stub] of model.stubs) if (stub.text !== undefined) out.set(key, stub.text);
  return out;
}

function configDigest(model: DesiredModel, rateDigests: ReadonlyMap<string, string>): string {
  const h = createHash('sha256');
  for (const id of [...model.objects.keys()].sort()) h.update(stableStringify(model.objects.get(id)!.fields)).update('\n');
  for (const key of [...model.rates.keys()].sort()) h.update(key).update(rateDigests.get(key)!);
  return h.digest('hex').slice(0, 32);
}

/** The CSV each plan's rates were read (or stubbed) from, for apply to record. */
function deckSources(model: ReadModel): Record<string, DeckSource> {
  const out = namedRecord<DeckSource>();
  for (const [key, source] of model.sources) {
    const stub = model.stubs.get(key);
    const rows = stub?.rows ?? rateCount(model.rates.get(key)!);
    out[key] = { ...source, rows, rules: DECK_RULES };
  }
  return out;
}

export interface ApplyOptions {
  force: boolean;
  run: RunInfo;
  lockTimeoutSeconds: number;
  /** The apply's date (YYYY-MM-DD) for the notice-period guard; default today (UTC). */
  today?: string;
}

export interface ApplyOutcome {
  runId: number;
  status: 'applied' | 'no-changes';
  changes: AppliedChange[];
}

/**
 * Apply a plan exactly: under the lock, in one transaction, after checking
 * that the database still is what the plan was made against. Refusals
 * (stale plan, guards, conflicts) are UserErrors; nothing is written then
 * except the run record. The run record is opened only once the lock is
 * held and its outcome is written in the apply's own transaction, so it
 * says 'applied' exactly when the change committed, whenever the process
 * dies; a record a dead apply left 'running' is closed by the next one.
 */
export async function applyPlan(db: Driver, plan: Plan, opts: ApplyOptions): Promise<ApplyOutcome> {
  const locked = await db.lock(APPLY_LOCK_KEY, opts.lockTimeoutSeconds * 1000);
  if (!locked) {
    const e = new FaultError(`another didsync apply holds the lock on ${db.description}; gave up after ${opts.lockTimeoutSeconds} s`);
    await finishRun(db, await startRun(db, opts.run), { status: 'failed', error: e.message, plan });
    throw e;
  }
  let runId: number | undefined;
  const names = new Map<string, string>();
  try {
    await closeAbandonedRuns(db);
    runId = await startRun(db, opts.run);
    const id = runId;
    const status = plan.changes.length === 0 ? 'no-changes' : 'applied';
    const changes = await db.transaction(async (tx) => {
      // Before the live state is read: the writes of others it will see (config-records.ts).
      const seen = await changesSeen(tx);
      const live = await refuseUnsafe(tx, plan, opts.force, opts.today ?? new Date().toISOString().slice(0, 10));
      const done = await executePlan(tx, plan, live, id, names);
      await recordConfig(tx, plan, seen);
      await finishRun(tx, id, { status, plan });
      return done;
    });
    return { runId, status, changes };
  } catch (caught) {
    const e = namedFailure(caught, names);
    if (runId !== undefined) {
      await finishRun(db, runId, {
        status: e instanceof UserError ? 'refused' : 'failed', error: (e as Error).message, plan,
      }).catch(() => undefined);
    }
    throw (e as { code?: string }).code === '42501' ? notPermitted(e as Error) : e;
  } finally {
    await db.unlock(APPLY_LOCK_KEY).catch(() => undefined);
  }
}

/**
 * Record a run refused before it reached the apply (invalid config, no
 * confirmation, a broken plan file), so every refusal is in didsync.runs.
 * A role that may not write runs records says nothing more: the refusal
 * itself is what the user sees.
 */
export async function recordRefusal(db: Queryable, run: RunInfo, message: string): Promise<void> {
  try {
    await finishRun(db, await startRun(db, run), { status: 'refused', error: message });
  } catch {
    // Recording is best effort here: the refusal must reach the user whatever the database says.
  }
}

/**
 * Record the config this apply came from, or forget the record when the
 * plan carries none (then the next plan reads everything). The writes of
 * others the apply saw are forgotten once the database equals git again:
 * every drift it saw, it reverted or took into its records.
 */
async function recordConfig(tx: Queryable, plan: Plan, seen: readonly string[]): Promise<void> {
  if (plan.source.config) await writeConfigRecord(tx, plan.source.config);
  else await clearConfigRecord(tx);
  const settled = (d: { kind: string; key: string }) =>
    plan.changes.some((c) => c.kind === d.kind && c.key === d.key) || plan.refresh.some((r) => r.kind === d.kind && r.key === d.key);
  await forgetSeenChanges(tx, plan.drift.every(settled) ? seen : []);
}

/** A row a database constraint refused, named by the object it belongs to when it is one didsync wrote. */
function namedFailure(e: unknown, names: ReadonlyMap<string, string>): unknown {
  if (!(e instanceof DatabaseError) || e.failingRow === undefined) return e;
  const name = names.get(e.failingRow);
  return name ? new DatabaseError(`${name}: ${e.message}`, e.code, e.retriable, { cause: e }) : e;
}

/** A role that may read but not write (the plan role of CI) says so in terms a user can act on. */
function notPermitted(e: Error): UserError {
  return new UserError(`${e.message}; this database role may not apply: use a role with the grants of didsync_apply (README, Database roles)`);
}

/**
 * Refuses a plan that is stale, conflicting or guarded; returns the live
 * state it checked. The guards are judged again here, on the database as it
 * is now and today's date, not taken from the plan (apply-guards.ts).
 */
async function refuseUnsafe(tx: Queryable, plan: Plan, force: boolean, today: string): Promise<LiveState> {
  if (plan.conflicts.length > 0) {
    throw new UserError(`refused: ${plan.conflicts.map((c) => `${c.kind} ${c.key}: ${c.message}`).join('; ')}`);
  }
  const subset = plan.database.subset;
  if (subset) {
    // The plan took every object outside its subset for its record: true only while the database is still as didsync left it.
    const now = await readWatermark(tx);
    if (!now.clean || now.prints !== subset.watermark) {
      const tables = (await tx.query<{ t: string }>('SELECT DISTINCT table_name AS t FROM didsync.changes ORDER BY 1')).rows.map((r) => r.t);
      const what = tables.length > 0 ? tables.join(', ') : 'customer_rating_plan_rates';
      throw new StalePlanError(`refused: the database changed since the plan was made (written outside didsync: ${what}); make a new plan`);
    }
  }
  const { live } = await readLive(tx, { rates: 'none', ...(subset ? { only: new Set(subset.ids) } : {}) });
  const stale = staleEntries(plan.database.digests, liveDigests(live));
  if (stale.length > 0) {
    const shown = stale.slice(0, 10).map((s) => s.replace(':', ' ')).join(', ');
    throw new StalePlanError(`refused: the database changed since the plan was made (${stale.length} object(s): ${shown}${stale.length > 10 ? ', ...' : ''}); make a new plan`);
  }
  if (force) return live;
  const { violations } = await guardsAtApply(tx, plan, live, plan.settings?.guards ?? DEFAULT_GUARD_SETTINGS, today);
  if (violations.length > 0) {
    throw new UserError(`refused by safety guards (use --force to override):\n${violations.map((g) => `  - ${g.message}\n    objects: ${g.objects.join(', ')}`).join('\n')}`);
  }
  return live;
}

export { markDrift };

/** Objects didsync manages, per kind, from their names. */
function countsOf(names: readonly ManagedName[]): Map<KindName, number> {
  const out = new Map<KindName, number>();
  for (const n of names) out.set(n.kind, (out.get(n.kind) ?? 0) + 1);
  return out;
}

/** Objects didsync manages, per kind (the delete guard's denominator when a plan read only some records). */
async function managedCounts(db: Queryable): Promise<Map<KindName, number>> {
  const { rows } = await db.query<{ kind: KindName; n: string }>('SELECT kind, count(*)::text AS n FROM didsync.managed GROUP BY kind');
  return new Map(rows.map((r) => [r.kind, Number(r.n)]));
}
