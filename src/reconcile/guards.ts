// Safety guards: rules that refuse an otherwise valid change because it is
// the kind of change that cuts traffic or bills wrongly when made by mistake.
// Pure: evaluated on the diff, before anything is written; `--force` is the
// caller's business. Each violation names the objects it concerns.

import { APPLY_ORDER, kindSpec, type KindName } from '../model/kinds.js';
import { canonicalDecimal } from '../model/decimal.js';
import type { DiffResult } from './diff.js';
import { EMPTY_RATES, objectId, type AppliedState, type LiveState } from './state.js';
import type { DesiredModel } from './desired.js';
import { increasesWithoutNotice, type RateIncrease } from './rates-diff.js';

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

export function checkGuards(
  result: DiffResult, desired: DesiredModel, live: LiveState, applied: AppliedState,
  settings: GuardSettings, today: string,
): { violations: GuardViolation[]; increases: Record<string, RateIncrease[]> } {
  const violations = [
    ...massDelete(result, applied, settings.maxDeletePercent),
    ...(settings.refuseNonZeroBalanceDelete ? carrierBalance(result, live) : []),
  ];
  const increases: Record<string, RateIncrease[]> = {};
  for (const c of result.changes) {
    // Only added and changed rates can go up; a plan without them may not even have its rows read.
    if (!c.rates || (c.rates.added.length === 0 && c.rates.changed.length === 0)) continue;
    const found = increasesWithoutNotice(
      desired.rates.get(c.key) ?? EMPTY_RATES(), live.rates.get(c.liveKey ?? c.key) ?? EMPTY_RATES(), c.rates, today, settings.rateIncreaseNoticeDays,
    );
    if (found.length > 0) increases[c.key] = found;
  }
  const plans = Object.keys(increases).sort();
  if (plans.length > 0) {
    const total = plans.reduce((n, p) => n + increases[p].length, 0);
    const first = increases[plans[0]][0];
    violations.push({
      guard: 'rate-increase-notice',
      message: `${total} rate increase(s) take effect less than ${settings.rateIncreaseNoticeDays} days ahead ` +
        `(first: plan '${plans[0]}' prefix ${first.prefix} ${first.from} -> ${first.to} effective ${first.effectiveDate ?? 'immediately'}); ` +
        `date them on or after the notice period, or use --force`,
      objects: plans.map((p) => `RatingPlan ${p}`),
    });
  }
  return { violations, increases };
}

function massDelete(result: DiffResult, applied: AppliedState, maxPercent: number): GuardViolation[] {
  const out: GuardViolation[] = [];
  for (const kind of APPLY_ORDER) {
    const deletes = result.changes.filter((c) => c.action === 'delete' && c.kind === kind);
    if (deletes.length === 0) continue;
    const managed = [...applied.objects.values()].filter((a) => a.kind === kind).length;
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

function carrierBalance(result: DiffResult, live: LiveState): GuardViolation[] {
  const spec = kindSpec('Carrier');
  const owing: string[] = [];
  for (const c of result.changes) {
    if (c.action !== 'delete' || c.kind !== 'Carrier') continue;
    const row = (live.objects.get(objectId('Carrier', c.key)) ?? []).find((o) => o.rowId === c.rowId)
      ?? [...live.objects.values()].flat().find((o) => o.kind === 'Carrier' && o.rowId === c.rowId);
    const balances = (spec.balanceColumns ?? []).filter((col) => {
      const v = row?.runtime[col];
      return v != null && canonicalDecimal(String(v)) !== '0';
    });
    if (balances.length > 0) owing.push(`${c.key} (${balances.map((b) => `${b} ${row!.runtime[b]}`).join(', ')})`);
  }
  if (owing.length === 0) return [];
  return [{
    guard: 'carrier-balance',
    message: `deleting carrier(s) with a non-zero balance: ${owing.join('; ')}; settle the balance first, or use --force`,
    objects: owing.map((o) => `Carrier ${o.split(' ')[0]}`),
  }];
}

function plural(kind: KindName): string {
  return ({
    CustomerCategory: 'customer categories', CustomerGroup: 'customer groups', Carrier: 'carriers',
    Interconnect: 'interconnects', RatingPlan: 'rating plans', Service: 'services', Settings: 'settings',
  } as const)[kind];
}
