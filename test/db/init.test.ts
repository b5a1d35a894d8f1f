// db init on a blank database, run twice, on an existing DIDTron database,
// concurrently, and failing half-way; and the constraints the engine relies
// on (rate identity, cascades, no cascade between kinds).
import assert from 'node:assert/strict';
import type { Queryable } from '../../src/drivers/driver.js';
import { ENUM_TYPES, tableDefs, tableName } from '../../src/db/ddl.js';
import { initDatabase, schemaReady } from '../../src/db/init.js';
import { watchedTables } from '../../src/db/watchers.js';
import { ISO_4217 } from '../../src/db/iso4217.js';
import { databaseTest } from '../support/databases.js';
import { applyConfig, updateConfig, writeConfig } from '../support/config.js';

const SEED_TABLES = [
  'currencies', 'customers', 'carriers', 'carrier_interconnects', 'carrier_services', 'carrier_contacts',
  'carrier_credit_alerts', 'customer_rating_plans', 'interconnect_ip_addresses', 'interconnect_validation_settings',
  'interconnect_translation_settings', 'interconnect_codecs', 'interconnect_media_settings',
  'interconnect_signalling_settings', 'customer_categories', 'customer_groups', 'users', 'carrier_assignments',
  'customer_rating_plan_rates',
];
const DIDSYNC_TABLES = ['didsync.meta', 'didsync.managed', 'didsync.applied_decks', 'didsync.applied_deck_edits', 'didsync.applied_files', 'didsync.rate_prints', 'didsync.changes', 'didsync.runs'];

async function count(db: Queryable, sql: string, params: unknown[] = []): Promise<number> {
  return Number(Object.values((await db.query(sql, params)).rows[0])[0]);
}

async function tablesIn(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT CASE WHEN table_schema = 'didsync' THEN 'didsync.' || table_name ELSE table_name END AS name
       FROM information_schema.tables WHERE table_schema IN (current_schema(), 'didsync') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** What a DIDTron database may look like before didsync: a few of the seed's tables, with rows. */
async function createSomeDidtronTables(db: Queryable): Promise<void> {
  await db.exec(`
    CREATE TYPE route_status AS ENUM ('active', 'paused', 'disabled', 'testing');
    CREATE TABLE currencies (id varchar PRIMARY KEY, code text UNIQUE, name text);
    INSERT INTO currencies VALUES ('cur-1', 'USD', 'Dollar as DIDTron wrote it');
    CREATE TABLE carriers (id varchar PRIMARY KEY, code text UNIQUE, name text, status route_status, legacy_note text);
    INSERT INTO carriers VALUES ('car-1', 'ACME', 'Acme', 'paused', 'keep me');
  `);
}

databaseTest('init on an empty database creates every type and table, and reports each', async (db) => {
  assert.equal(await schemaReady(db), false);
  const { created, fresh } = await initDatabase(db);
  assert.equal(fresh, true);
  for (const e of ENUM_TYPES) assert.ok(created.includes(`type ${e.name}`), e.name);
  for (const t of [...SEED_TABLES, ...DIDSYNC_TABLES]) assert.ok(created.includes(`table ${t}`), t);
  assert.ok(created.includes('schema didsync'));
  assert.deepEqual(await tablesIn(db), [...SEED_TABLES, ...DIDSYNC_TABLES].sort());
  assert.deepEqual(await tablesIn(db), tableDefs().map(tableName).sort());
  assert.equal(await schemaReady(db), true);
  assert.equal(await count(db, "SELECT count(*) FROM didsync.meta WHERE key = 'schema_version' AND value = '3'"), 1);
  assert.ok(created.includes(`change triggers on ${watchedTables().length} table(s)`), created.join(', '));
  assert.ok(created.includes('rate fingerprint triggers on customer_rating_plan_rates'));
});

databaseTest('init run again creates nothing', async (db) => {
  assert.ok((await initDatabase(db)).created.length > 0);
  assert.deepEqual(await initDatabase(db), { created: [], fresh: false });

  // A table a later version adds is made for a database an earlier one made, which is not fresh.
  await db.exec('DROP TABLE didsync.applied_deck_edits');
  assert.equal(await schemaReady(db), false);
  assert.deepEqual(await initDatabase(db), { created: ['table didsync.applied_deck_edits'], fresh: false });
  assert.equal(await schemaReady(db), true);
  assert.equal(await count(db, 'SELECT count(*) FROM currencies'), ISO_4217.size);
});

databaseTest('currencies are filled with ISO 4217 once', async (db) => {
  const { created } = await initDatabase(db);
  assert.ok(created.includes(`${ISO_4217.size} currencies (ISO 4217)`), created.join(', '));
  const { rows } = await db.query<{ code: string; name: string }>('SELECT code, name FROM currencies ORDER BY code');
  assert.deepEqual(rows.map((r) => [r.code, r.name]), [...ISO_4217].sort(([a], [b]) => (a < b ? -1 : 1)));
  await db.query("DELETE FROM currencies WHERE code <> 'EUR'");
  assert.deepEqual(await initDatabase(db), { created: [], fresh: false });
  assert.equal(await count(db, 'SELECT count(*) FROM currencies'), 1);
});

databaseTest('on an existing DIDTron database init adds only what is missing and keeps every row', async (db) => {
  await createSomeDidtronTables(db);
  assert.equal(await schemaReady(db), false);
  const { created, fresh } = await initDatabase(db);
  assert.equal(fresh, true, 'didsync is new to this database, whatever DIDTron had');
  for (const kept of ['type route_status', 'table currencies', 'table carriers']) assert.ok(!created.includes(kept), kept);
  assert.ok(!created.some((c) => c.includes('currencies (ISO 4217)')), 'a currencies table with rows is not refilled');
  for (const added of ['type credit_type', 'table customer_rating_plan_rates', 'table carrier_interconnects', 'schema didsync', 'table didsync.runs']) {
    assert.ok(created.includes(added), added);
  }
  assert.deepEqual((await db.query('SELECT * FROM carriers')).rows, [
    { id: 'car-1', code: 'ACME', name: 'Acme', status: 'paused', legacy_note: 'keep me' },
  ]);
  assert.deepEqual((await db.query('SELECT * FROM currencies')).rows, [{ id: 'cur-1', code: 'USD', name: 'Dollar as DIDTron wrote it' }]);
  // The new tables reference the existing ones.
  await db.query("INSERT INTO carrier_interconnects (carrier_id, name) VALUES ('car-1', 'lon-1')");
  await assert.rejects(db.query("INSERT INTO carrier_interconnects (carrier_id, name) VALUES ('nope', 'x')"), { code: '23503' });
  assert.equal(await schemaReady(db), true);
  assert.deepEqual(await initDatabase(db), { created: [], fresh: false });
});

databaseTest('a failing init leaves the database as it was', async (db) => {
  // An empty currencies table whose extra NOT NULL column the ISO fill cannot satisfy.
  await db.exec('CREATE TABLE currencies (id varchar PRIMARY KEY DEFAULT gen_random_uuid()::text, code text, name text, symbol text NOT NULL)');
  await assert.rejects(initDatabase(db));
  assert.deepEqual(await tablesIn(db), ['currencies']);
  assert.equal(await count(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'didsync'"), 0);
  assert.equal(await count(db, "SELECT count(*) FROM pg_type WHERE typname = 'route_status'"), 0);
});

databaseTest('two inits at once: one creates, the other waits and finds everything there', async (db, target) => {
  const other = await target.connect();
  const [a, b] = await Promise.all([initDatabase(db), initDatabase(other)]);
  const all = [...a.created, ...b.created];
  assert.equal(new Set(all).size, all.length, 'nothing created twice');
  assert.ok(a.created.length === 0 || b.created.length === 0);
  assert.equal(await schemaReady(db), true);
}, { only: 'postgres' });

databaseTest('a rate is unique per plan, prefix and effective date, NULL date included', async (db) => {
  await initDatabase(db);
  const plan = (await db.query<{ id: string }>("INSERT INTO customer_rating_plans (name) VALUES ('UK') RETURNING id")).rows[0].id;
  const other = (await db.query<{ id: string }>("INSERT INTO customer_rating_plans (name) VALUES ('FR') RETURNING id")).rows[0].id;
  for (const table of ['customer_rating_plan_rates']) {
    const add = (planId: string, date: string | null) =>
      db.query(`INSERT INTO ${table} (rating_plan_id, prefix, rate, effective_date) VALUES ($1, '44', 0.01, $2)`, [planId, date]);
    await add(plan, null);
    await assert.rejects(add(plan, null), { code: '23505' }, table);
    await add(plan, '2025-01-01');
    await assert.rejects(add(plan, '2025-01-01'), { code: '23505' }, table);
    await add(other, null);
    assert.equal(await count(db, `SELECT count(*) FROM ${table}`), 3);
  }
  await assert.rejects(db.query("INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, rate) VALUES ($1, '4', 1234567.1)", [plan]), { code: '22003' });
  await assert.rejects(db.query("INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix) VALUES ($1, '4')", [plan]), { code: '23502' });
});

databaseTest('deleting a plan takes its rates; deleting a carrier takes its own parts but never another kind', async (db) => {
  await initDatabase(db);
  const plan = (await db.query<{ id: string }>("INSERT INTO customer_rating_plans (name) VALUES ('UK') RETURNING id")).rows[0].id;
  await db.query("INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, rate) VALUES ($1, '44', 0.01), ($1, '33', 0.02)", [plan]);
  await db.query('DELETE FROM customer_rating_plans WHERE id = $1', [plan]);
  assert.equal(await count(db, 'SELECT count(*) FROM customer_rating_plan_rates'), 0);

  const carrier = (await db.query<{ id: string }>("INSERT INTO carriers (code, name) VALUES ('ACME', 'Acme') RETURNING id")).rows[0].id;
  await db.query("INSERT INTO carrier_contacts (carrier_id, name) VALUES ($1, 'NOC')", [carrier]);
  await db.query("INSERT INTO carrier_assignments (carrier_id, assignment_type) VALUES ($1, 'all')", [carrier]);
  await assert.rejects(db.query("INSERT INTO carrier_assignments (carrier_id, assignment_type) VALUES ($1, 'all')", [carrier]), { code: '23505' });
  const ic = (await db.query<{ id: string }>("INSERT INTO carrier_interconnects (carrier_id, name) VALUES ($1, 'lon-1') RETURNING id", [carrier])).rows[0].id;
  await assert.rejects(db.query("INSERT INTO carrier_interconnects (carrier_id, name) VALUES ($1, 'lon-1')", [carrier]), { code: '23505' });
  await db.query("INSERT INTO interconnect_codecs (interconnect_id, codec_name, display_order) VALUES ($1, 'PCMA', 0)", [ic]);

  // An interconnect is another kind: deleting its carrier is refused rather than taking it along.
  await assert.rejects(db.query('DELETE FROM carriers WHERE id = $1', [carrier]), { code: '23503' });
  await db.query('DELETE FROM carrier_interconnects WHERE id = $1', [ic]);
  assert.equal(await count(db, 'SELECT count(*) FROM interconnect_codecs'), 0);
  await db.query('DELETE FROM carriers WHERE id = $1', [carrier]);
  assert.equal(await count(db, 'SELECT count(*) FROM carrier_contacts'), 0);
  assert.equal(await count(db, 'SELECT count(*) FROM carrier_assignments'), 0);
});

databaseTest("didsync's bookkeeping tables take what the engine writes", async (db) => {
  await initDatabase(db);
  const run = (await db.query<{ id: string }>(
    "INSERT INTO didsync.runs (trigger, command, status, host, pid) VALUES ('cli', 'apply', 'running', 'h', 1) RETURNING id",
  )).rows[0].id;
  await db.query(
    `INSERT INTO didsync.managed (kind, key, row_id, applied, applied_run, applied_at) VALUES ('Carrier', 'ACME', 'r1', '{"code":"ACME"}'::jsonb, $1, now())`,
    [run],
  );
  await assert.rejects(db.query(`INSERT INTO didsync.managed (kind, key, row_id, applied) VALUES ('Carrier', 'ACME', 'r2', '{}')`), { code: '23505' });
  await assert.rejects(db.query(`INSERT INTO didsync.managed (kind, key, row_id, applied) VALUES ('Carrier', 'OTHER', 'r1', '{}')`), { code: '23505' });
  await db.query(`INSERT INTO didsync.managed (kind, key, row_id, applied) VALUES ('RatingPlan', 'ACME', 'r1', '{}')`);
  const { rows } = await db.query('SELECT started_at IS NOT NULL AS started, finished_at FROM didsync.runs WHERE id = $1', [run]);
  assert.deepEqual(rows, [{ started: true, finished_at: null }]);
});

databaseTest('a run keeps its plan as json; a database whose runs.plan is still jsonb records plans the same', async (db) => {
  await initDatabase(db);
  const type = () => scalarOf(db, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = 'didsync.runs'::regclass AND attname = 'plan'");
  assert.equal(await type(), 'json', 'a plan is read back whole, never queried into: no jsonb conversion of megabytes');
  const root = await writeConfig({ 'carrier.yaml': 'kind: Carrier\ncode: ACME\nname: Acme Telecom Ltd\npartnerType: bilateral\nprimaryCurrency: USD\n' });
  await applyConfig(db, root);
  await db.exec('ALTER TABLE didsync.runs ALTER COLUMN plan TYPE jsonb USING plan::jsonb');
  assert.equal(await type(), 'jsonb');
  await updateConfig(root, { 'carrier.yaml': 'kind: Carrier\ncode: ACME\nname: Acme Telecom plc\npartnerType: bilateral\nprimaryCurrency: USD\n' });
  await applyConfig(db, root);
  const plans = (await db.query<{ plan: { changes: Array<{ kind: string; action: string }> } }>('SELECT plan FROM didsync.runs ORDER BY id')).rows;
  assert.deepEqual(plans.map((r) => r.plan.changes.map((c) => `${c.kind} ${c.action}`)), [['Carrier create'], ['Carrier update']]);
});

async function scalarOf(db: Queryable, sql: string): Promise<unknown> {
  return Object.values((await db.query(sql)).rows[0] ?? {})[0];
}
