// The triggers of src/db/watchers.ts, on both databases: the fingerprints
// they keep equal a scan of the rates after any sequence of writes (COPY,
// INSERT, UPDATE, a row moved to another plan, DELETE, a plan deleted with
// its rates, TRUNCATE); a write to a column didsync reads is logged, and a
// balance update is not; replica mode does not silence them; a role with no
// grant on didsync's schema can still write DIDTron's tables.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import type { Queryable } from '../../src/drivers/driver.js';
import { rateFingerprints } from '../../src/reconcile/fingerprint.js';
import { databaseTest } from '../support/databases.js';
import { scalar } from '../support/config.js';

async function plans(db: Queryable, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await db.query<{ id: string }>('INSERT INTO customer_rating_plans (name) VALUES ($1) RETURNING id', [`P${i}`])).rows[0].id);
  }
  return ids;
}

type Op =
  | { op: 'copy'; plan: number; rows: number; seed: number }
  | { op: 'insert'; plan: number; prefix: string; rate: string }
  | { op: 'reprice'; plan: number; by: string }
  | { op: 'move'; from: number; to: number }
  | { op: 'delete'; plan: number; below: string }
  | { op: 'dropPlan'; plan: number }
  | { op: 'truncate' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('copy' as const), plan: fc.nat(2), rows: fc.integer({ min: 1, max: 40 }), seed: fc.nat(1000) }),
  fc.record({ op: fc.constant('insert' as const), plan: fc.nat(2), prefix: fc.stringMatching(/^9[0-9]{1,4}$/), rate: fc.constantFrom('0.01', '1.5', '0') }),
  fc.record({ op: fc.constant('reprice' as const), plan: fc.nat(2), by: fc.constantFrom('0.001', '-0.0005', '2') }),
  fc.record({ op: fc.constant('move' as const), from: fc.nat(2), to: fc.nat(2) }),
  fc.record({ op: fc.constant('delete' as const), plan: fc.nat(2), below: fc.constantFrom('2', '5', '9') }),
  fc.record({ op: fc.constant('dropPlan' as const), plan: fc.nat(2) }),
  fc.constant({ op: 'truncate' as const }),
);

async function run(db: Queryable, ids: string[], o: Op): Promise<void> {
  switch (o.op) {
    case 'copy': {
      const lines = Array.from({ length: o.rows }, (_, i) => `${ids[o.plan]},${o.seed}${i},"Dest, ${i % 3}",0.${i},,60,,${i % 2 ? '2026-01-01' : ''},\n`);
      await db.copyFrom('customer_rating_plan_rates', ['rating_plan_id', 'prefix', 'destination', 'rate', 'connection_fee', 'initial_interval', 'recurring_interval', 'effective_date', 'end_date'], [lines.join('')]);
      return;
    }
    case 'insert':
      await db.query('INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate) VALUES ($1, $2, $3, $4)', [ids[o.plan], o.prefix, 'X', o.rate]);
      return;
    case 'reprice':
      await db.query('UPDATE customer_rating_plan_rates SET rate = abs(rate + $2::numeric) WHERE rating_plan_id = $1', [ids[o.plan], o.by]);
      return;
    case 'move':
      await db.query('UPDATE customer_rating_plan_rates SET rating_plan_id = $2 WHERE rating_plan_id = $1', [ids[o.from], ids[o.to]]);
      return;
    case 'delete':
      await db.query('DELETE FROM customer_rating_plan_rates WHERE rating_plan_id = $1 AND prefix < $2', [ids[o.plan], o.below]);
      return;
    case 'dropPlan':
      await db.query('DELETE FROM customer_rating_plans WHERE id = $1', [ids[o.plan]]);
      ids[o.plan] = (await plans(db, 1))[0];
      return;
    case 'truncate':
      await db.query('TRUNCATE customer_rating_plan_rates');
  }
}

function ignoreDuplicate(e: { code?: string }): void {
  // A key taken already is a refused write: its transaction rolls back and
  // changes nothing, as the fingerprints must say. (A failure caught inside the
  // transaction would leave it aborted: its COMMIT rolls back, and says so.)
  if (e.code !== '23505') throw e;
}

databaseTest('the fingerprints the triggers keep equal a scan of the rates after any sequence of writes', async (db) => {
  const ids = await plans(db, 3);
  await fc.assert(fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
    await db.query('TRUNCATE customer_rating_plan_rates');
    for (const o of ops) {
      await db.transaction((tx) => run(tx, ids, o)).catch((e: { code?: string }) => ignoreDuplicate(e));
      assert.deepEqual(await rateFingerprints(db), await rateFingerprints(db, { scan: true }), `after ${JSON.stringify(o)}`);
    }
  }), {
    numRuns: 30,
    includeErrorInReport: true,
    // The same rows copied twice: the second COPY is refused and rolls back alone.
    examples: [[[{ op: 'copy', plan: 2, rows: 1, seed: 992 }, { op: 'copy', plan: 2, rows: 1, seed: 992 }]]],
  });
}, { init: true, timeout: 300_000 });

databaseTest('a write to a column didsync reads is logged; a balance or flag update, and a rolled-back write, are not', async (db) => {
  const changes = () => scalar<number>(db, 'SELECT count(*)::int FROM didsync.changes');
  const carrier = (await db.query<{ id: string }>(
    "INSERT INTO carriers (code, name, partner_type, primary_currency_id) SELECT 'ACME', 'Acme', 'customer', id FROM currencies WHERE code = 'USD' RETURNING id",
  )).rows[0].id;
  assert.equal(await changes(), 1);
  await db.query('UPDATE carriers SET customer_balance = customer_balance + 1, supplier_24hr_spend = 3 WHERE id = $1', [carrier]);
  await db.query("INSERT INTO customer_rating_plans (name) VALUES ('P')");
  const before = await changes();
  await db.query("UPDATE customer_rating_plans SET uncommitted_changes = true, assigned = true");
  assert.equal(await changes(), before, 'runtime columns are not watched');
  await db.query("UPDATE carriers SET name = 'Acme Ltd' WHERE id = $1", [carrier]);
  assert.equal(await changes(), before + 1);
  await assert.rejects(db.transaction(async (tx) => {
    await tx.query("UPDATE carriers SET name = 'Never' WHERE id = $1", [carrier]);
    throw new Error('roll back');
  }));
  assert.equal(await changes(), before + 1, 'a rolled-back write leaves no log row');
  await db.query("INSERT INTO carrier_contacts (carrier_id, name) VALUES ($1, 'NOC')", [carrier]);
  await db.query('TRUNCATE carrier_contacts');
  assert.equal(await changes(), before + 3);
  const tables = await db.query<{ table_name: string }>('SELECT table_name FROM didsync.changes ORDER BY id');
  assert.deepEqual(tables.rows.map((r) => r.table_name), ['carriers', 'customer_rating_plans', 'carriers', 'carrier_contacts', 'carrier_contacts']);
  // Replica mode (a logical replication apply, a restore) silences ordinary triggers, not these.
  await db.transaction(async (tx) => {
    await tx.query("SET LOCAL session_replication_role = 'replica'");
    await tx.query("UPDATE carriers SET name = 'Replica' WHERE id = $1", [carrier]);
  });
  assert.equal(await changes(), before + 4);
}, { init: true });

databaseTest('DIDTron\'s own role writes its tables without any grant on didsync\'s schema', async (db, target) => {
  const role = `didtron_app_${randomBytes(3).toString('hex')}`;
  await db.exec(`CREATE ROLE ${role} LOGIN; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
  try {
    const url = new URL(target.url);
    url.username = role;
    const app = await (await import('../../src/drivers/postgres.js')).openPostgres({ url: url.toString() });
    try {
      const plan = (await app.query<{ id: string }>("INSERT INTO customer_rating_plans (name) VALUES ('UK') RETURNING id")).rows[0].id;
      await app.query("INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, rate) VALUES ($1, '44', 0.01)", [plan]);
      await assert.rejects(app.query('SELECT * FROM didsync.changes'), { code: '42501' }, 'the role cannot read didsync\'s schema');
    } finally {
      await app.close();
    }
    assert.equal(await scalar(db, 'SELECT count(*)::int FROM didsync.changes'), 1);
    assert.deepEqual(await rateFingerprints(db), await rateFingerprints(db, { scan: true }));
    assert.equal((await rateFingerprints(db)).size, 1);
  } finally {
    await db.exec(`REASSIGN OWNED BY ${role} TO CURRENT_USER; DROP OWNED BY ${role}; DROP ROLE ${role}`);
  }
}, { init: true, only: 'postgres' });
