// The engine against a real database, over random valid configs (fast-check):
// apply, then plan is empty; a random out-of-band edit of a managed row or
// rate is reported as drift and as a change; the next apply restores git
// exactly, clears uncommitted_changes, and leaves runtime-owned columns
// alone. Each run applies its config over the previous run's database (with
// prune), so transitions between configs are exercised too.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { rm } from 'node:fs/promises';
import type { Driver } from '../../src/drivers/driver.js';
import { markDrift } from '../../src/reconcile/drift.js';
import type { Plan } from '../../src/reconcile/plan.js';
import { databaseTest, type DatabaseKind } from '../support/databases.js';
import { applyConfig, planConfig, updateConfig, writeConfig } from '../support/config.js';

// ------------------------------------------------------------ random configs

interface Rate { prefix: string; destination: string; rate: string; connectionFee?: string; effectiveDate?: string }
interface PlanSpec { name: string; currency: string; timeZone?: string; minMargin?: string; asCsv: boolean; rates: Rate[] }
interface InterconnectSpec { name: string; direction: 'ingress' | 'egress' | 'both'; doc: Record<string, unknown> }
interface CarrierSpec { code: string; doc: Record<string, unknown>; interconnects: InterconnectSpec[]; services: Record<string, unknown>[] }
interface Config { carriers: CarrierSpec[]; plans: PlanSpec[] }

const decimal = (maxInt: number, places: number) =>
  fc.tuple(fc.nat(maxInt), fc.nat(10 ** places - 1)).map(([i, f]) => `${i}.${String(f).padStart(places, '0')}`);

const rateArb: fc.Arbitrary<Rate> = fc.record({
  prefix: fc.stringMatching(/^[1-9][0-9]{0,5}$/),
  destination: fc.constantFrom('United Kingdom', 'UK Mobile', 'France', 'Germany, fixed', 'Spain "Movil"'),
  rate: decimal(2, 6),
  connectionFee: fc.option(decimal(1, 4), { nil: undefined }),
  effectiveDate: fc.option(fc.constantFrom('2025-01-01', '2026-06-01'), { nil: undefined }),
}, { requiredKeys: ['prefix', 'destination', 'rate'] });

const planArb = (name: string): fc.Arbitrary<PlanSpec> => fc.record({
  name: fc.constant(name),
  currency: fc.constantFrom('GBP', 'EUR', 'USD'),
  timeZone: fc.option(fc.constantFrom('Europe/London', 'UTC'), { nil: undefined }),
  minMargin: fc.option(decimal(9, 2), { nil: undefined }),
  asCsv: fc.boolean(),
  rates: fc.uniqueArray(rateArb, { selector: (r) => `${r.prefix}|${r.effectiveDate ?? ''}`, maxLength: 25 }),
}, { requiredKeys: ['name', 'currency', 'asCsv', 'rates'] });

const contactArb = (name: string) => fc.record({
  name: fc.constant(name),
  email: fc.constantFrom(`${name.toLowerCase()}@x.example`, `${name.toLowerCase()}2@x.example`),
  telephone: fc.option(fc.constantFrom('+44 20 7946 0100', '+1 555 0100'), { nil: undefined }),
  isPrimary: fc.boolean(),
}, { requiredKeys: ['name', 'email', 'isPrimary'] });

const CODECS = ['PCMA', 'G729', 'PCMU', 'OPUS'];
const codecsArb = fc.shuffledSubarray(CODECS).chain((names) =>
  fc.tuple(...names.map((codecName) => fc.record({ codecName: fc.constant(codecName), ptime: fc.constantFrom(20, 30), allowed: fc.boolean() }))));

/** An interconnect; `n` makes its addresses unique in the config, so no two ingress trunks overlap. */
const interconnectArb = (carrier: string, name: string, n: number): fc.Arbitrary<InterconnectSpec> =>
  fc.record({
    direction: fc.constantFrom<'ingress' | 'egress' | 'both'>('ingress', 'egress', 'both'),
    codecs: codecsArb,
    media: fc.boolean(),
    signalling: fc.option(fc.record({ sessionTimerEnabled: fc.boolean(), sessionTimerInterval: fc.constantFrom(900, 1800), '100relEnabled': fc.boolean() }), { nil: undefined }),
    validation: fc.option(fc.record({ maxCps: fc.integer({ min: 1, max: 100 }), maxCpsEnabled: fc.boolean() }), { nil: undefined }),
    capped: fc.boolean(),
  }).map((g) => ({
    name,
    direction: g.direction,
    doc: {
      kind: 'Interconnect', carrier, name, direction: g.direction,
      capacityMode: g.capped ? 'capped' : 'unrestricted', ...(g.capped ? { capacityLimit: 10 + n } : {}),
      ipAddresses: [
        { ipAddress: `192.0.2.${n}`, addressType: 'transport' },
        ...(g.media ? [{ ipAddress: `198.51.100.${n}`, addressType: 'media' }] : []),
      ],
      codecs: g.codecs,
      ...(g.media ? { media: { dtmfDetection: 'rfc2833', rtpTimeout: 60, rtpTimeoutEnabled: true } } : {}),
      ...(g.signalling ? { signalling: g.signalling } : {}),
      ...(g.validation ? { validation: g.validation } : {}),
    },
  }));

const carrierArb = (code: string, index: number, planNames: string[]): fc.Arbitrary<CarrierSpec> =>
  fc.record({
    name: fc.constantFrom(`${code} Ltd`, `${code} plc`),
    partnerType: fc.constantFrom('customer', 'supplier', 'bilateral'),
    status: fc.constantFrom('active', 'paused'),
    limit: fc.option(decimal(99999, 2), { nil: undefined }),
    capacity: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
    contacts: fc.subarray(['NOC', 'Billing', 'Sales']).chain((names) => fc.tuple(...names.map(contactArb))),
    alert: fc.option(decimal(9999, 2), { nil: undefined }),
    assignment: fc.boolean(),
    interconnects: fc.subarray(['lon-1', 'ams-1']),
  }).chain((c) => fc.tuple(
    fc.constant(c),
    fc.tuple(...c.interconnects.map((name, i) => interconnectArb(code, name, index * 10 + i + 1))),
  )).chain(([c, ics]) => fc.tuple(
    fc.constant(c), fc.constant(ics),
    fc.tuple(...ics.map((ic) => fc.option(fc.record({ plan: fc.constantFrom(...planNames), priority: fc.integer({ min: 1, max: 9 }) }), { nil: undefined }))),
  )).map(([c, ics, serviceChoices]) => ({
    code,
    doc: {
      kind: 'Carrier', code, name: c.name, partnerType: c.partnerType, status: c.status, primaryCurrency: 'USD',
      ...(c.limit ? { customerCreditType: 'postpaid', customerCreditLimit: c.limit } : {}),
      capacityMode: c.capacity ? 'capped' : 'unrestricted', ...(c.capacity ? { capacityLimit: c.capacity } : {}),
      contacts: c.contacts,
      ...(c.alert ? { creditAlerts: [{ alertType: 'low_balance', direction: 'customer', threshold: c.alert, recipients: ['noc@x.example'] }] } : {}),
      ...(c.assignment ? { assignment: { assignmentType: 'categories', categories: ['WHOLESALE'] } } : {}),
    },
    interconnects: ics,
    services: ics.flatMap((ic, i) => {
      const choice = serviceChoices[i];
      if (!choice) return [];
      return [{
        kind: 'Service', carrier: code, name: `svc-${ic.name}`, interconnect: ic.name,
        direction: ic.direction === 'ingress' ? 'ingress' : 'egress', ratingPlan: choice.plan, priority: choice.priority, weight: 100,
      }];
    }),
  }));

const configArb: fc.Arbitrary<Config> = fc
  .tuple(fc.subarray(['UK Wholesale', 'EU Standard'], { minLength: 1 }), fc.subarray(['ACME', 'GLOBEX', 'INITECH'], { minLength: 1 }))
  .chain(([planNames, codes]) => fc.record({
    plans: fc.tuple(...planNames.map(planArb)),
    carriers: fc.tuple(...codes.map((code, i) => carrierArb(code, i, planNames))),
  }));

/** The config as files: YAML documents, and CSV decks for the plans that use a ratesFile. */
function files(config: Config): Record<string, string | null> {
  const docs: unknown[] = [{ kind: 'CustomerCategory', code: 'WHOLESALE', name: 'Wholesale' }];
  const out: Record<string, string | null> = { 'rates/UK Wholesale.csv': null, 'rates/EU Standard.csv': null };
  for (const p of config.plans) {
    const { asCsv, rates, ...rest } = p;
    const plan: Record<string, unknown> = { kind: 'RatingPlan', ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) };
    if (asCsv) {
      plan.ratesFile = `rates/${p.name}.csv`;
      out[`rates/${p.name}.csv`] = csv(rates);
    } else {
      plan.rates = rates.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    }
    docs.push(plan);
  }
  for (const c of config.carriers) docs.push(c.doc, ...c.interconnects.map((i) => i.doc), ...c.services);
  out['config.yaml'] = docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
  return out;
}

function csv(rates: Rate[]): string {
  const q = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `prefix,destination,rate,connectionFee,effectiveDate\n${rates.map((r) => [r.prefix, q(r.destination), r.rate, r.connectionFee ?? '', r.effectiveDate ?? ''].join(',')).join('\n')}\n`;
}

// ------------------------------------------------------------ out-of-band edits

interface Edit { kind: string; key: (row: Record<string, unknown>) => string; find: string; change: string; field: string }

/** Edits a database user might make; each picks its row with `find` and changes it with `change` ($1 = the row's id). */
const EDITS: Edit[] = [
  { kind: 'Carrier', field: 'capacityLimit', key: (r) => String(r.code),
    find: 'SELECT t.id, t.code FROM carriers t JOIN didsync.managed m ON m.row_id = t.id ORDER BY t.code', change: 'UPDATE carriers SET capacity_limit = coalesce(capacity_limit, 0) + 7 WHERE id = $1' },
  { kind: 'Carrier', field: 'name', key: (r) => String(r.code),
    find: 'SELECT t.id, t.code FROM carriers t JOIN didsync.managed m ON m.row_id = t.id ORDER BY t.code', change: "UPDATE carriers SET name = name || ' (edited)' WHERE id = $1" },
  { kind: 'Carrier', field: 'contacts', key: (r) => String(r.code),
    find: 'SELECT c.id, p.code FROM carrier_contacts c JOIN carriers p ON p.id = c.carrier_id ORDER BY p.code, c.name', change: "UPDATE carrier_contacts SET email = 'someone@elsewhere.example' WHERE id = $1" },
  { kind: 'Carrier', field: 'contacts', key: (r) => String(r.code),
    find: 'SELECT c.id, p.code FROM carrier_contacts c JOIN carriers p ON p.id = c.carrier_id ORDER BY p.code, c.name', change: 'DELETE FROM carrier_contacts WHERE id = $1' },
  { kind: 'Carrier', field: 'primaryCurrency', key: (r) => String(r.code),
    find: 'SELECT t.id, t.code FROM carriers t JOIN didsync.managed m ON m.row_id = t.id ORDER BY t.code',
    change: "UPDATE carriers SET primary_currency_id = (SELECT id FROM currencies WHERE code = 'JPY') WHERE id = $1" },
  { kind: 'Carrier', field: 'creditAlerts', key: (r) => String(r.code),
    find: 'SELECT a.id, p.code FROM carrier_credit_alerts a JOIN carriers p ON p.id = a.carrier_id ORDER BY p.code',
    change: `UPDATE carrier_credit_alerts SET recipients = '["fraud@elsewhere.example"]'::jsonb WHERE id = $1` },
  { kind: 'Carrier', field: 'assignment', key: (r) => String(r.code),
    find: 'SELECT p.id, p.code FROM carriers p JOIN didsync.managed m ON m.row_id = p.id ORDER BY p.code',
    change: `WITH gone AS (DELETE FROM carrier_assignments WHERE carrier_id = $1 RETURNING id)
             INSERT INTO carrier_assignments (carrier_id, assignment_type) SELECT $1, 'all' WHERE NOT EXISTS (SELECT 1 FROM gone)` },
  { kind: 'Interconnect', field: 'translation', key: (r) => `${r.code}/${r.name}`,
    find: 'SELECT i.id, c.code, i.name FROM carrier_interconnects i JOIN carriers c ON c.id = i.carrier_id ORDER BY c.code, i.name',
    change: "INSERT INTO interconnect_translation_settings (interconnect_id, set_pai_header) VALUES ($1, 'from')" },
  { kind: 'Interconnect', field: 'signalling', key: (r) => `${r.code}/${r.name}`,
    find: `SELECT i.id, c.code, i.name FROM carrier_interconnects i JOIN carriers c ON c.id = i.carrier_id
            JOIN interconnect_signalling_settings s ON s.interconnect_id = i.id ORDER BY c.code, i.name`,
    change: 'DELETE FROM interconnect_signalling_settings WHERE interconnect_id = $1' },
  { kind: 'Interconnect', field: 'codecs', key: (r) => `${r.code}/${r.name}`,
    find: `SELECT i.id, c.code, i.name FROM carrier_interconnects i JOIN carriers c ON c.id = i.carrier_id
            WHERE (SELECT count(*) FROM interconnect_codecs x WHERE x.interconnect_id = i.id) > 0 ORDER BY c.code, i.name`,
    change: 'UPDATE interconnect_codecs SET ptime = coalesce(ptime, 0) + 10 WHERE id = (SELECT id FROM interconnect_codecs WHERE interconnect_id = $1 ORDER BY display_order LIMIT 1)' },
  { kind: 'Interconnect', field: 'codecs', key: (r) => `${r.code}/${r.name}`,
    find: `SELECT i.id, c.code, i.name FROM carrier_interconnects i JOIN carriers c ON c.id = i.carrier_id
            WHERE (SELECT count(*) FROM interconnect_codecs x WHERE x.interconnect_id = i.id) > 1 ORDER BY c.code, i.name`,
    change: 'UPDATE interconnect_codecs SET display_order = -display_order WHERE interconnect_id = $1' },
  { kind: 'Interconnect', field: 'signalling', key: (r) => `${r.code}/${r.name}`,
    find: `SELECT i.id, c.code, i.name FROM carrier_interconnects i JOIN carriers c ON c.id = i.carrier_id
            JOIN interconnect_signalling_settings s ON s.interconnect_id = i.id ORDER BY c.code, i.name`,
    change: 'UPDATE interconnect_signalling_settings SET session_timer_interval = 4321 WHERE interconnect_id = $1' },
  { kind: 'Interconnect', field: 'ipAddresses', key: (r) => `${r.code}/${r.name}`,
    find: 'SELECT i.id, c.code, i.name FROM carrier_interconnects i JOIN carriers c ON c.id = i.carrier_id ORDER BY c.code, i.name',
    change: "INSERT INTO interconnect_ip_addresses (interconnect_id, ip_address, address_type, is_active, is_range) VALUES ($1, '203.0.113.99', 'media', true, false)" },
  { kind: 'Service', field: 'priority', key: (r) => `${r.code}/${r.name}`,
    find: 'SELECT s.id, c.code, s.name FROM carrier_services s JOIN carriers c ON c.id = s.carrier_id ORDER BY c.code, s.name',
    change: 'UPDATE carrier_services SET priority = coalesce(priority, 0) + 10 WHERE id = $1' },
  { kind: 'RatingPlan', field: 'timeZone', key: (r) => String(r.name),
    find: 'SELECT id, name FROM customer_rating_plans ORDER BY name', change: "UPDATE customer_rating_plans SET time_zone = 'America/Denver' WHERE id = $1" },
  { kind: 'RatingPlan', field: 'rates', key: (r) => String(r.name),
    find: 'SELECT p.id, p.name FROM customer_rating_plans p WHERE EXISTS (SELECT 1 FROM customer_rating_plan_rates r WHERE r.rating_plan_id = p.id) ORDER BY p.name',
    change: 'UPDATE customer_rating_plan_rates SET rate = rate + 0.5 WHERE id = (SELECT id FROM customer_rating_plan_rates WHERE rating_plan_id = $1 ORDER BY prefix, effective_date LIMIT 1)' },
  { kind: 'RatingPlan', field: 'rates', key: (r) => String(r.name),
    find: 'SELECT p.id, p.name FROM customer_rating_plans p WHERE EXISTS (SELECT 1 FROM customer_rating_plan_rates r WHERE r.rating_plan_id = p.id) ORDER BY p.name',
    change: 'DELETE FROM customer_rating_plan_rates WHERE id = (SELECT id FROM customer_rating_plan_rates WHERE rating_plan_id = $1 ORDER BY prefix DESC LIMIT 1)' },
  { kind: 'RatingPlan', field: 'rates', key: (r) => String(r.name),
    find: 'SELECT id, name FROM customer_rating_plans ORDER BY name',
    change: "INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate) VALUES ($1, '9999999', 'Added by hand', 0.25)" },
];

/** Make one out-of-band edit (the first applicable from `pick` on); returns what it touched, or null when none applies. */
async function editOutOfBand(db: Driver, pick: number, which: number): Promise<{ kind: string; key: string; field: string } | null> {
  for (let k = 0; k < EDITS.length; k++) {
    const edit = EDITS[(pick + k) % EDITS.length];
    const rows = (await db.query<Record<string, unknown>>(edit.find)).rows;
    if (rows.length === 0) continue;
    const row = rows[which % rows.length];
    await db.query(edit.change, [row.id]);
    return { kind: edit.kind, key: edit.key(row), field: edit.field };
  }
  return null;
}

// ------------------------------------------------------------ the property

/** Every object row's runtime-owned identity: id, shortcode, creation time (where the table has them). */
async function rowIdentities(db: Driver): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, cols] of [
    ['customer_categories', 'id, created_at'], ['customer_groups', 'id, created_at'], ['carriers', 'id'],
    ['carrier_interconnects', 'id, short_code'], ['carrier_services', 'id, short_code'], ['customer_rating_plans', 'id, short_code'],
  ] as const) {
    out[table] = (await db.queryArrays(`SELECT ${cols} FROM ${table} ORDER BY id`)).map((r) => r.map(String).join(' '));
  }
  return out;
}

const RUNS: Record<DatabaseKind, number> = { pglite: 40, postgres: 25 };

function changed(plan: Plan): string[] {
  return plan.changes.map((c) => `${c.action} ${c.kind} ${c.key}: ${Object.keys(c.fields).join(', ')}${c.rates ? ` rates +${c.rates.added} ~${c.rates.changed} -${c.rates.removed}` : ''}`);
}

databaseTest('random configs: apply then plan is empty; out-of-band edits are drift, and the next apply restores git', async (db, target) => {
  const root = await writeConfig({});
  await fc.assert(fc.asyncProperty(configArb, fc.nat(EDITS.length - 1), fc.nat(20), async (config, pick, which) => {
    await rm(`${root}/rates`, { recursive: true, force: true });
    await updateConfig(root, files(config));
    await applyConfig(db, root, { prune: true, force: true });
    const settled = await planConfig(db, root, { prune: true });
    assert.deepEqual(changed(settled), [], 'apply then plan is empty');
    assert.deepEqual(settled.drift, []);

    const edit = await editOutOfBand(db, pick, which);
    // A config with nothing an edit applies to says nothing about drift: fast-check draws another.
    fc.pre(edit !== null);
    await db.query(`UPDATE carriers SET customer_balance = 42.5, supplier_balance = -1.25, bilateral_balance = 7,
                      customer_24hr_spend = 0.5, supplier_24hr_spend = 3`);
    const identities = await rowIdentities(db);
    const drifted = await planConfig(db, root, { prune: true });
    const drift = drifted.drift.find((d) => d.kind === edit.kind && d.key === edit.key);
    assert.ok(drift, `the edit of ${edit.kind} ${edit.key} ${edit.field} is drift: ${JSON.stringify(drifted.drift)}`);
    assert.ok(edit.field === 'rates' ? drift.rates : drift.fields.includes(edit.field), `drift names ${edit.field}: ${JSON.stringify(drift)}`);
    const change = drifted.changes.find((c) => c.kind === edit.kind && c.key === edit.key);
    assert.ok(change && change.action === 'update', `the edit is a change: ${changed(drifted).join('; ')}`);
    assert.ok(edit.field === 'rates' ? change.rates : change.fields[edit.field], `the change restores ${edit.field}: ${changed(drifted).join('; ')}`);
    await markDrift(db, drifted.drift);
    if (edit.kind === 'RatingPlan') {
      const flag = await db.query<{ u: boolean }>('SELECT uncommitted_changes AS u FROM customer_rating_plans WHERE name = $1', [edit.key]);
      assert.equal(flag.rows[0].u, true, 'the plan has uncommitted changes');
    }

    await applyConfig(db, root, { prune: true, force: true });
    const restored = await planConfig(db, root, { prune: true });
    assert.deepEqual(changed(restored), [], 'the next apply restores git');
    assert.deepEqual(restored.drift, []);
    const flags = await db.query<{ name: string; u: boolean }>('SELECT name, uncommitted_changes AS u FROM customer_rating_plans WHERE uncommitted_changes');
    assert.deepEqual(flags.rows, [], 'no plan has uncommitted changes');
    const runtime = await db.query('SELECT DISTINCT customer_balance, supplier_balance, bilateral_balance, customer_24hr_spend, supplier_24hr_spend FROM carriers');
    assert.deepEqual(runtime.rows.map((r) => Object.values(r).map((v) => Number(v))), [[42.5, -1.25, 7, 0.5, 3]], 'balances and spend counters survive the apply');
    assert.deepEqual(await rowIdentities(db), identities, 'ids, shortcodes and creation times survive the apply');
    const wrongAssigned = await db.query(`SELECT name FROM customer_rating_plans p
      WHERE assigned IS DISTINCT FROM EXISTS (SELECT 1 FROM carrier_services s WHERE s.rating_plan_id = p.id)`);
    assert.deepEqual(wrongAssigned.rows, [], 'assigned is true exactly while a service uses the plan');
  }), { numRuns: RUNS[target.kind] });
}, { init: true, timeout: 300_000 });
