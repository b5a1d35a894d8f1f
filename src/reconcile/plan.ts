// The plan: a value (STYLE: "a plan is data") built from the diff, that can
// be printed, saved with `plan --out`, compared and applied. It carries what
// apply needs (complete desired values, rate rows to write) and digests of
// the live state it was computed against, so a saved plan applied after the
// database changed is refused rather than applied blindly.

import { createHash } from 'node:crypto';
import type { KindName } from '../model/kinds.js';
import type { Action, Conflict, DiffResult, Drift, FieldChange, Orphan, Refresh } from './diff.js';
import { keysAt, pickRates, rowsOfPrefixes, sampleDelta, type RateSample } from './rates-diff.js';
import { changedPrefixes, coveringPrefixes, type RateIncrease } from './rate-increases.js';
import { EMPTY_RATES, rateCount, type LiveState, type RateRows } from './state.js';
import type { DesiredModel } from './desired.js';
import type { GuardSettings, GuardViolation } from './guards.js';
import type { ConfigRecordUpdate } from './config-records.js';
import type { SavedDeckEdits } from './applied-decks.js';
import type { Value } from './values.js';
import { namedRecord } from '../model/data-object.js';
import { stableStringify } from './values.js';

export const PLAN_FORMAT_VERSION = 1;
const SAMPLE_SIZE = 20;

export interface RateSummary {
  added: number;
  removed: number;
  changed: number;
  samples?: { added: RateSample[]; changed: RateSample[]; removed: RateSample[] };
}

export interface PlanChange {
  action: Action;
  kind: KindName;
  key: string;
  rowId?: string;
  fields: Record<string, FieldChange>;
  rates?: RateSummary;
  /** Complete desired fields, for apply. */
  desired?: Record<string, Value>;
}

/** The CSV a plan's rates come from, as the plan saw it: recorded at apply so the next run need not parse it. */
export interface DeckSource {
  file: string;
  sha256: string;
  rows: number;
  /** The deck rules it was read under (src/load/deck-rules.ts). */
  rules: string;
}

/** Rate rows to write for one plan: rows to insert or overwrite, keys to delete. */
export interface RateOps {
  /** Rows to write: first the `added` ones (keys the plan's live rates do not have), then those replacing a live row. */
  upsert: RateRows;
  added?: number;
  remove: { prefix: string[]; effectiveDate: (string | null)[] };
}

export interface Plan {
  formatVersion: number;
  createdAt: string;
  /**
   * rateDigests: ratesDigest of each git deck; rateDecks: the CSV each deck
   * was read from, by plan key. Both recorded at apply (fingerprint.ts,
   * deck-records.ts).
   */
  source: {
    commit: string | null; configDigest: string; rateDigests?: Record<string, string>; rateDecks?: Record<string, DeckSource>;
    /** The text of each deck read for this plan (applied-decks.ts records it as the deck applied). */
    deckTexts?: Record<string, string>;
    /** In a saved plan, texts given as edits of the decks applied before them (applied-decks.ts deckTextsToSave). */
    deckEdits?: Record<string, SavedDeckEdits>;
    /** The config files to record at apply (config-records.ts); absent: the record is cleared. */
    config?: ConfigRecordUpdate;
  };
  /**
   * The live state the plan was made against: a digest per object (and per
   * plan's rates). `subset`: the plan read only these objects, taking the
   * rest for their records while the database's watermark held.
   */
  database: { description: string; digests: Record<string, string>; subset?: { ids: string[]; watermark: string } };
  /** The Settings the plan was made under: apply judges the guards again with them (apply-guards.ts). */
  settings: PlanSettings;
  prune: boolean;
  changes: PlanChange[];
  /** Bookkeeping-only updates: objects already equal to git whose record is stale. */
  refresh: Refresh[];
  orphans: Orphan[];
  drift: Drift[];
  conflicts: Conflict[];
  guards: GuardViolation[];
  rateIncreases?: Record<string, RateIncrease[]>;
  summary: { create: number; update: number; delete: number; adopt: number };
  /** Per rating plan key: the rate rows apply writes. */
  rateOps: Record<string, RateOps>;
  /**
   * Per rating plan key with live rates to change: the live rows of the
   * changed prefixes and of every shorter prefix of them (the rows the
   * rate-increase guard judges by, rate-increases.ts) and how many live
   * rates it has, as the plan read them, and the name of the digest of those
   * live rates in `database.digests`. Held in memory only, never saved nor
   * recorded (plan-file.ts drops it): apply judges the rate guards on these
   * rows and this count, without reading them again, only when the digest
   * still holds at apply, which is when the live rates are the ones read.
   */
  rateReference?: Record<string, RateReference>;
}

/** What a plan read of one rating plan's live rates, for the guards at apply (Plan.rateReference). */
export interface RateReference {
  /** The name of the digest of the live rates in `database.digests`. */
  digest: string;
  /** The live rows of the changed prefixes and of every shorter prefix of them. */
  live: RateRows;
  /** How many live rates the plan had. */
  count: number;
}

export interface PlanSettings {
  guards: GuardSettings;
  lockTimeoutSeconds: number;
}

export function buildPlan(args: {
  result: DiffResult;
  desired: DesiredModel;
  live: LiveState;
  guards: GuardViolation[];
  prune: boolean;
  createdAt: string;
  commit: string | null;
  configDigest: string;
  dbDescription: string;
  settings: PlanSettings;
}): Plan {
  const { result, desired, live } = args;
  const rateOps = namedRecord<RateOps>();
  const rateReference = namedRecord<RateReference>();
  const changes = result.changes.map((c): PlanChange => {
    const out: PlanChange = { action: c.action, kind: c.kind, key: c.key, fields: c.fields };
    if (c.rowId) out.rowId = c.rowId;
    if (c.desired) out.desired = c.desired;
    if (c.rates) {
      const want = desired.rates.get(c.key) ?? EMPTY_RATES();
      const have = live.rates.get(c.liveKey ?? c.key) ?? EMPTY_RATES();
      out.rates = {
        added: c.rates.added.length, removed: c.rates.removed.length, changed: c.rates.changed.desired.length,
        samples: sampleDelta(want, have, c.rates, SAMPLE_SIZE),
      };
      const ops: RateOps = {
        upsert: pick(want, [...c.rates.added, ...c.rates.changed.desired]),
        added: c.rates.added.length,
        remove: keysAt(have, c.rates.removed),
      };
      rateOps[c.key] = ops;
      if (c.rowId && (ops.upsert.prefix.length > 0 || ops.remove.prefix.length > 0)) {
        const live = rowsOfPrefixes(have, coveringPrefixes(changedPrefixes(ops.upsert, ops.remove)));
        rateReference[c.key] = { digest: `rates:${c.liveKey ?? c.key}`, live, count: rateCount(have) };
      }
    }
    return out;
  });
  const summary = { create: 0, update: 0, delete: 0, adopt: 0 };
  for (const c of changes) summary[c.action]++;
  return {
    formatVersion: PLAN_FORMAT_VERSION,
    createdAt: args.createdAt,
    source: { commit: args.commit, configDigest: args.configDigest },
    database: { description: args.dbDescription, digests: liveDigests(live) },
    settings: args.settings,
    prune: args.prune,
    changes,
    refresh: result.refresh,
    orphans: result.orphans,
    drift: result.drift,
    conflicts: result.conflicts,
    guards: args.guards,
    summary,
    rateOps,
    rateReference,
  };
}

function pick(rows: RateRows, idx: number[]): RateRows {
  // Nothing to pick: the rows of a plan known unchanged are not read at all (state.ts unreadRates).
  if (idx.length === 0) return EMPTY_RATES();
  // Every row in its order (a plan's first apply) is the deck's own columns (pickRates).
  return pickRates(rows, idx);
}

export function hasChanges(plan: Plan): boolean {
  return plan.changes.length > 0;
}

/** Digest of each live object (fields and row id) and of each plan's live rates (their fingerprint when read from a database). */
export function liveDigests(live: LiveState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, list] of live.objects) {
    const h = createHash('sha256');
    for (const o of list) h.update(o.rowId).update('\u0000').update(stableStringify(o.fields));
    out[id.replace('\u0000', ':')] = h.digest('hex').slice(0, 32);
  }
  if (live.rateFingerprints) {
    for (const [key, print] of live.rateFingerprints) out[`rates:${key}`] = print;
  } else {
    for (const [key, rows] of live.rates) out[`rates:${key}`] = ratesDigest(rows);
  }
  return out;
}

export function ratesDigest(rows: RateRows): string {
  const h = createHash('sha256');
  // The same bytes as one update per row, handed over a thousand rows at a time: per-call overhead
  // was most of the cost of a million rows.
  let batch = '';
  for (let i = 0; i < rows.prefix.length; i++) {
    batch += `${rows.prefix[i]}|${rows.effectiveDate[i] ?? ''}|${rows.destination[i]}|${rows.rate[i]}|${rows.connectionFee[i] ?? ''}|${rows.initialInterval[i] ?? ''}|${rows.recurringInterval[i] ?? ''}|${rows.endDate[i] ?? ''}\n`;
    if (i % 1000 === 999) {
      h.update(batch);
      batch = '';
    }
  }
  h.update(batch);
  return h.digest('hex').slice(0, 32);
}

/** Names of the objects whose live digest differs between two digest sets. */
export function staleEntries(saved: Record<string, string>, now: Record<string, string>): string[] {
  const names = new Set([...Object.keys(saved), ...Object.keys(now)]);
  return [...names].filter((n) => saved[n] !== now[n]).sort();
}

/** The plan as the contract's JSON (CONTRACT §4): no apply payload. */
export function publicPlan(plan: Plan): Omit<Plan, 'rateOps' | 'rateReference' | 'database' | 'refresh' | 'settings'> & { database: { description: string } } {
  const { rateOps: _ops, rateReference: _reference, database, refresh: _refresh, settings: _settings, ...rest } = plan;
  const { rateDigests: _digests, rateDecks: _decks, deckTexts: _texts, deckEdits: _edits, config: _config, ...source } = plan.source;
  return {
    ...rest,
    source,
    database: { description: database.description },
    changes: plan.changes.map(({ desired: _d, rowId: _r, ...c }) => c),
  };
}
