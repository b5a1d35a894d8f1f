// Safety guards: rules that refuse an otherwise valid change because it is
// the kind of change that cuts traffic or bills wrongly when made by mistake.
// Pure: evaluated on the diff, before anything is written; `--force` is the
// caller's business. Each violation names the objects it concerns.

import { APPLY_ORDER, kindSpec, type KindName } from '../model/kinds.js';
import { canonicalDecimal } from '../model/decimal.js';
import type { DiffResult } from './diff.js';
import { EMPTY_RATES, rateCount, type AppliedState, type LiveObject, type LiveState, type RateRows } from './state.js';
import type { DesiredModel } from './desired.js';
import { namedRecord } from '../model/data-object.js';
import { keysAt, pickRates } from './rates-diff.js';
import { increasesWithoutNotice, type RateIncrease, type RemovedKeys } from './rate-increases.js';

export interface GuardViolation {
  guard: 'mass-delete' | 'carrier-balance' | 'rate-increase-notice';
  message: string;
  objects: string[];
}

export interface GuardSettings {
  maxDeletePercent: number;
  refuseNonZeroBalanceDelete: boolean;
  rateIncreaseNoticeDays: number;
}

/** The guards of config/defaults.yaml, for a plan that recorded none. */
export const DEFAULT_GUARD_SETTINGS: Readonly<GuardSettings> = Object.freeze({
  maxDeletePercent: 25, refuseNonZeroBalanceDelete: true, rateIncreaseNoticeDays: 7,
});

/**
 * What the guards judge, independent of where it came from: the diff at plan
 * time (checkGuards), or a plan and the database as they are at apply time
 * (src/reconcile/apply-guards.ts), so a saved plan applied days later is
 * judged on that day.
 */
export interface GuardInput {
  deletes: ReadonlyArray<{ kind: KindName; key: string; rowId: string | null }>;
  /** Objects didsync manages, per kind. */
  managed: ReadonlyMap<KindName, number>;
  /** The live carrier row with this id (for its balances). */
  liveCarrier(rowId: string): LiveObject | undefined;
  /**
   * Per rating plan whose live rates change: the rows written (added and
   * changed), the live keys deleted, and the live rows of those prefixes
   * and of every shorter prefix of them (rate-increases.ts).
   */
  rates: ReadonlyArray<{ plan: string; written: RateRows; removed: RemovedKeys; live: RateRows }>;
  /** Per rating plan that deletes live rates: how many, of how many it has. */
  rateDeletes: ReadonlyArray<{ plan: string; removed: number; live: number }>;
}

/**
 * A plan with fewer live rates than this may lose any share of them: small
 * decks are reshaped often, and the share of a handful says little (octoDNS
 * waives its update and delete thresholds below 10 records the same way).
 */
export const MIN_RATES_FOR_DELETE_GUARD = 10;

export interface GuardOutcome {
  violations: GuardViolation[];
  increases: Record<string, RateIncrease[]>;
}

/** Guards at plan time, on the diff. */
export function checkGuards(
  result: DiffResult, desired: DesiredModel, live: LiveState, applied: AppliedState,
  settings: GuardSettings, today: string, counts?: ReadonlyMap<KindName, number>,
): GuardOutcome {
  const managed = new Map<KindName, number>(counts ?? []);
  if (!counts) for (const a of applied.objects.values()) managed.set(a.kind, (managed.get(a.kind) ?? 0) + 1);
  const carriers = new Map<string, LiveObject>();
  for (const list of live.objects.values()) for (const o of list) if (o.kind === 'Carrier') carriers.set(o.rowId, o);
  const rates: Array<{ plan: string; written: RateRows; removed: RemovedKeys; live: RateRows }> = [];
  const rateDeletes: Array<{ plan: string; removed: number; live: number }> = [];
  for (const c of result.changes) {
    // Only a kept plan whose rates change can bill more or lose rates; one without changes may not even have its rows read.
    if (!c.rates || c.action === 'delete') continue;
    const { added, changed, removed } = c.rates;
    if (added.length === 0 && changed.desired.length === 0 && removed.length === 0) continue;
    // No live rate, nothing to go up from or to delete (a plan's first apply): its rows are not copied to be judged.
    const have = live.rates.get(c.liveKey ?? c.key);
    if (!have || rateCount(have) === 0) continue;
    if (removed.length > 0) rateDeletes.push({ plan: c.key, removed: removed.length, live: rateCount(have) });
    const want = desired.rates.get(c.key) ?? EMPTY_RATES();
    rates.push({ plan: c.key, written: pickRates(want, [...added, ...changed.desired]), removed: keysAt(have, removed), live: have });
  }
  return evaluateGuards({
    deletes: result.changes.filter((c) => c.action === 'delete'),
    managed, liveCarrier: (id) => carriers.get(id), rates, rateDeletes,
  }, settings, today);
}

export function evaluateGuards(input: GuardInput, settings: GuardSettings, today: string): GuardOutcome {
  const violations = [
    ...massDelete(input, settings.maxDeletePercent),
    ...massRateDelete(input, settings.maxDeletePercent),
    ...(settings.refuseNonZeroBalanceDelete ? carrierBalance(input) : []),
  ];
  const increases = namedRecord<RateIncrease[]>();
  for (const r of input.rates) {
    const found = increasesWithoutNotice(r.written, r.removed, r.live, today, settings.rateIncreaseNoticeDays);
    if (found.length > 0) increases[r.plan] = found;
  }
  const plans = Object.keys(increases).sort();
  if (plans.length > 0) {
    const total = plans.reduce((n, p) => n + increases[p].length, 0);
    const first = increases[plans[0]][0];
    violations.push({
      guard: 'rate-increase-notice',
      message: `${total} price increase(s) take effect less than ${settings.rateIncreaseNoticeDays} days ahead ` +
        `(first: plan '${plans[0]}' prefix ${first.prefix} ${first.field} ${first.from}${via(first.fromPrefix)} -> ${first.to}${via(first.toPrefix)} ` +
        `effective ${first.effectiveDate ?? 'immediately'}); ` +
        `date them on or after the notice period, or use --force`,
      objects: plans.map((p) => `RatingPlan ${p}`),
    });
  }
  return { violations, increases };
}

/** Where a price came from when it is not the changed prefix's own row: a shorter prefix covering its numbers. */
function via(prefix: string | undefined): string {
  return prefix === undefined ? '' : ` (as rated at prefix ${prefix})`;
}

function massDelete(input: GuardInput, maxPercent: number): GuardViolation[] {
  const out: GuardViolation[] = [];
  for (const kind of APPLY_ORDER) {
    const deletes = input.deletes.filter((c) => c.kind === kind);
    if (deletes.length === 0) continue;
    const managed = input.managed.get(kind) ?? 0;
    const percent = (deletes.length / Math.max(managed, 1)) * 100;
    if (percent > maxPercent) {
      out.push({
        guard: 'mass-delete',
        message: `deleting ${deletes.length} of ${managed} managed ${plural(kind)} (${percent.toFixed(0)}%) exceeds the limit of ${maxPercent}%`,
        objects: deletes.map((c) => `${kind} ${c.key}`),
      });
    }
  }
  return out;
}

/** A deck emptied or cut short by mistake deletes the rates that route and bill its calls: the same limit, per rating plan. */
function massRateDelete(input: GuardInput, maxPercent: number): GuardViolation[] {
  const out: GuardViolation[] = [];
  for (const d of input.rateDeletes) {
    if (d.live < MIN_RATES_FOR_DELETE_GUARD) continue;
    const percent = (d.removed / d.live) * 100;
    if (percent > maxPercent) {
      out.push({
        guard: 'mass-delete',
        message: `deleting ${d.removed} of ${d.live} rates of rating plan '${d.plan}' (${percent.toFixed(0)}%) exceeds the limit of ${maxPercent}%`,
        objects: [`RatingPlan ${d.plan}`],
      });
    }
  }
  return out;
}

function carrierBalance(input: GuardInput): GuardViolation[] {
  const spec = kindSpec('Carrier');
  const owing: Array<{ key: string; text: string }> = [];
  for (const c of input.deletes) {
    if (c.kind !== 'Carrier' || c.rowId === null) continue;
    const row = input.liveCarrier(c.rowId);
    const balances = (spec.balanceColumns ?? []).filter((col) => {
      const v = row?.runtime[col];
      return v != null && canonicalDecimal(String(v)) !== '0';
    });
    if (balances.length > 0) owing.push({ key: c.key, text: `${c.key} (${balances.map((b) => `${b} ${row!.runtime[b]}`).join(', ')})` });
  }
  if (owing.length === 0) return [];
  return [{
    guard: 'carrier-balance',
    message: `deleting carrier(s) with a non-zero balance: ${owing.map((o) => o.text).join('; ')}; settle the balance first, or use --force`,
    objects: owing.map((o) => `Carrier ${o.key}`),
  }];
}

function plural(kind: KindName): string {
  return ({
    CustomerCategory: 'customer categories', CustomerGroup: 'customer groups', Carrier: 'carriers',
    Interconnect: 'interconnects', RatingPlan: 'rating plans', Service: 'services', Settings: 'settings',
  } as const)[kind];
}
