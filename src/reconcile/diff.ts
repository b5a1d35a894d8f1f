// The diff: desired x live x last-applied -> changes, orphans and drift.
// A pure function over plain values (no database, files or clock), so it is
// where the subtle rules live and where most tests go:
//
//  - a desired object is matched to the live row didsync applied it to (by
//    row id), else to the live row with the same identity; unmanaged rows
//    matched by identity are adopted, never silently taken over;
//  - managed objects missing from git are deleted only when pruning, and
//    otherwise reported as orphans; unmanaged rows are never touched;
//  - drift is live versus last-applied, independent of what git says now.

import { APPLY_ORDER, type KindName } from '../model/kinds.js';
import { deltaIsEmpty, diffRates, type RatesDelta } from './rates-diff.js';
import { EMPTY_RATES, objectId, stateFields, type AppliedState, type LiveObject, type LiveState, type ObjectState } from './state.js';
import type { DesiredModel } from './desired.js';
import { valuesEqual, type Value } from './values.js';

export type Action = 'create' | 'update' | 'delete' | 'adopt';

export interface FieldChange {
  from: Value;
  to: Value;
}

export interface ObjectChange {
  action: Action;
  kind: KindName;
  key: string;
  /** The live row changed, adopted or deleted; null for create. */
  rowId: string | null;
  /**
   * That row's identity as the database holds it now: differs from `key`
   * when it was changed out of band. Live rates are found under it.
   */
  liveKey?: string;
  /** Only the fields that differ. */
  fields: Record<string, FieldChange>;
  /** Complete desired fields (create, update, adopt); null for delete. */
  desired: Record<string, Value> | null;
  /** For rating plans whose rates differ. */
  rates?: RatesDelta;
}

export interface Orphan {
  kind: KindName;
  key: string;
  rowId: string;
}

export interface Drift {
  kind: KindName;
  key: string;
  /** Fields whose live value differs from what didsync last applied. */
  fields: string[];
  /** For rating plans: whether the live rates differ from those last applied. */
  rates: boolean;
  /** For rating plans with drifted rates: live versus last applied. */
  rateCounts?: { added: number; changed: number; removed: number };
}

/** Live data didsync cannot act on safely (e.g. two rows with one identity). */
export interface Conflict {
  kind: KindName;
  key: string;
  message: string;
}

/**
 * An object equal to git in the database whose last-applied record is stale
 * (the database was changed, then git was changed to match): apply refreshes
 * the record without writing the object.
 */
export interface Refresh {
  kind: KindName;
  key: string;
  rowId: string;
  fields: Record<string, Value>;
}

export interface DiffResult {
  changes: ObjectChange[];
  refresh: Refresh[];
  orphans: Orphan[];
  drift: Drift[];
  conflicts: Conflict[];
}

export interface DiffOptions {
  prune: boolean;
}

const KIND_RANK = new Map(APPLY_ORDER.map((k, i) => [k, i]));

export function diff(desired: DesiredModel, live: LiveState, applied: AppliedState, opts: DiffOptions): DiffResult {
  const byRow = indexByRow(live);
  const changes: ObjectChange[] = [];
  const conflicts: Conflict[] = [];
  const claimed = new Set<string>();
  const refresh: Refresh[] = [];

  // A row didsync applied an object to belongs to that object, even when its
  // identity was changed out of band to another object's: match by record
  // first, so no row is matched (and written) twice.
  const byRecord = new Map<string, LiveObject>();
  for (const [id, want] of desired.objects) {
    const row = recordedRow(id, want, applied, byRow);
    if (row) {
      byRecord.set(id, row);
      claimed.add(row.rowId);
    }
  }
  for (const [id, want] of desired.objects) {
    const recorded = byRecord.get(id);
    const match: Match = recorded ? matchRenamed(id, want, recorded, live) : matchByIdentity(id, live, claimed);
    if ('conflict' in match) {
      conflicts.push({ kind: want.kind, key: want.key, message: match.conflict });
      continue;
    }
    const have = match.live;
    if (have) claimed.add(have.rowId);
    const change = compareObject(want, have, desired, live);
    if (change) changes.push(change);
    else if (have && !recordMatches(applied, id, have.rowId, want)) {
      refresh.push({ kind: want.kind, key: want.key, rowId: have.rowId, fields: want.fields });
    }
  }

  const orphans: Orphan[] = [];
  for (const [id, record] of applied.objects) {
    if (desired.objects.has(id)) continue;
    const have = byRow.get(rowIndexKey(record.kind, record.rowId));
    if (!have || claimed.has(have.rowId)) continue;
    if (opts.prune) {
      changes.push({ action: 'delete', kind: record.kind, key: record.key, rowId: have.rowId, liveKey: have.key, fields: {}, desired: null });
    } else {
      orphans.push({ kind: record.kind, key: record.key, rowId: have.rowId });
    }
  }

  return {
    changes: sortChanges(changes),
    refresh: refresh.sort(byKindAndKey),
    orphans: orphans.sort(byKindAndKey),
    drift: detectDrift(live, applied, byRow),
    conflicts: conflicts.sort(byKindAndKey),
  };
}

function rowIndexKey(kind: KindName, rowId: string): string {
  return `${kind}\u0000${rowId}`;
}

function indexByRow(live: LiveState): Map<string, LiveObject> {
  const index = new Map<string, LiveObject>();
  for (const list of live.objects.values()) for (const o of list) index.set(rowIndexKey(o.kind, o.rowId), o);
  return index;
}

type Match = { live: LiveObject | null } | { conflict: string };

function recordedRow(id: string, want: ObjectState, applied: AppliedState, byRow: Map<string, LiveObject>): LiveObject | undefined {
  const record = applied.objects.get(id);
  return record ? byRow.get(rowIndexKey(want.kind, record.rowId)) : undefined;
}

/** A managed row renamed out of band cannot take its identity back while another row holds it. */
function matchRenamed(id: string, want: ObjectState, recorded: LiveObject, live: LiveState): Match {
  const holders = recorded.key === want.key ? [] : (live.objects.get(id) ?? []).filter((o) => o.rowId !== recorded.rowId);
  if (holders.length === 0) return { live: recorded };
  return {
    conflict: `the row didsync manages as ${want.key} (id ${recorded.rowId}) was renamed to '${recorded.key}' outside didsync, ` +
      `and another row (id ${holders.map((h) => h.rowId).join(', ')}) now has this identity; rename or remove one of them first`,
  };
}

function matchByIdentity(id: string, live: LiveState, claimed: ReadonlySet<string>): Match {
  const candidates = (live.objects.get(id) ?? []).filter((c) => !claimed.has(c.rowId));
  if (candidates.length > 1) {
    return { conflict: `the database holds ${candidates.length} rows with this identity (ids ${candidates.map((c) => c.rowId).join(', ')}); remove the duplicates before didsync can manage it` };
  }
  return { live: candidates[0] ?? null };
}

function recordMatches(applied: AppliedState, id: string, rowId: string, want: ObjectState): boolean {
  const record = applied.objects.get(id);
  if (!record || record.rowId !== rowId) return false;
  return stateFields(want.kind).every((f) => valuesEqual(record.fields[f.name] ?? null, want.fields[f.name] ?? null));
}

function compareObject(want: ObjectState, have: LiveObject | null, desired: DesiredModel, live: LiveState): ObjectChange | null {
  const rates = want.kind === 'RatingPlan'
    ? diffRates(desired.rates.get(want.key) ?? EMPTY_RATES(), (have && live.rates.get(have.key)) || EMPTY_RATES())
    : undefined;
  const fields: Record<string, FieldChange> = {};
  for (const f of stateFields(want.kind)) {
    const to = want.fields[f.name] ?? null;
    const from = have ? have.fields[f.name] ?? null : null;
    if (!have || !valuesEqual(from, to)) {
      if (have || to !== null) fields[f.name] = { from, to };
    }
  }
  const ratesChanged = rates !== undefined && !deltaIsEmpty(rates);
  const action: Action = !have ? 'create' : have.managed ? 'update' : 'adopt';
  if (action === 'update' && Object.keys(fields).length === 0 && !ratesChanged) return null;
  return {
    action, kind: want.kind, key: want.key, rowId: have?.rowId ?? null, ...(have ? { liveKey: have.key } : {}), fields, desired: want.fields,
    // Every rating plan change carries its rates delta, empty or not (CONTRACT §4).
    ...(rates ? { rates } : {}),
  };
}

function detectDrift(live: LiveState, applied: AppliedState, byRow: Map<string, LiveObject>): Drift[] {
  const drift: Drift[] = [];
  for (const record of applied.objects.values()) {
    const have = byRow.get(rowIndexKey(record.kind, record.rowId));
    if (!have) continue;
    const fields = stateFields(record.kind)
      .filter((f) => !valuesEqual(have.fields[f.name] ?? null, record.fields[f.name] ?? null))
      .map((f) => f.name);
    let delta: RatesDelta | undefined;
    // Both rate maps hold a plan under its live name (readLive), which is not
    // the record's key when the plan was renamed out of band.
    if (record.kind === 'RatingPlan' && live.rates.has(have.key) && applied.rates.has(have.key)) {
      delta = diffRates(live.rates.get(have.key)!, applied.rates.get(have.key)!);
    }
    const rates = delta !== undefined && !deltaIsEmpty(delta);
    if (fields.length > 0 || rates) {
      drift.push({
        kind: record.kind, key: record.key, fields, rates,
        ...(rates ? { rateCounts: { added: delta!.added.length, changed: delta!.changed.desired.length, removed: delta!.removed.length } } : {}),
      });
    }
  }
  return drift.sort(byKindAndKey);
}

export function byKindAndKey(a: { kind: KindName; key: string }, b: { kind: KindName; key: string }): number {
  return (KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)!) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Creates, adopts and updates in dependency order; deletes after them, kinds in reverse order (keys still A to Z). */
export function sortChanges(changes: ObjectChange[]): ObjectChange[] {
  const ups = changes.filter((c) => c.action !== 'delete').sort(byKindAndKey);
  const downs = changes.filter((c) => c.action === 'delete').sort((a, b) => (KIND_RANK.get(b.kind)! - KIND_RANK.get(a.kind)!) || byKindAndKey(a, b));
  return [...ups, ...downs];
}

export { objectId };
