// The pure diff, case by case: desired x live x last-applied -> changes with
// field-level from/to, nested parts as fields of their parent, runtime-owned
// fields never seen, adoption, prune, ordering and conflicts. No database.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { APPLY_ORDER, kindSpec } from '../../src/model/kinds.js';
import { diff } from '../../src/reconcile/diff.js';
import { stateFields } from '../../src/reconcile/state.js';
import { appliedOf, deck, desiredOf, edit, liveOf, record, state } from './states.js';

const acme = state('Carrier', {
  code: 'ACME', name: 'Acme Telecom Ltd', partnerType: 'bilateral', primaryCurrency: 'USD',
  customerCreditLimit: '5000.00', capacityMode: 'capped', capacityLimit: 120,
  contacts: [
    { name: 'NOC', email: 'noc@acme.example', isPrimary: true },
    { name: 'Billing', email: 'billing@acme.example' },
  ],
  creditAlerts: [{ alertType: 'low_balance', direction: 'customer', threshold: '100', recipients: ['a@acme.example'] }],
  assignment: { assignmentType: 'categories', categories: ['WHOLESALE'] },
});
const lon1 = state('Interconnect', {
  carrier: 'ACME', name: 'lon-1', direction: 'both',
  ipAddresses: [{ ipAddress: '192.0.2.10', addressType: 'transport' }],
  codecs: [{ codecName: 'PCMA', ptime: 20 }, { codecName: 'G729', ptime: 20 }],
  validation: { maxCps: 10 }, translation: { setPaiHeader: 'from' }, media: { rtpTimeout: 60 },
  signalling: { sessionTimerEnabled: true, '100relEnabled': false },
});
const plan = state('RatingPlan', { name: 'UK Wholesale', currency: 'GBP', initialInterval: 60 });
const service = state('Service', {
  carrier: 'ACME', name: 'uk-out', interconnect: 'lon-1', ratingPlan: 'UK Wholesale', direction: 'egress', priority: 1,
});
const wholesale = state('CustomerCategory', { code: 'WHOLESALE', name: 'Wholesale' });
const tier1 = state('CustomerGroup', { code: 'T1', name: 'Tier 1', category: 'WHOLESALE' });
const ukDeck = deck([{ prefix: '44', rate: '0.01' }, { prefix: '447', rate: '0.03' }]);

const noPrune = { prune: false };

/** Everything applied and unchanged since: live rows managed, records equal. */
function synced(objects = [acme, lon1, plan, service]) {
  const rows = objects.map((s, i) => ({ state: s, rowId: `r${i}`, managed: true }));
  return {
    live: liveOf(rows, { 'UK Wholesale': ukDeck }),
    applied: appliedOf(rows.map((r) => record(r.state, r.rowId)), { 'UK Wholesale': ukDeck }),
  };
}

test('an object missing from the database is a create with every set field from null', () => {
  const r = diff(desiredOf([acme]), liveOf([]), appliedOf([]), noPrune);
  assert.equal(r.changes.length, 1);
  const c = r.changes[0];
  assert.deepEqual([c.action, c.kind, c.key, c.rowId], ['create', 'Carrier', 'ACME', null]);
  assert.deepEqual(c.fields.capacityLimit, { from: null, to: 120 });
  assert.deepEqual(c.fields.customerCreditLimit, { from: null, to: '5000' }, 'decimals are canonical');
  assert.deepEqual(c.fields.status, { from: null, to: 'active' }, 'schema defaults are desired values');
  assert.ok(!('taxCode' in c.fields), 'unset fields are not listed on create');
  assert.deepEqual(c.desired, acme.fields);
  for (const [name, change] of Object.entries(c.fields)) assert.notEqual(change.to, null, name);
});

test('a synced state diffs to nothing', () => {
  const { live, applied } = synced();
  const r = diff(desiredOf([acme, lon1, plan, service], { 'UK Wholesale': ukDeck }), live, applied, { prune: true });
  assert.deepEqual(r, { changes: [], refresh: [], orphans: [], drift: [], conflicts: [] });
});

test('an edited field is an update listing only that field, from -> to', () => {
  const { live, applied } = synced();
  const want = edit(acme, { capacityLimit: 150, customerCreditLimit: '5000.0000' });
  const r = diff(desiredOf([want, lon1, plan, service], { 'UK Wholesale': ukDeck }), live, applied, noPrune);
  assert.equal(r.changes.length, 1);
  assert.deepEqual([r.changes[0].action, r.changes[0].rowId], ['update', 'r0']);
  assert.deepEqual(r.changes[0].fields, { capacityLimit: { from: 120, to: 150 } }, '5000.0000 equals 5000.00');
  assert.deepEqual(r.changes[0].desired, want.fields);
  assert.equal(r.changes[0].rates, undefined, 'rates appear on rating plans only');
  assert.deepEqual(r.drift, []);
});

test('a field removed from YAML is an update to null', () => {
  const { live, applied } = synced();
  const want = state('Carrier', { ...Object.fromEntries(Object.entries(acme.fields).filter(([k, v]) => k !== 'customerCreditLimit' && v !== null)) });
  const r = diff(desiredOf([want, lon1, plan, service], { 'UK Wholesale': ukDeck }), live, applied, noPrune);
  assert.deepEqual(r.changes[0].fields, { customerCreditLimit: { from: '5000', to: null } });
});

test('nested collections are field changes of their parent', async (t) => {
  const cases: Array<[string, typeof acme, Record<string, unknown>]> = [
    ['contacts', acme, { contacts: [{ name: 'NOC', email: 'noc@acme.example', isPrimary: true }, { name: 'Billing', email: 'invoices@acme.example' }] }],
    ['creditAlerts', acme, { creditAlerts: [{ alertType: 'low_balance', direction: 'customer', threshold: '200', recipients: ['a@acme.example'] }] }],
    ['assignment', acme, { assignment: { assignmentType: 'groups', groups: ['T1'] } }],
    ['ipAddresses', lon1, { ipAddresses: [{ ipAddress: '192.0.2.10', addressType: 'media' }] }],
    ['codecs', lon1, { codecs: [{ codecName: 'PCMA', ptime: 30 }, { codecName: 'G729', ptime: 20 }] }],
    ['validation', lon1, { validation: { maxCps: 20 } }],
    ['translation', lon1, { translation: null }],
    ['media', lon1, { media: { rtpTimeout: 60, rtpTimeoutEnabled: true } }],
    ['signalling', lon1, { signalling: { sessionTimerEnabled: true, '100relEnabled': true } }],
  ];
  for (const [field, base, data] of cases) {
    await t.test(field, () => {
      const { live, applied } = synced();
      const want = edit(base, data);
      const objects = [acme, lon1, plan, service].map((o) => (o === base ? want : o));
      const r = diff(desiredOf(objects, { 'UK Wholesale': ukDeck }), live, applied, noPrune);
      assert.equal(r.changes.length, 1);
      assert.deepEqual([r.changes[0].action, r.changes[0].kind, r.changes[0].key], ['update', base.kind, base.key]);
      assert.deepEqual(Object.keys(r.changes[0].fields), [field]);
      assert.deepEqual(r.changes[0].fields[field], { from: base.fields[field], to: want.fields[field] });
    });
  }
});

test('codec order is a change; the order of an unordered list is not', () => {
  const { live, applied } = synced();
  const reordered = edit(lon1, { codecs: [{ codecName: 'G729', ptime: 20 }, { codecName: 'PCMA', ptime: 20 }] });
  const r = diff(desiredOf([acme, reordered, plan, service], { 'UK Wholesale': ukDeck }), live, applied, noPrune);
  assert.deepEqual(r.changes.map((c) => [c.key, Object.keys(c.fields)]), [['ACME/lon-1', ['codecs']]]);
  const swapped = edit(acme, { contacts: [...(acme.fields.contacts as object[])].reverse() });
  const same = diff(desiredOf([swapped, lon1, plan, service], { 'UK Wholesale': ukDeck }), live, applied, noPrune);
  assert.deepEqual(same.changes, [], 'contacts are matched by name, not position');
});

test('runtime-owned fields are not part of any state and never appear as changes', () => {
  for (const kind of APPLY_ORDER) {
    const names = stateFields(kind).map((f) => f.name);
    for (const owned of kindSpec(kind).runtimeOwned) assert.ok(!names.includes(owned), `${kind}.${owned}`);
    for (const owned of ['id', 'shortCode', 'createdAt', 'updatedAt', 'uncommittedChanges', 'assigned']) {
      assert.ok(!names.includes(owned), `${kind}.${owned}`);
    }
  }
  // A live row carrying runtime values (as a careless reader might put them) changes nothing.
  const runtime = {
    id: 'r0', shortCode: 'X1', createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    customerBalance: '12.5', supplierBalance: '-3', bilateralBalance: '1', customer24HrSpend: '7', supplier24HrSpend: '8',
    uncommittedChanges: true, assigned: true,
  };
  const noisy = (s: typeof acme) => ({ ...s, fields: { ...s.fields, ...runtime } });
  const rows = [acme, plan].map((s, i) => ({ state: noisy(s), rowId: `r${i}`, managed: true, runtime: { customer_balance: '12.5' } }));
  const live = liveOf(rows, { 'UK Wholesale': ukDeck });
  const applied = appliedOf([record(acme, 'r0'), record(plan, 'r1')], { 'UK Wholesale': ukDeck });
  const r = diff(desiredOf([acme, plan], { 'UK Wholesale': ukDeck }), live, applied, noPrune);
  assert.deepEqual(r.changes, []);
  assert.deepEqual(r.drift, []);
  const created = diff(desiredOf([acme, plan]), liveOf([]), appliedOf([]), noPrune);
  for (const c of created.changes) for (const owned of Object.keys(runtime)) assert.ok(!(owned in c.fields), `${c.kind}.${owned}`);
});

test('a YAML object matching an unmanaged row adopts it, with the fields that differ', () => {
  const live = liveOf([{ state: edit(acme, { capacityLimit: 100 }), rowId: 'u1', managed: false }]);
  const r = diff(desiredOf([acme]), live, appliedOf([]), { prune: true });
  assert.deepEqual(r.changes.map((c) => [c.action, c.key, c.rowId]), [['adopt', 'ACME', 'u1']]);
  assert.deepEqual(r.changes[0].fields, { capacityLimit: { from: 100, to: 120 } });
  const equal = diff(desiredOf([acme]), liveOf([{ state: acme, rowId: 'u1' }]), appliedOf([]), noPrune);
  assert.deepEqual(equal.changes.map((c) => [c.action, Object.keys(c.fields).length]), [['adopt', 0]], 'an equal row is still adopted, so it becomes managed');
});

test('an adopted rating plan carries its rates delta', () => {
  const live = liveOf([{ state: plan, rowId: 'u1' }], { 'UK Wholesale': deck([{ prefix: '44', rate: '0.02' }]) });
  const r = diff(desiredOf([plan], { 'UK Wholesale': ukDeck }), live, appliedOf([]), noPrune);
  assert.equal(r.changes[0].action, 'adopt');
  assert.deepEqual(r.changes[0].rates, { added: [1], changed: { desired: [0], live: [0] }, removed: [] });
});

test('unmanaged rows are never deleted, not even with prune', () => {
  const stranger = state('Carrier', { code: 'STRANGER', name: 'Stranger', partnerType: 'supplier' });
  const live = liveOf([{ state: stranger, rowId: 'u1', managed: false }]);
  const r = diff(desiredOf([]), live, appliedOf([]), { prune: true });
  assert.deepEqual(r, { changes: [], refresh: [], orphans: [], drift: [], conflicts: [] });
});

test('managed objects missing from git are orphans, and deletes only with prune', () => {
  const { live, applied } = synced();
  const kept = diff(desiredOf([acme, lon1]), live, applied, noPrune);
  assert.deepEqual(kept.changes, []);
  assert.deepEqual(kept.orphans.map((o) => [o.kind, o.key, o.rowId]), [['RatingPlan', 'UK Wholesale', 'r2'], ['Service', 'ACME/uk-out', 'r3']]);
  const pruned = diff(desiredOf([acme, lon1]), live, applied, { prune: true });
  assert.deepEqual(pruned.orphans, []);
  assert.deepEqual(pruned.changes.map((c) => [c.action, c.kind, c.key, c.rowId, c.desired]),
    [['delete', 'Service', 'ACME/uk-out', 'r3', null], ['delete', 'RatingPlan', 'UK Wholesale', 'r2', null]]);
  assert.deepEqual(pruned.changes.map((c) => c.fields), [{}, {}]);
});

test('a managed row deleted outside didsync is created again; its record is not a delete', () => {
  const { applied } = synced([acme]);
  const r = diff(desiredOf([acme]), liveOf([]), applied, { prune: true });
  assert.deepEqual(r.changes.map((c) => [c.action, c.key]), [['create', 'ACME']]);
  const gone = diff(desiredOf([]), liveOf([]), applied, { prune: true });
  assert.deepEqual(gone.changes, [], 'nothing left to delete');
});

test('a managed row is followed by its id when its identity was changed outside didsync', () => {
  const renamed = edit(acme, { code: 'ACME2' });
  const live = liveOf([{ state: renamed, rowId: 'r0', managed: true }]);
  const r = diff(desiredOf([acme]), live, appliedOf([record(acme, 'r0')]), { prune: true });
  assert.deepEqual(r.changes.map((c) => [c.action, c.key, c.rowId]), [['update', 'ACME', 'r0']]);
  assert.deepEqual(r.changes[0].fields, { code: { from: 'ACME2', to: 'ACME' } });
  assert.deepEqual(r.drift.map((d) => [d.key, d.fields]), [['ACME', ['code']]]);
});

test('a row is matched once: a managed row renamed to another object\'s identity stays with its record', () => {
  const globex = state('Carrier', { code: 'GLOBEX', name: 'Globex', partnerType: 'supplier' });
  const live = liveOf([{ state: edit(acme, { code: 'GLOBEX' }), rowId: 'r0', managed: true }]);
  const r = diff(desiredOf([acme, globex]), live, appliedOf([record(acme, 'r0')]), { prune: true });
  assert.deepEqual(r.changes.map((c) => [c.action, c.key, c.rowId]), [['update', 'ACME', 'r0'], ['create', 'GLOBEX', null]]);
  assert.deepEqual(r.refresh, []);
});

test('a managed row renamed to an identity another row holds is a conflict, not a write that collides', () => {
  const live = liveOf([
    { state: edit(acme, { code: 'ACME2' }), rowId: 'r0', managed: true },
    { state: acme, rowId: 'u1' },
  ]);
  const r = diff(desiredOf([acme]), live, appliedOf([record(acme, 'r0')]), noPrune);
  assert.deepEqual(r.changes, []);
  assert.deepEqual(r.conflicts.map((c) => [c.kind, c.key]), [['Carrier', 'ACME']]);
  assert.match(r.conflicts[0].message, /renamed to 'ACME2'.*id u1/);
});

test('a rating plan renamed out of band is compared with its own live rates', () => {
  const renamed = edit(plan, { name: 'UK Old' });
  const liveDeck = deck([{ prefix: '44', rate: '0.01' }, { prefix: '33', rate: '0.2' }]);
  const live = liveOf([{ state: renamed, rowId: 'r2', managed: true }], { 'UK Old': liveDeck });
  const applied = appliedOf([record(plan, 'r2')], { 'UK Old': deck([{ prefix: '44', rate: '0.01' }]) });
  const r = diff(desiredOf([plan], { 'UK Wholesale': deck([{ prefix: '44', rate: '0.01' }]) }), live, applied, noPrune);
  assert.deepEqual(r.changes.map((c) => [c.action, c.key, c.liveKey]), [['update', 'UK Wholesale', 'UK Old']]);
  assert.deepEqual(r.changes[0].fields, { name: { from: 'UK Old', to: 'UK Wholesale' } });
  assert.deepEqual(r.changes[0].rates, { added: [], changed: { desired: [], live: [] }, removed: [1] }, 'the rate added out of band goes');
  assert.deepEqual(r.drift, [
    { kind: 'RatingPlan', key: 'UK Wholesale', fields: ['name'], rates: true, rateCounts: { added: 1, changed: 0, removed: 0 } },
  ]);
});

test('creates and updates follow APPLY_ORDER; deletes come last, in reverse order', () => {
  const old = {
    cat: state('CustomerCategory', { code: 'OLD', name: 'Old' }),
    group: state('CustomerGroup', { code: 'OLDG', name: 'Old group', category: 'OLD' }),
    carrier: state('Carrier', { code: 'GONE', name: 'Gone', partnerType: 'supplier' }),
    ic: state('Interconnect', { carrier: 'GONE', name: 'x', direction: 'egress' }),
    plan: state('RatingPlan', { name: 'Old plan', currency: 'GBP' }),
    svc: state('Service', { carrier: 'GONE', name: 's', direction: 'egress' }),
  };
  const rows = Object.values(old).map((s, i) => ({ state: s, rowId: `o${i}`, managed: true }));
  const live = liveOf(rows, { 'Old plan': deck([]) });
  const applied = appliedOf(rows.map((r) => record(r.state, r.rowId)), { 'Old plan': deck([]) });
  // desired given in reverse dependency order: the output must not depend on it
  const desired = desiredOf([service, plan, lon1, acme, tier1, wholesale], { 'UK Wholesale': ukDeck });
  const r = diff(desired, live, applied, { prune: true });
  assert.deepEqual(r.changes.map((c) => `${c.action} ${c.kind}`), [
    'create CustomerCategory', 'create CustomerGroup', 'create Carrier', 'create Interconnect', 'create RatingPlan', 'create Service',
    'delete Service', 'delete RatingPlan', 'delete Interconnect', 'delete Carrier', 'delete CustomerGroup', 'delete CustomerCategory',
  ]);
});

test('within a kind, changes are ordered by key, deletes too', () => {
  const carriers = ['C', 'A', 'B'].map((code) => state('Carrier', { code, name: code, partnerType: 'supplier' }));
  const r = diff(desiredOf(carriers), liveOf([]), appliedOf([]), noPrune);
  assert.deepEqual(r.changes.map((c) => c.key), ['A', 'B', 'C']);
  const rows = carriers.map((s, i) => ({ state: s, rowId: `r${i}`, managed: true }));
  const pruned = diff(desiredOf([]), liveOf(rows), appliedOf(rows.map((x) => record(x.state, x.rowId))), { prune: true });
  assert.deepEqual(pruned.changes.map((c) => `${c.action} ${c.key}`), ['delete A', 'delete B', 'delete C']);
});

test('two live rows with one identity are a conflict, and only that object is held back', () => {
  const live = liveOf([
    { state: acme, rowId: 'u2' },
    { state: edit(acme, { name: 'Acme again' }), rowId: 'u1' },
  ]);
  const r = diff(desiredOf([acme, plan]), live, appliedOf([]), noPrune);
  assert.deepEqual(r.conflicts.map((c) => [c.kind, c.key]), [['Carrier', 'ACME']]);
  assert.match(r.conflicts[0].message, /2 rows with this identity/);
  assert.match(r.conflicts[0].message, /u1/);
  assert.match(r.conflicts[0].message, /u2/);
  assert.deepEqual(r.changes.map((c) => [c.action, c.key]), [['create', 'UK Wholesale']]);
});

test('a managed row is matched by its id even when an unmanaged duplicate of its identity exists', () => {
  const live = liveOf([
    { state: acme, rowId: 'r0', managed: true },
    { state: acme, rowId: 'u1' },
  ]);
  const r = diff(desiredOf([acme]), live, appliedOf([record(acme, 'r0')]), noPrune);
  assert.deepEqual(r.conflicts, []);
  assert.deepEqual(r.changes, []);
});

test('git changed to match the database: no change, the record is refreshed', () => {
  const changed = edit(acme, { capacityLimit: 150 });
  const live = liveOf([{ state: changed, rowId: 'r0', managed: true }]);
  const r = diff(desiredOf([changed]), live, appliedOf([record(acme, 'r0')]), noPrune);
  assert.deepEqual(r.changes, []);
  assert.deepEqual(r.refresh, [{ kind: 'Carrier', key: 'ACME', rowId: 'r0', fields: changed.fields }]);
  assert.deepEqual(r.drift.map((d) => [d.key, d.fields]), [['ACME', ['capacityLimit']]], 'the database still differs from the last apply');
});

test('drift is the database against the last apply, whatever git says now', () => {
  const { applied } = synced();
  const live = liveOf([
    { state: edit(acme, { capacityLimit: 99 }), rowId: 'r0', managed: true },
    { state: lon1, rowId: 'r1', managed: true },
    { state: plan, rowId: 'r2', managed: true },
    { state: service, rowId: 'r3', managed: true },
  ], { 'UK Wholesale': deck([{ prefix: '44', rate: '0.01' }, { prefix: '447', rate: '0.5' }, { prefix: '33', rate: '1' }]) });
  const r = diff(desiredOf([]), live, applied, noPrune);
  assert.deepEqual(r.drift, [
    { kind: 'Carrier', key: 'ACME', fields: ['capacityLimit'], rates: false },
    { kind: 'RatingPlan', key: 'UK Wholesale', fields: [], rates: true, rateCounts: { added: 1, changed: 1, removed: 0 } },
  ]);
});

test('rating plans: a rates-only difference is an update with the rates delta and no fields', () => {
  const { live, applied } = synced();
  const want = deck([{ prefix: '44', rate: '0.01' }, { prefix: '447', rate: '0.04' }, { prefix: '33', rate: '0.1' }]);
  const r = diff(desiredOf([acme, lon1, plan, service], { 'UK Wholesale': want }), live, applied, noPrune);
  assert.equal(r.changes.length, 1);
  assert.deepEqual(r.changes[0].fields, {});
  assert.deepEqual(r.changes[0].rates, { added: [2], changed: { desired: [1], live: [1] }, removed: [] });
  const created = diff(desiredOf([plan], { 'UK Wholesale': ukDeck }), liveOf([]), appliedOf([]), noPrune);
  assert.deepEqual(created.changes[0].rates, { added: [0, 1], changed: { desired: [], live: [] }, removed: [] });
});

test('rating plans: a fields-only update still carries its (empty) rates delta', () => {
  const { live, applied } = synced();
  const want = edit(plan, { timeZone: 'UTC' });
  const r = diff(desiredOf([acme, lon1, want, service], { 'UK Wholesale': ukDeck }), live, applied, noPrune);
  assert.deepEqual(r.changes.map((c) => [c.key, c.fields, c.rates]), [['UK Wholesale', { timeZone: { from: null, to: 'UTC' } }, { added: [], changed: { desired: [], live: [] }, removed: [] }]]);
});
