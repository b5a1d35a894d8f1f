// Builders of the diff's three inputs (DesiredModel, LiveState,
// AppliedState) as plain values, for the pure diff tests: objects are
// normalised through the same desiredObject() the loader's output goes
// through, so a test writes fields as YAML would.

import { identityKey, kindSpec, type KindName } from '../../src/model/kinds.js';
import { desiredObject, type DesiredModel } from '../../src/reconcile/desired.js';
import {
  EMPTY_RATES, objectId,
  type AppliedObject, type AppliedState, type LiveObject, type LiveState, type ObjectState, type RateRows,
} from '../../src/reconcile/state.js';
import type { Value } from '../../src/reconcile/values.js';

/** An object in the interim model, from YAML-like data (identity fields included). */
export function state(kind: KindName, data: Record<string, unknown>): ObjectState {
  const key = identityKey(kindSpec(kind), data);
  return desiredObject({ kind, key, file: 'test.yaml', line: 1, data });
}

export function desiredOf(objects: ObjectState[], rates: Record<string, RateRows> = {}): DesiredModel {
  const model: DesiredModel = { objects: new Map(), rates: new Map(), origins: new Map() };
  for (const o of objects) {
    model.objects.set(objectId(o.kind, o.key), o);
    model.origins.set(objectId(o.kind, o.key), { file: 'test.yaml', line: 1 });
    if (o.kind === 'RatingPlan') model.rates.set(o.key, rates[o.key] ?? EMPTY_RATES());
  }
  return model;
}

export interface LiveRow {
  state: ObjectState;
  rowId: string;
  managed?: boolean;
  runtime?: Record<string, Value>;
  shortCode?: string | null;
}

export function liveOf(rows: LiveRow[], rates: Record<string, RateRows> = {}): LiveState {
  const objects = new Map<string, LiveObject[]>();
  for (const r of rows) {
    const o: LiveObject = {
      ...r.state, rowId: r.rowId, managed: r.managed ?? false, runtime: r.runtime ?? {}, shortCode: r.shortCode ?? null,
    };
    const id = objectId(o.kind, o.key);
    objects.set(id, [...(objects.get(id) ?? []), o]);
  }
  return { objects, rates: new Map(Object.entries(rates)) };
}

export function appliedOf(records: AppliedObject[], rates: Record<string, RateRows> = {}): AppliedState {
  return { objects: new Map(records.map((r) => [objectId(r.kind, r.key), r])), rates: new Map(Object.entries(rates)) };
}

/** The record didsync keeps after applying `s` to row `rowId`. */
export function record(s: ObjectState, rowId: string): AppliedObject {
  return { kind: s.kind, key: s.key, rowId, fields: s.fields };
}

/** The same object with some fields replaced (values as YAML would write them, normalised). */
export function edit(s: ObjectState, data: Record<string, unknown>): ObjectState {
  const base = Object.fromEntries(Object.entries(s.fields).filter(([, v]) => v !== null));
  return state(s.kind, { ...base, ...data });
}

export interface RateRow {
  prefix: string;
  destination?: string;
  rate: string;
  effectiveDate?: string | null;
  connectionFee?: string | null;
}

export function deck(list: RateRow[]): RateRows {
  return {
    prefix: list.map((r) => r.prefix),
    destination: list.map((r) => r.destination ?? `dest ${r.prefix}`),
    rate: list.map((r) => r.rate),
    connectionFee: list.map((r) => r.connectionFee ?? null),
    initialInterval: list.map(() => null),
    recurringInterval: list.map(() => null),
    effectiveDate: list.map((r) => r.effectiveDate ?? null),
    endDate: list.map(() => null),
  };
}
