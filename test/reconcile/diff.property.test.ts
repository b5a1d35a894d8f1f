// Properties of the pure diff over random desired, live and last-applied
// states (fast-check): a state diffed with itself is empty; the result does
// not depend on the order the maps were filled in; applying the changes to
// a pure model of the database (what apply.ts does, row by row) yields a
// state whose diff is empty; rates are exactly the set difference keyed by
// prefix + effectiveDate.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { APPLY_ORDER, kindSpec, type KindName } from '../../src/model/kinds.js';
import { diff, type DiffResult } from '../../src/reconcile/diff.js';
import { buildPlan, type Plan, type RateOps } from '../../src/reconcile/plan.js';
import { DEFAULT_GUARD_SETTINGS } from '../../src/reconcile/guards.js';
import { diffRates, rateKey } from '../../src/reconcile/rates-diff.js';
import {
  EMPTY_RATES, objectId, stateFields,
  type AppliedObject, type AppliedState, type LiveObject, type LiveState, type ObjectState, type RateRows,
} from '../../src/reconcile/state.js';
import type { DesiredModel } from '../../src/reconcile/desired.js';
import { deck, edit, state, type RateRow } from './states.js';

// ---------------------------------------------------------------- objects

/** A small universe of identities, each with a base object and edits that can be applied to it. */
interface Identity { kind: KindName; base: ObjectState; edits: Record<string, unknown>[] }

const CARRIER_EDITS: Record<string, unknown>[] = [
  { capacityLimit: 150 },
  { name: 'Renamed Ltd' },
  { customerCreditLimit: '5000.5' },
  { contacts: [{ name: 'NOC', email: 'noc@x.example', isPrimary: true }, { name: 'Billing', email: 'b@x.example' }] },
  { contacts: [{ name: 'NOC', email: 'noc2@x.example', isPrimary: true }] },
  { creditAlerts: [{ alertType: 'low_balance', direction: 'customer', threshold: '10', recipients: ['a@x.example'] }] },
  { assignment: { assignmentType: 'groups', groups: ['GA'] } },
  { assignment: null },
];
const INTERCONNECT_EDITS: Record<string, unknown>[] = [
  { direction: 'egress' },
  { codecs: [{ codecName: 'G729', ptime: 20 }, { codecName: 'PCMA', ptime: 20 }] },
  { codecs: [{ codecName: 'PCMA', ptime: 30 }] },
  { ipAddresses: [{ ipAddress: '192.0.2.1', addressType: 'transport' }, { ipAddress: '192.0.2.2', addressType: 'media' }] },
  { validation: { maxCps: 5, maxCpsEnabled: true } },
  { translation: { setPaiHeader: 'none' } },
  { media: null },
  { signalling: { sessionTimerEnabled: false, '100relEnabled': true, releaseCauseMapping: { 486: 17 } } },
];

function identities(): Identity[] {
  const out: Identity[] = [];
  for (const code of ['CA', 'CB']) {
    out.push({ kind: 'CustomerCategory', base: state('CustomerCategory', { code, name: code }), edits: [{ name: 'Other' }, { displayOrder: 3 }] });
  }
  out.push({ kind: 'CustomerGroup', base: state('CustomerGroup', { code: 'GA', name: 'GA', category: 'CA' }), edits: [{ category: 'CB' }, { isActive: false }] });
  for (const code of ['A', 'B', 'C']) {
    out.push({
      kind: 'Carrier',
      base: state('Carrier', {
        code, name: `${code} Ltd`, partnerType: 'bilateral', primaryCurrency: 'USD', capacityMode: 'capped', capacityLimit: 120,
        contacts: [{ name: 'NOC', email: 'noc@x.example', isPrimary: true }],
        assignment: { assignmentType: 'categories', categories: ['CA'] },
      }),
      edits: CARRIER_EDITS,
    });
  }
  for (const carrier of ['A', 'B']) {
    for (const name of ['x', 'y']) {
      out.push({
        kind: 'Interconnect',
        base: state('Interconnect', {
          carrier, name, direction: 'both',
          codecs: [{ codecName: 'PCMA', ptime: 20 }, { codecName: 'G729', ptime: 20 }],
          ipAddresses: [{ ipAddress: '192.0.2.1', addressType: 'transport' }],
          media: { rtpTimeout: 60 },
        }),
        edits: INTERCONNECT_EDITS,
      });
    }
  }
  for (const name of ['P', 'Q']) {
    out.push({ kind: 'RatingPlan', base: state('RatingPlan', { name, currency: 'GBP', initialInterval: 60 }), edits: [{ timeZone: 'UTC' }, { minMargin: '0.5' }, { selectedZones: ['z1'] }] });
  }
  for (const carrier of ['A', 'B']) {
    out.push({
      kind: 'Service',
      base: state('Service', { carrier, name: 's', interconnect: 'x', ratingPlan: 'P', direction: 'egress', priority: 1 }),
      edits: [{ interconnect: 'y' }, { ratingPlan: 'Q' }, { ratingPlan: null }, { weight: 10 }],
    });
  }
  return out;
}

const UNIVERSE = identities();

/** One version of an identity: its base with some of its edits. */
const versionArb = (i: number): fc.Arbitrary<ObjectState> =>
  fc.subarray(UNIVERSE[i].edits, { maxLength: Math.min(3, UNIVERSE[i].edits.length) }).map((edits) => edits.reduce<ObjectState>((s, e) => edit(s, e), UNIVERSE[i].base));

const rateRowArb: fc.Arbitrary<RateRow> = fc.record({
  prefix: fc.constantFrom('1', '33', '44', '447', '4420'),
  effectiveDate: fc.constantFrom(null, '2026-01-01', '2027-01-01'),
  rate: fc.constantFrom('0.01', '0.02', '1.5'),
  destination: fc.constantFrom('Here', 'There'),
  connectionFee: fc.constantFrom(null, '0', '0.1'),
});
const deckArb = fc.uniqueArray(rateRowArb, { selector: (r) => `${r.prefix}|${r.effectiveDate}`, maxLength: 6 }).map(deck);

// ---------------------------------------------------------------- the model

/** The database as the model sees it: rows with their rates, didsync's records and applied rates. */
interface Row { kind: KindName; key: string; rowId: string; fields: ObjectState['fields']; rates: RateRows }
interface World { rows: Row[]; records: AppliedObject[]; appliedRates: Map<string, RateRows> }

const worldArb: fc.Arbitrary<World> = fc
  .array(fc.record({
    identity: fc.nat(UNIVERSE.length - 1),
    seed: fc.nat(),
    rates: deckArb,
    /** Where didsync's record of it points: this row, another row of its kind, a vanished row, or no record. */
    record: fc.constantFrom<'self' | 'other' | 'vanished' | 'none'>('self', 'self', 'self', 'other', 'vanished', 'none'),
    recordVersion: fc.boolean(),
    appliedRates: fc.option(deckArb, { nil: undefined }),
  }), { maxLength: 12 })
  .chain((specs) => {
    const unique = specs.filter((s, i) => specs.findIndex((o) => o.identity === s.identity) === i);
    return fc.tuple(
      fc.constant(unique),
      fc.tuple(...unique.map((s) => versionArb(s.identity))),
      fc.tuple(...unique.map((s) => versionArb(s.identity))),
    );
  })
  .map(([specs, liveVersions, recordVersions]) => {
    const rows: Row[] = specs.map((s, i) => ({
      kind: UNIVERSE[s.identity].kind, key: liveVersions[i].key, rowId: `row-${i}`, fields: liveVersions[i].fields,
      rates: UNIVERSE[s.identity].kind === 'RatingPlan' ? s.rates : EMPTY_RATES(),
    }));
    const records: AppliedObject[] = [];
    const appliedRates = new Map<string, RateRows>();
    const pointed = new Set<string>();
    specs.forEach((s, i) => {
      if (s.record === 'none') return;
      let rowId = rows[i].rowId;
      if (s.record === 'vanished') rowId = `vanished-${i}`;
      if (s.record === 'other') {
        const others = rows.filter((r) => r.kind === rows[i].kind && r.rowId !== rowId);
        if (others.length === 0) return;
        rowId = others[s.seed % others.length].rowId;
      }
      if (pointed.has(rowId)) return; // a row has at most one record (apply keeps it so)
      pointed.add(rowId);
      const version = s.recordVersion ? recordVersions[i] : liveVersions[i];
      records.push({ kind: rows[i].kind, key: UNIVERSE[s.identity].base.key, rowId, fields: { ...version.fields } });
      if (rows[i].kind === 'RatingPlan') appliedRates.set(rowId, s.appliedRates ?? rows.find((r) => r.rowId === rowId)?.rates ?? EMPTY_RATES());
    });
    return { rows, records, appliedRates };
  });

const desiredArb: fc.Arbitrary<DesiredModel> = fc
  .uniqueArray(fc.record({ identity: fc.nat(UNIVERSE.length - 1), rates: deckArb }), { selector: (s) => s.identity, maxLength: 10 })
  .chain((specs) => fc.tuple(fc.constant(specs), fc.tuple(...specs.map((s) => versionArb(s.identity)))))
  .map(([specs, versions]) => {
    const model: DesiredModel = { objects: new Map(), rates: new Map(), origins: new Map() };
    specs.forEach((s, i) => {
      const o = versions[i];
      model.objects.set(objectId(o.kind, o.key), o);
      if (o.kind === 'RatingPlan') model.rates.set(o.key, s.rates);
    });
    return model;
  });

function sortRates(r: RateRows): RateRows {
  const idx = r.prefix.map((_, i) => i).sort((a, b) => {
    const ka = `${r.prefix[a]}|${r.effectiveDate[a] ?? ''}`;
    const kb = `${r.prefix[b]}|${r.effectiveDate[b] ?? ''}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return pickRates(r, idx);
}

function pickRates(r: RateRows, idx: number[]): RateRows {
  const sel = <T>(col: T[]) => idx.map((i) => col[i]);
  return {
    prefix: sel(r.prefix), destination: sel(r.destination), rate: sel(r.rate), connectionFee: sel(r.connectionFee),
    initialInterval: sel(r.initialInterval), recurringInterval: sel(r.recurringInterval), effectiveDate: sel(r.effectiveDate), endDate: sel(r.endDate),
  };
}

function concatRates(a: RateRows, b: RateRows): RateRows {
  const out = EMPTY_RATES();
  for (const k of Object.keys(out) as (keyof RateRows)[]) (out[k] as unknown[]) = [...a[k], ...b[k]];
  return out;
}

/** What readLive returns for the world. */
function read(w: World): { live: LiveState; applied: AppliedState } {
  const managed = new Set(w.records.map((r) => `${r.kind}\u0000${r.rowId}`));
  const objects = new Map<string, LiveObject[]>();
  const planIds = new Map<string, Row>();
  for (const row of [...w.rows].sort((a, b) => (a.rowId < b.rowId ? -1 : 1))) {
    const id = objectId(row.kind, row.key);
    objects.set(id, [...(objects.get(id) ?? []), {
      kind: row.kind, key: row.key, fields: row.fields, rowId: row.rowId, shortCode: null,
      managed: managed.has(`${row.kind}\u0000${row.rowId}`), runtime: {},
    }]);
    if (row.kind === 'RatingPlan') planIds.set(row.key, row);
  }
  const rates = new Map<string, RateRows>();
  const appliedRates = new Map<string, RateRows>();
  for (const [key, row] of planIds) {
    rates.set(key, sortRates(row.rates));
    if (managed.has(`RatingPlan\u0000${row.rowId}`)) appliedRates.set(key, sortRates(w.appliedRates.get(row.rowId) ?? EMPTY_RATES()));
  }
  return {
    live: { objects, rates },
    applied: { objects: new Map(w.records.map((r) => [objectId(r.kind, r.key), r])), rates: appliedRates },
  };
}

/** writeRates: drop the removed and upserted keys, then add the upserted rows. */
function writeRates(rows: RateRows, ops: RateOps): RateRows {
  const drop = new Set([
    ...ops.remove.prefix.map((p, i) => `${p}|${ops.remove.effectiveDate[i] ?? ''}`),
    ...ops.upsert.prefix.map((_, i) => rateKey(ops.upsert, i)),
  ]);
  const kept = rows.prefix.map((_, i) => i).filter((i) => !drop.has(rateKey(rows, i)));
  return concatRates(pickRates(rows, kept), ops.upsert);
}

/** executePlan (apply.ts) over the model: the same steps, in the same order. */
function applyModel(world: World, plan: Plan, live: LiveState): World {
  const w: World = {
    rows: world.rows.map((r) => ({ ...r })),
    records: world.records.map((r) => ({ ...r })),
    appliedRates: new Map(world.appliedRates),
  };
  const resolver = new Map<string, string>();
  for (const list of live.objects.values()) if (list.length === 1) resolver.set(objectId(list[0].kind, list[0].key), list[0].rowId);
  const rateDrift = new Set(plan.drift.filter((d) => d.kind === 'RatingPlan' && d.rates).map((d) => d.key));
  const rowOf = (rowId: string) => w.rows.find((r) => r.rowId === rowId);
  const records: AppliedObject[] = [];
  let next = 0;
  for (const kind of APPLY_ORDER) {
    const changes = plan.changes.filter((c) => c.kind === kind && c.action !== 'delete');
    for (const change of changes) {
      if (change.action === 'create') {
        const row: Row = { kind, key: change.key, rowId: `new-${next++}`, fields: change.desired!, rates: EMPTY_RATES() };
        w.rows.push(row);
        resolver.set(objectId(kind, change.key), row.rowId);
      } else {
        Object.assign(rowOf(change.rowId!)!, { fields: change.desired!, key: change.key });
        resolver.set(objectId(kind, change.key), change.rowId!);
      }
      records.push({ kind, key: change.key, rowId: resolver.get(objectId(kind, change.key))!, fields: change.desired! });
    }
    if (kind !== 'RatingPlan') continue;
    for (const change of changes) {
      const row = rowOf(resolver.get(objectId(kind, change.key))!)!;
      const recordedKey = w.records.find((r) => r.kind === kind && r.rowId === row.rowId)?.key;
      const trusted = change.action !== 'adopt' && !rateDrift.has(change.key) && (change.action === 'create' || recordedKey === change.key);
      const ops = plan.rateOps[change.key];
      if (ops) row.rates = writeRates(row.rates, ops);
      if (!trusted) w.appliedRates.set(row.rowId, row.rates);
      else if (ops) w.appliedRates.set(row.rowId, writeRates(w.appliedRates.get(row.rowId) ?? EMPTY_RATES(), ops));
    }
  }
  for (const change of plan.changes.filter((c) => c.action === 'delete')) {
    w.rows = w.rows.filter((r) => !(r.kind === change.kind && r.rowId === change.rowId));
    w.appliedRates.delete(change.rowId!);
    w.records = w.records.filter((r) => !(r.kind === change.kind && r.rowId === change.rowId));
  }
  for (const r of plan.refresh) {
    records.push({ kind: r.kind, key: r.key, rowId: r.rowId, fields: r.fields });
    if (r.kind === 'RatingPlan') w.appliedRates.set(r.rowId, rowOf(r.rowId)!.rates);
  }
  // recordManaged: a row's records under other keys go, then one record per key
  w.records = w.records.filter((old) => !records.some((r) => r.kind === old.kind && r.rowId === old.rowId && r.key !== old.key));
  for (const r of records) w.records = [...w.records.filter((old) => !(old.kind === r.kind && old.key === r.key)), r];
  for (const d of plan.drift) {
    const changed = plan.changes.some((c) => c.kind === d.kind && c.key === d.key) || plan.refresh.some((r) => r.kind === d.kind && r.key === d.key);
    if (d.kind === 'RatingPlan' && d.rates && !changed && !plan.orphans.some((o) => o.key === d.key && o.kind === d.kind)) {
      const planId = resolver.get(objectId('RatingPlan', d.key));
      if (planId && rowOf(planId)) w.appliedRates.set(planId, rowOf(planId)!.rates);
    }
  }
  // forgetVanished
  w.records = w.records.filter((r) => w.rows.some((row) => row.kind === r.kind && row.rowId === r.rowId));
  for (const id of [...w.appliedRates.keys()]) if (!w.rows.some((r) => r.kind === 'RatingPlan' && r.rowId === id)) w.appliedRates.delete(id);
  return w;
}

function planOf(result: DiffResult, desired: DesiredModel, live: LiveState, prune: boolean): Plan {
  return buildPlan({
    result, desired, live, guards: [], prune, createdAt: '2026-01-01T00:00:00.000Z', commit: null, configDigest: 'x', dbDescription: 'model',
    settings: { guards: DEFAULT_GUARD_SETTINGS, lockTimeoutSeconds: 30 },
  });
}

// ---------------------------------------------------------------- properties

const RUNS = { numRuns: 300 };

test('a state diffed with itself is empty', () => {
  fc.assert(fc.property(desiredArb, fc.boolean(), (desired, prune) => {
    const rows: Row[] = [...desired.objects.values()].map((o, i) => ({
      kind: o.kind, key: o.key, rowId: `row-${i}`, fields: o.fields, rates: desired.rates.get(o.key) ?? EMPTY_RATES(),
    }));
    const world: World = {
      rows,
      records: rows.map((r) => ({ kind: r.kind, key: r.key, rowId: r.rowId, fields: r.fields })),
      appliedRates: new Map(rows.filter((r) => r.kind === 'RatingPlan').map((r) => [r.rowId, r.rates])),
    };
    const { live, applied } = read(world);
    assert.deepEqual(diff(desired, live, applied, { prune }), { changes: [], refresh: [], orphans: [], drift: [], conflicts: [] });
  }), RUNS);
});

function shuffled<K, V>(map: Map<K, V>, order: number[]): Map<K, V> {
  const entries = [...map.entries()];
  const keyed = entries.map((e, i) => [order[i % Math.max(order.length, 1)] ?? i, i, e] as const);
  return new Map(keyed.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , e]) => e));
}

test('the diff is deterministic and does not depend on map insertion order', () => {
  fc.assert(fc.property(desiredArb, worldArb, fc.boolean(), fc.array(fc.nat(100), { minLength: 1 }), (desired, world, prune, order) => {
    const { live, applied } = read(world);
    const first = diff(desired, live, applied, { prune });
    assert.deepEqual(diff(desired, live, applied, { prune }), first);
    const desired2: DesiredModel = { objects: shuffled(desired.objects, order), rates: shuffled(desired.rates, order), origins: desired.origins };
    const live2: LiveState = { objects: shuffled(live.objects, order), rates: shuffled(live.rates, [...order].reverse()) };
    const applied2: AppliedState = { objects: shuffled(applied.objects, [...order].reverse()), rates: shuffled(applied.rates, order) };
    assert.equal(JSON.stringify(diff(desired2, live2, applied2, { prune })), JSON.stringify(first));
  }), RUNS);
});

test('only state fields change, and only rating plans carry rates', () => {
  fc.assert(fc.property(desiredArb, worldArb, fc.boolean(), (desired, world, prune) => {
    const { live, applied } = read(world);
    for (const c of diff(desired, live, applied, { prune }).changes) {
      const names = new Set(stateFields(c.kind).map((f) => f.name));
      for (const f of Object.keys(c.fields)) assert.ok(names.has(f), `${c.kind}.${f}`);
      for (const owned of kindSpec(c.kind).runtimeOwned) assert.ok(!(owned in c.fields));
      if (c.rates) assert.equal(c.kind, 'RatingPlan');
      if (c.kind === 'RatingPlan' && c.action !== 'delete') assert.ok(c.rates, 'every rating plan change shows its rates');
      if (c.action === 'delete') assert.ok(applied.objects.has(objectId(c.kind, c.key)), 'only managed objects are deleted');
    }
  }), RUNS);
});

test('applying the changes to a model of the database leaves nothing to change', () => {
  fc.assert(fc.property(desiredArb, worldArb, fc.boolean(), (desired, world, prune) => {
    const before = read(world);
    const result = diff(desired, before.live, before.applied, { prune });
    if (result.conflicts.length > 0) return; // apply refuses; nothing to converge
    const plan = planOf(result, desired, before.live, prune);
    const after = read(applyModel(world, plan, before.live));
    const again = diff(desired, after.live, after.applied, { prune });
    assert.deepEqual(again.changes.map((c) => [c.action, c.kind, c.key, c.fields, c.rates]), []);
    assert.deepEqual(again.refresh, []);
    // Managed objects left out of git are not touched without prune, drift and all.
    assert.deepEqual(again.drift.filter((d) => desired.objects.has(objectId(d.kind, d.key))), []);
    assert.deepEqual(again.conflicts, []);
    if (prune) assert.deepEqual([...again.orphans, ...again.drift], []);
  }), { numRuns: 1000 });
});

test('rates: added, removed and changed are exactly the set difference by prefix and effective date', () => {
  const row = fc.record({
    prefix: fc.stringMatching(/^[1-9][0-9]{0,3}$/),
    effectiveDate: fc.constantFrom(null, '2026-01-01', '2026-07-01'),
    rate: fc.constantFrom('0.01', '0.02', '0.5'),
    destination: fc.constantFrom('Here', 'There'),
    connectionFee: fc.constantFrom(null, '0', '0.1'),
  });
  const rows = fc.uniqueArray(row, { selector: (r) => `${r.prefix}|${r.effectiveDate}`, maxLength: 40 });
  fc.assert(fc.property(rows, rows, (want, have) => {
    const key = (r: RateRow) => `${r.prefix}|${r.effectiveDate ?? ''}`;
    const value = (r: RateRow) => JSON.stringify([r.destination, r.rate, r.connectionFee]);
    const wantByKey = new Map(want.map((r) => [key(r), r]));
    const haveByKey = new Map(have.map((r) => [key(r), r]));
    const d = diffRates(deck(want), deck(have));
    const sorted = (xs: string[]) => [...xs].sort();
    assert.deepEqual(sorted(d.added.map((i) => key(want[i]))), sorted(want.filter((r) => !haveByKey.has(key(r))).map(key)));
    assert.deepEqual(sorted(d.removed.map((j) => key(have[j]))), sorted(have.filter((r) => !wantByKey.has(key(r))).map(key)));
    assert.deepEqual(
      sorted(d.changed.desired.map((i, k) => { assert.equal(key(want[i]), key(have[d.changed.live[k]])); return key(want[i]); })),
      sorted(want.filter((r) => haveByKey.has(key(r)) && value(haveByKey.get(key(r))!) !== value(r)).map(key)),
    );
  }), { numRuns: 500 });
});
