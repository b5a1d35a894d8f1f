// A rating plan renamed and re-rated in the database, outside git: the
// plan compares the row with its own rates, and once git follows the
// database (the export workflow, CONTRACT §5) one apply leaves no drift and
// no uncommitted changes behind.

import assert from 'node:assert/strict';
import { databaseTest } from '../support/databases.js';
import { applyConfig, MINIMAL, planConfig, scalar, updateConfig, writeConfig } from '../support/config.js';
import { readStatus } from '../../src/reconcile/status.js';

const RENAMED = MINIMAL['config.yaml'].replace(/UK Wholesale/g, 'UK Trade');

databaseTest('a plan renamed and re-rated out of band, then committed to git as it is, is clean after one apply', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  await db.query("UPDATE customer_rating_plans SET name = 'UK Trade'");
  await db.query("UPDATE customer_rating_plan_rates SET rate = 0.5 WHERE prefix = '447'");
  assert.equal((await readStatus(db)).plans[0].uncommittedChanges, true);

  await updateConfig(root, {
    'config.yaml': RENAMED,
    'rates/uk-wholesale.csv': MINIMAL['rates/uk-wholesale.csv'].replace('447,UK Mobile,0.0300', '447,UK Mobile,0.5'),
  });
  const plan = await planConfig(db, root);
  assert.deepEqual(plan.changes, [], 'the database already equals git');
  // the service's reference followed the rename in the database too
  assert.deepEqual(plan.refresh.map((r) => r.key), ['UK Trade', 'ACME/uk-termination']);
  await applyConfig(db, root);

  const again = await planConfig(db, root);
  assert.deepEqual([again.changes, again.drift], [[], []]);
  const status = await readStatus(db);
  assert.deepEqual(status.plans.map((p) => [p.name, p.uncommittedChanges, p.changes]), [['UK Trade', false, []]]);
}, { init: true });

databaseTest('a plan renamed and re-rated out of band is restored by apply, rates included', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  await db.query("UPDATE customer_rating_plans SET name = 'UK Trade'");
  await db.query(`INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate)
                  SELECT id, '33', 'France', 0.2 FROM customer_rating_plans`);

  const plan = await planConfig(db, root);
  const planChange = plan.changes.find((c) => c.kind === 'RatingPlan')!;
  assert.deepEqual([planChange.action, planChange.fields, planChange.rates?.removed], ['update', { name: { from: 'UK Trade', to: 'UK Wholesale' } }, 1]);
  assert.deepEqual(plan.changes.find((c) => c.kind === 'Service')?.fields, { ratingPlan: { from: 'UK Trade', to: 'UK Wholesale' } });
  await applyConfig(db, root);
  assert.deepEqual((await db.query('SELECT prefix FROM customer_rating_plan_rates ORDER BY prefix')).rows.map((r) => r.prefix), ['44', '4420', '447']);
  const again = await planConfig(db, root);
  assert.deepEqual([again.changes, again.drift], [[], []]);
  assert.equal(await scalar(db, 'SELECT uncommitted_changes FROM customer_rating_plans'), false);
}, { init: true });

databaseTest('a carrier renamed out of band to a new carrier\'s code: apply restores it and creates the new one', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  const id = await scalar<string>(db, "SELECT id FROM carriers WHERE code = 'ACME'");
  await db.query("UPDATE carriers SET code = 'GLOBEX' WHERE code = 'ACME'");
  await updateConfig(root, { 'globex.yaml': 'kind: Carrier\ncode: GLOBEX\nname: Globex\npartnerType: supplier\nprimaryCurrency: EUR\n' });
  const plan = await planConfig(db, root);
  assert.deepEqual(plan.changes.filter((c) => c.kind === 'Carrier').map((c) => [c.action, c.key, c.fields.code]),
    [['update', 'ACME', { from: 'GLOBEX', to: 'ACME' }], ['create', 'GLOBEX', { from: null, to: 'GLOBEX' }]]);
  await applyConfig(db, root);
  assert.equal(await scalar(db, "SELECT id FROM carriers WHERE code = 'ACME'"), id, 'the managed row keeps its id');
  assert.equal(await scalar(db, "SELECT name FROM carriers WHERE code = 'GLOBEX'"), 'Globex');
  assert.deepEqual((await planConfig(db, root)).changes, []);
}, { init: true });
