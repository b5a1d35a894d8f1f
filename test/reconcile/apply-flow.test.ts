// The engine end to end on real databases: apply a config, then plan is
// empty; edits become field changes; nested rows keep their ids; runtime
// columns survive; shortcodes are assigned once; runs are recorded.

import assert from 'node:assert/strict';
import { databaseTest } from '../support/databases.js';
import { applyConfig, copyExamples, MINIMAL, planConfig, scalar, updateConfig, writeConfig } from '../support/config.js';

databaseTest('the examples apply, and a second plan is empty', async (db) => {
  const root = await copyExamples();
  const first = await applyConfig(db, root);
  assert.ok(first.summary.create > 20, `created ${first.summary.create}`);
  assert.equal(first.summary.update + first.summary.delete + first.summary.adopt, 0);
  const again = await planConfig(db, root);
  assert.deepEqual(again.changes, []);
  assert.deepEqual(again.drift, []);
  assert.equal(await scalar(db, 'SELECT count(*)::int FROM carriers'), 7);
  const rates = await scalar<number>(db, 'SELECT count(*)::int FROM customer_rating_plan_rates');
  assert.ok(rates > 7000, `rates ${rates}`);
  // One applied deck per plan, and the fingerprints the triggers keep count every rate.
  assert.equal(await scalar(db, 'SELECT count(*)::int FROM didsync.applied_decks'), await scalar(db, 'SELECT count(*)::int FROM customer_rating_plans'));
  assert.equal(await scalar(db, 'SELECT sum(n)::int FROM didsync.rate_prints'), rates);
  assert.equal(await scalar(db, "SELECT status FROM didsync.runs ORDER BY id DESC LIMIT 1"), 'applied');
}, { init: true });

databaseTest('a field edit is one update with from and to, and nested rows keep their ids', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  const contactIds = await db.query<{ name: string; id: string }>('SELECT name, id FROM carrier_contacts ORDER BY name');
  const codecIds = await db.query<{ codec_name: string; id: string; display_order: number }>('SELECT codec_name, id, display_order FROM interconnect_codecs ORDER BY display_order');
  assert.deepEqual(codecIds.rows.map((r) => r.codec_name), ['PCMA', 'G729']);

  const edited = MINIMAL['config.yaml']
    .replace('capacityLimit: 120', 'capacityLimit: 150')
    .replace('email: billing@acme.example', 'email: invoices@acme.example')
    .replace(/  - \{ codecName: PCMA, allowed: true, ptime: 20 \}\n  - \{ codecName: G729, allowed: true, ptime: 20 \}/,
      '  - { codecName: G729, allowed: true, ptime: 20 }\n  - { codecName: PCMA, allowed: true, ptime: 20 }');
  await updateConfig(root, { 'config.yaml': edited });
  const plan = await planConfig(db, root);
  assert.deepEqual(plan.changes.map((c) => [c.action, c.kind, c.key]).sort(), [['update', 'Carrier', 'ACME'], ['update', 'Interconnect', 'ACME/lon-1']]);
  const carrier = plan.changes.find((c) => c.kind === 'Carrier')!;
  assert.deepEqual(carrier.fields.capacityLimit, { from: 120, to: 150 });
  assert.ok(carrier.fields.contacts, 'contacts change is a field of the carrier');
  assert.ok(plan.changes.find((c) => c.kind === 'Interconnect')!.fields.codecs);

  await applyConfig(db, root);
  assert.equal(await scalar(db, "SELECT capacity_limit FROM carriers WHERE code = 'ACME'"), 150);
  const contactsAfter = await db.query<{ name: string; id: string; email: string }>('SELECT name, id, email FROM carrier_contacts ORDER BY name');
  assert.deepEqual(contactsAfter.rows.map((r) => [r.name, r.id]), contactIds.rows.map((r) => [r.name, r.id]));
  assert.equal(contactsAfter.rows.find((r) => r.name === 'Billing')!.email, 'invoices@acme.example');
  const codecsAfter = await db.query<{ codec_name: string; id: string }>('SELECT codec_name, id FROM interconnect_codecs ORDER BY display_order');
  assert.deepEqual(codecsAfter.rows.map((r) => r.codec_name), ['G729', 'PCMA']);
  const idOf = new Map(codecIds.rows.map((r) => [r.codec_name, r.id]));
  for (const r of codecsAfter.rows) assert.equal(r.id, idOf.get(r.codec_name), `codec ${r.codec_name} kept its id`);
  assert.deepEqual((await planConfig(db, root)).changes, []);
}, { init: true });

databaseTest('runtime-owned columns are never written and never show as changes', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  await db.query("UPDATE carriers SET customer_balance = 123.4500, customer_24hr_spend = 9 WHERE code = 'ACME'");
  assert.deepEqual((await planConfig(db, root)).changes, []);
  await updateConfig(root, { 'config.yaml': MINIMAL['config.yaml'].replace('name: Acme Telecom Ltd', 'name: Acme Telecom plc') });
  await applyConfig(db, root);
  const { rows } = await db.query("SELECT name, customer_balance, customer_24hr_spend FROM carriers WHERE code = 'ACME'");
  assert.deepEqual(rows[0], { name: 'Acme Telecom plc', customer_balance: '123.4500', customer_24hr_spend: '9.0000' });
}, { init: true });

databaseTest('shortcodes are the next free number and never renumbered', async (db) => {
  await db.query("INSERT INTO carriers (name, code, partner_type) VALUES ('Other', 'OTHER', 'supplier')");
  await db.query(`INSERT INTO carrier_interconnects (carrier_id, name, short_code) SELECT id, 'x', 'I7' FROM carriers WHERE code = 'OTHER'`);
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  assert.equal(await scalar(db, "SELECT short_code FROM carrier_interconnects WHERE name = 'lon-1'"), 'I8');
  assert.equal(await scalar(db, "SELECT short_code FROM carrier_services WHERE name = 'uk-termination'"), 'S1');
  assert.equal(await scalar(db, "SELECT short_code FROM customer_rating_plans WHERE name = 'UK Wholesale'"), 'P1');
  await updateConfig(root, {
    'more.yaml': 'kind: Interconnect\ncarrier: ACME\nname: lon-2\ndirection: egress\n',
    'config.yaml': MINIMAL['config.yaml'].replace('protocol: SIP', 'protocol: SIP\ntechPrefix: "99"'),
  });
  await applyConfig(db, root);
  assert.equal(await scalar(db, "SELECT short_code FROM carrier_interconnects WHERE name = 'lon-1'"), 'I8');
  assert.equal(await scalar(db, "SELECT short_code FROM carrier_interconnects WHERE name = 'lon-2'"), 'I9');
}, { init: true });

databaseTest('assigned is true exactly while a service uses the plan', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  assert.equal(await scalar(db, "SELECT assigned FROM customer_rating_plans WHERE name = 'UK Wholesale'"), true);
  await updateConfig(root, {
    'config.yaml': MINIMAL['config.yaml'].replace('ratingPlan: UK Wholesale', 'ratingPlan: Spare'),
    'spare.yaml': 'kind: RatingPlan\nname: Spare\ncurrency: GBP\nrates:\n  - { prefix: "44", destination: UK, rate: "0.02" }\n',
  });
  await applyConfig(db, root);
  assert.equal(await scalar(db, "SELECT assigned FROM customer_rating_plans WHERE name = 'UK Wholesale'"), false);
  assert.equal(await scalar(db, "SELECT assigned FROM customer_rating_plans WHERE name = 'Spare'"), true);
}, { init: true });

databaseTest('rates: one changed, one added, one removed is written as exactly that', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  const before = await db.query<{ prefix: string; id: string }>('SELECT prefix, id FROM customer_rating_plan_rates ORDER BY prefix');
  await updateConfig(root, {
    'rates/uk-wholesale.csv': `prefix,destination,rate,connectionFee,effectiveDate
44,United Kingdom,0.0100,0,2025-01-01
4420,London,0.0070,,2025-01-01
4479,UK Mobile Other,0.0200,,
`,
  });
  const plan = await planConfig(db, root);
  assert.equal(plan.changes.length, 1);
  assert.deepEqual({ ...plan.changes[0].rates, samples: undefined }, { added: 1, changed: 1, removed: 1, samples: undefined });
  await applyConfig(db, root);
  const { rows } = await db.query<{ prefix: string; rate: string; id: string }>('SELECT prefix, rate, id FROM customer_rating_plan_rates ORDER BY prefix');
  assert.deepEqual(rows.map((r) => [r.prefix, r.rate]), [['44', '0.010000'], ['4420', '0.007000'], ['4479', '0.020000']]);
  assert.equal(rows[0].id, before.rows[0].id, 'an unchanged rate row is not rewritten');
  assert.deepEqual((await planConfig(db, root)).changes, []);
}, { init: true });

databaseTest('rates of several plans changed in one apply: each plan gets exactly its own rows, and no other plan\'s row with the same key is touched', async (db) => {
  const deck = (rate: string, extra: string) => `prefix,destination,rate,connectionFee,effectiveDate\n44,United Kingdom,${rate},0,2025-01-01\n447,UK Mobile,0.0300,,\n${extra}`;
  const root = await writeConfig({
    ...MINIMAL,
    'rates/uk-wholesale.csv': deck('0.0100', '4420,London,0.0070,,\n'),
    'spare.yaml': 'kind: RatingPlan\nname: Spare\ncurrency: GBP\nratesFile: rates/spare.csv\n',
    'rates/spare.csv': deck('0.0100', '4420,London,0.0070,,\n'),
  });
  await applyConfig(db, root);
  const rows = async () => (await db.query<{ name: string; prefix: string; rate: string; d: string | null }>(
    `SELECT p.name, r.prefix, r.rate::text AS rate, r.effective_date::text AS d FROM customer_rating_plan_rates r
       JOIN customer_rating_plans p ON p.id = r.rating_plan_id ORDER BY p.name, r.prefix`)).rows.map((r) => `${r.name} ${r.prefix} ${r.rate} ${r.d ?? ''}`);
  const untouched = (await db.query<{ id: string }>(`SELECT r.id FROM customer_rating_plan_rates r JOIN customer_rating_plans p ON p.id = r.rating_plan_id
    WHERE p.name = 'UK Wholesale' AND r.prefix = '4420'`)).rows[0].id;
  // The same keys change in both plans, differently: a write keyed without the plan would mix them up.
  await updateConfig(root, {
    'rates/uk-wholesale.csv': deck('0.0090', '4420,London,0.0070,,\n4479,UK Mobile Other,0.0200,,\n'),
    'rates/spare.csv': deck('0.0060', ''),
  });
  await applyConfig(db, root);
  assert.deepEqual(await rows(), [
    'Spare 44 0.006000 2025-01-01', 'Spare 447 0.030000 ',
    'UK Wholesale 44 0.009000 2025-01-01', 'UK Wholesale 4420 0.007000 ', 'UK Wholesale 447 0.030000 ', 'UK Wholesale 4479 0.020000 ',
  ]);
  const still = (await db.query<{ id: string }>(`SELECT r.id FROM customer_rating_plan_rates r JOIN customer_rating_plans p ON p.id = r.rating_plan_id
    WHERE p.name = 'UK Wholesale' AND r.prefix = '4420'`)).rows[0].id;
  assert.equal(still, untouched, 'a row only the other plan removed stays as it was');
  assert.deepEqual((await planConfig(db, root, { })).changes, []);
}, { init: true });

databaseTest('an ordered list keeps its stored numbering when only the order is config', async (db) => {
  await db.query("INSERT INTO carriers (name, code, partner_type) VALUES ('Acme Telecom Ltd', 'ACME', 'bilateral')");
  await db.query("INSERT INTO carrier_interconnects (carrier_id, name, direction, short_code) SELECT id, 'lon-1', 'both', 'I1' FROM carriers");
  await db.query(`INSERT INTO interconnect_codecs (interconnect_id, codec_name, allowed, ptime, display_order)
                  SELECT id, c.name, true, 20, c.ord FROM carrier_interconnects, (VALUES ('PCMA', 1), ('G729', 2)) AS c(name, ord)`);
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  const codecs = () => db.query<{ codec_name: string; display_order: number }>('SELECT codec_name, display_order FROM interconnect_codecs ORDER BY display_order');
  assert.deepEqual((await codecs()).rows, [{ codec_name: 'PCMA', display_order: 1 }, { codec_name: 'G729', display_order: 2 }], 'adoption keeps the numbering');
  await updateConfig(root, {
    'config.yaml': MINIMAL['config.yaml'].replace(/  - \{ codecName: PCMA, allowed: true, ptime: 20 \}\n  - \{ codecName: G729, allowed: true, ptime: 20 \}/,
      '  - { codecName: G729, allowed: true, ptime: 20 }\n  - { codecName: PCMA, allowed: true, ptime: 20 }\n  - { codecName: G722, allowed: true, ptime: 20 }'),
  });
  await applyConfig(db, root);
  assert.deepEqual((await codecs()).rows, [
    { codec_name: 'G729', display_order: 1 }, { codec_name: 'PCMA', display_order: 2 }, { codec_name: 'G722', display_order: 3 },
  ], 'a new order is numbered from where the list started');
  assert.deepEqual((await planConfig(db, root)).changes, []);
}, { init: true });
