// What the database holds that git does not (CONTRACT §5), adoption of
// unmanaged rows, prune, the safety guards and stale saved plans.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { databaseTest } from '../support/databases.js';
import { applyConfig, MINIMAL, planConfig, scalar, updateConfig, writeConfig } from '../support/config.js';
import { markDrift } from '../../src/reconcile/drift.js';
import { readStatus } from '../../src/reconcile/status.js';
import { applyPlan } from '../../src/reconcile/engine.js';
import { UserError } from '../../src/report/errors.js';
import { readRatesOfPrefixes } from '../../src/reconcile/live.js';
import { planFileText, readPlanFile } from '../../src/reconcile/plan-file.js';
import type { Driver, Queryable } from '../../src/drivers/driver.js';

const run = { trigger: 'cli' as const, command: 'apply' };

/** The minimal config's UK deck with London's rate raised from 0.0080 to 0.0090 on `date`. */
function londonRaisedFrom(date: string): string {
  return `prefix,destination,rate,connectionFee,effectiveDate
44,United Kingdom,0.0100,0,2025-01-01
4420,London,0.0080,,2025-01-01
4420,London,0.0090,,${date}
447,UK Mobile,0.0300,0.01,
`;
}

databaseTest('an out-of-band rate edit marks the plan uncommitted until an apply restores git', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  await db.query("UPDATE customer_rating_plan_rates SET rate = 0.5 WHERE prefix = '447'");

  const plan = await planConfig(db, root);
  assert.deepEqual(plan.drift.map((d) => [d.kind, d.key]), [['RatingPlan', 'UK Wholesale']]);
  assert.equal(plan.changes.length, 1);
  assert.equal(plan.changes[0].rates?.changed, 1);
  assert.equal(await scalar(db, 'SELECT uncommitted_changes FROM customer_rating_plans'), false, 'plan itself does not write');
  await markDrift(db, plan.drift);
  assert.equal(await scalar(db, 'SELECT uncommitted_changes FROM customer_rating_plans'), true);

  const status = await readStatus(db);
  assert.equal(status.plans.length, 1);
  assert.equal(status.plans[0].uncommittedChanges, true);
  assert.ok(status.plans[0].changes.some((c) => c.startsWith('rates')), status.plans[0].changes.join());

  await applyConfig(db, root);
  assert.equal(await scalar(db, 'SELECT uncommitted_changes FROM customer_rating_plans'), false);
  assert.equal(await scalar(db, "SELECT rate FROM customer_rating_plan_rates WHERE prefix = '447'"), '0.030000');
  const after = await readStatus(db);
  assert.equal(after.plans[0].uncommittedChanges, false);
  assert.deepEqual(after.drift, []);
}, { init: true });

databaseTest('an out-of-band edit of a plan row is drift too, and status clears once git is restored', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  await db.query("UPDATE customer_rating_plans SET time_zone = 'UTC'");
  let status = await readStatus(db);
  assert.equal(status.plans[0].uncommittedChanges, true);
  assert.ok(status.plans[0].changes.includes('timeZone'), status.plans[0].changes.join());
  await db.query("UPDATE customer_rating_plans SET time_zone = 'Europe/London'");
  status = await readStatus(db);
  assert.equal(status.plans[0].uncommittedChanges, false, 'equal to the last apply again: no uncommitted changes');
}, { init: true });

databaseTest('a jsonb key named __proto__ added in the database is drift like any other key', async (db) => {
  const signalling = 'signalling: { sessionTimerEnabled: true, sessionTimerInterval: 1800, 100relEnabled: false }';
  assert.ok(MINIMAL['config.yaml'].includes(signalling));
  const root = await writeConfig({
    ...MINIMAL,
    'config.yaml': MINIMAL['config.yaml'].replace(signalling, `${signalling.slice(0, -2)}, releaseCauseMapping: { "486": 17 } }`),
  });
  await applyConfig(db, root);
  assert.equal((await planConfig(db, root)).changes.length, 0);
  await db.query(`UPDATE interconnect_signalling_settings SET release_cause_mapping = '{"486": 17, "__proto__": 21}'::jsonb`);
  const plan = await planConfig(db, root);
  assert.deepEqual(plan.changes.map((c) => [c.action, c.kind, c.key]), [['update', 'Interconnect', 'ACME/lon-1']]);
  await applyConfig(db, root);
  assert.deepEqual(await scalar(db, 'SELECT release_cause_mapping FROM interconnect_signalling_settings'), { 486: 17 });
}, { init: true });

databaseTest('a YAML object matching an unmanaged row adopts it; unmanaged rows are never deleted', async (db) => {
  await db.query(`INSERT INTO carriers (name, code, partner_type, capacity_mode, capacity_limit, customer_balance)
                  VALUES ('Acme Telecom Ltd', 'ACME', 'bilateral', 'capped', 100, 55)`);
  await db.query("INSERT INTO carriers (name, code, partner_type) VALUES ('Stranger', 'STRANGER', 'supplier')");
  const id = await scalar<string>(db, "SELECT id FROM carriers WHERE code = 'ACME'");
  const root = await writeConfig(MINIMAL);
  const plan = await planConfig(db, root, { prune: true });
  const acme = plan.changes.find((c) => c.kind === 'Carrier')!;
  assert.equal(acme.action, 'adopt');
  assert.deepEqual(acme.fields.capacityLimit, { from: 100, to: 120 });
  assert.ok(!plan.changes.some((c) => c.key === 'STRANGER'));
  await applyConfig(db, root, { prune: true });
  assert.equal(await scalar(db, "SELECT id FROM carriers WHERE code = 'ACME'"), id, 'adopted in place');
  assert.equal(await scalar(db, "SELECT customer_balance FROM carriers WHERE code = 'ACME'"), '55.0000');
  assert.equal(await scalar(db, "SELECT count(*)::int FROM carriers WHERE code = 'STRANGER'"), 1);
  assert.equal(await scalar(db, "SELECT count(*)::int FROM didsync.managed WHERE kind = 'Carrier'"), 1);
}, { init: true });

const SECOND_CARRIER = `kind: Carrier
code: GLOBEX
name: Globex
partnerType: supplier
primaryCurrency: EUR
`;

databaseTest('deletes need --prune, and a mass delete is refused by a guard unless forced', async (db) => {
  const root = await writeConfig({ ...MINIMAL, 'globex.yaml': SECOND_CARRIER });
  await applyConfig(db, root);
  await updateConfig(root, { 'globex.yaml': null });
  const withoutPrune = await planConfig(db, root);
  assert.deepEqual(withoutPrune.changes, []);
  assert.deepEqual(withoutPrune.orphans.map((o) => o.key), ['GLOBEX']);

  const pruned = await planConfig(db, root, { prune: true });
  assert.deepEqual(pruned.changes.map((c) => [c.action, c.key]), [['delete', 'GLOBEX']]);
  assert.deepEqual(pruned.guards.map((g) => g.guard), ['mass-delete'], '1 of 2 carriers is 50%');
  assert.deepEqual(pruned.guards[0].objects, ['Carrier GLOBEX']);
  await assert.rejects(applyPlan(db, pruned, { force: false, lockTimeoutSeconds: 5, run }), (e: Error) => e instanceof UserError && /GLOBEX/.test(e.message));
  assert.equal(await scalar(db, "SELECT count(*)::int FROM carriers WHERE code = 'GLOBEX'"), 1);
  assert.equal(await scalar(db, 'SELECT status FROM didsync.runs ORDER BY id DESC LIMIT 1'), 'refused');

  await applyPlan(db, pruned, { force: true, lockTimeoutSeconds: 5, run });
  assert.equal(await scalar(db, "SELECT count(*)::int FROM carriers WHERE code = 'GLOBEX'"), 0);
}, { init: true });

databaseTest('a carrier with a non-zero balance is not deleted without --force', async (db) => {
  const others = Object.fromEntries(['A', 'B', 'C', 'D'].map((x) => [`c${x}.yaml`, SECOND_CARRIER.replace(/GLOBEX/g, `C${x}`)]));
  const root = await writeConfig({ ...MINIMAL, 'globex.yaml': SECOND_CARRIER, ...others });
  await applyConfig(db, root);
  await db.query("UPDATE carriers SET supplier_balance = -12.5 WHERE code = 'GLOBEX'");
  await updateConfig(root, { 'globex.yaml': null });
  const plan = await planConfig(db, root, { prune: true });
  assert.deepEqual(plan.guards.map((g) => [g.guard, g.objects]), [['carrier-balance', ['Carrier GLOBEX']]]);
  assert.match(plan.guards[0].message, /-12\.5/);
}, { init: true });

// A plan's name is a key of the plan's records: `__proto__` among them must stay data, or its increase would go unseen.
for (const name of ['UK Wholesale', '__proto__']) {
  databaseTest(`a rate increase inside the notice period is refused (plan '${name}')`, async (db) => {
    const root = await writeConfig({ ...MINIMAL, 'config.yaml': MINIMAL['config.yaml'].replaceAll('UK Wholesale', name) });
    await applyConfig(db, root, { today: '2026-03-01' });
    await updateConfig(root, { 'rates/uk-wholesale.csv': londonRaisedFrom('2026-03-05') });
    const soon = await planConfig(db, root, { today: '2026-03-01' });
    assert.deepEqual(soon.guards.map((g) => [g.guard, g.objects]), [['rate-increase-notice', [`RatingPlan ${name}`]]]);
    assert.match(soon.guards[0].message, /4420/);
    assert.deepEqual(Object.keys(soon.rateIncreases ?? {}), [name]);
    const later = await planConfig(db, root, { today: '2026-02-01' });
    assert.deepEqual(later.guards, [], 'announced 32 days ahead: allowed');
  }, { init: true });
}

databaseTest('the Settings document\'s rateIncreaseNoticeDays replaces the default notice period, in plan and in apply', async (db) => {
  const settings = 'kind: Settings\nrateIncreaseNoticeDays: 30\n';
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root, { today: '2026-03-01' });
  await updateConfig(root, { 'rates/uk-wholesale.csv': londonRaisedFrom('2026-03-11') });
  const byDefault = await planConfig(db, root, { today: '2026-03-01' });
  assert.deepEqual(byDefault.guards, [], '10 days ahead is enough notice under the default 7');

  await updateConfig(root, { 'settings.yaml': settings });
  const strict = await planConfig(db, root, { today: '2026-03-01' });
  assert.deepEqual(strict.guards.map((g) => [g.guard, g.objects]), [['rate-increase-notice', ['RatingPlan UK Wholesale']]]);
  assert.match(strict.guards[0].message, /4420.*2026-03-11/);
  assert.match(strict.guards[0].message, /30 days/);
  await assert.rejects(applyPlan(db, strict, { force: false, lockTimeoutSeconds: 5, run, today: '2026-03-01' }),
    (e: Error) => e instanceof UserError && /rate-increase|price increase/.test(e.message));
  assert.equal(await scalar(db, "SELECT count(*)::int FROM customer_rating_plan_rates WHERE prefix = '4420'"), 1, 'nothing written');
  const announced = await planConfig(db, root, { today: '2026-02-09' });
  assert.deepEqual(announced.guards, [], '30 days ahead: allowed');
}, { init: true });

databaseTest('the Settings document\'s guards.maxDeletePercent lets through a prune the default 25% refuses', async (db) => {
  const settings = 'kind: Settings\nguards:\n  maxDeletePercent: 60\n';
  const root = await writeConfig({ ...MINIMAL, 'globex.yaml': SECOND_CARRIER });
  await applyConfig(db, root);
  await updateConfig(root, { 'globex.yaml': null });
  const byDefault = await planConfig(db, root, { prune: true });
  assert.deepEqual(byDefault.guards.map((g) => g.guard), ['mass-delete'], '1 of 2 carriers is 50%, over the default 25%');

  await updateConfig(root, { 'settings.yaml': settings });
  const relaxed = await planConfig(db, root, { prune: true });
  assert.deepEqual(relaxed.changes.map((c) => [c.action, c.key]), [['delete', 'GLOBEX']]);
  assert.deepEqual(relaxed.guards, [], '50% is within 60%');
  await applyPlan(db, relaxed, { force: false, lockTimeoutSeconds: 5, run });
  assert.equal(await scalar(db, "SELECT count(*)::int FROM carriers WHERE code = 'GLOBEX'"), 0);
  assert.equal(await scalar(db, 'SELECT status FROM didsync.runs ORDER BY id DESC LIMIT 1'), 'applied');
}, { init: true });

databaseTest('a saved plan is refused when the database changed since, naming what changed', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root);
  await updateConfig(root, { 'config.yaml': MINIMAL['config.yaml'].replace('capacityLimit: 120', 'capacityLimit: 130') });
  const saved = JSON.parse(JSON.stringify(await planConfig(db, root)));
  await db.query("UPDATE carriers SET tax_code = 'GB123' WHERE code = 'ACME'");
  await assert.rejects(applyPlan(db, saved, { force: true, lockTimeoutSeconds: 5, run }), (e: Error) => e instanceof UserError && /changed since the plan was made.*Carrier ACME/.test(e.message));
  assert.equal(await scalar(db, "SELECT capacity_limit FROM carriers WHERE code = 'ACME'"), 120);
  const fresh = await planConfig(db, root);
  await applyPlan(db, fresh, { force: false, lockTimeoutSeconds: 5, run });
  assert.equal(await scalar(db, "SELECT capacity_limit FROM carriers WHERE code = 'ACME'"), 130);
}, { init: true });

databaseTest('an apply waits for the lock at most its timeout', async (db, target) => {
  const root = await writeConfig(MINIMAL);
  const plan = await planConfig(db, root);
  const holder = await target.connect();
  assert.equal(await holder.lock(0x6469_6473_796e_63n, 1000), true);
  const started = Date.now();
  await assert.rejects(applyPlan(db, plan, { force: false, lockTimeoutSeconds: 1, run }), /holds the lock/);
  assert.ok(Date.now() - started < 5000);
  assert.equal(await scalar(db, 'SELECT count(*)::int FROM carriers'), 0);
  assert.equal(await scalar(db, 'SELECT status FROM didsync.runs ORDER BY id DESC LIMIT 1'), 'failed');
}, { init: true, only: 'postgres' });

databaseTest('at apply, a rate increase is judged against the live rows of its own plan when several plans change', async (db) => {
  const deck = (uk: string, mobile: string) => `prefix,destination,rate,connectionFee,effectiveDate\n44,United Kingdom,${uk},0,2025-01-01\n447,UK Mobile,${mobile},,\n`;
  const root = await writeConfig({
    ...MINIMAL,
    'rates/uk-wholesale.csv': deck('0.0100', '0.0300'),
    'spare.yaml': 'kind: RatingPlan\nname: Spare\ncurrency: GBP\nratesFile: rates/spare.csv\n',
    'rates/spare.csv': deck('0.0100', '0.0100'),
  });
  await applyConfig(db, root, { today: '2026-03-01' });
  // UK Wholesale lowers its 44 and Spare raises its 447 to what UK Wholesale already bills: only Spare's is an increase.
  await updateConfig(root, { 'rates/uk-wholesale.csv': deck('0.0090', '0.0300'), 'rates/spare.csv': deck('0.0100', '0.0300') });
  const plan = await planConfig(db, root, { today: '2026-03-01' });
  assert.deepEqual(plan.guards.map((g) => [g.guard, g.objects]), [['rate-increase-notice', ['RatingPlan Spare']]]);
  await assert.rejects(applyPlan(db, { ...plan, guards: [] }, { force: false, lockTimeoutSeconds: 5, run, today: '2026-03-01' }),
    (e: Error) => e instanceof UserError && /Spare/.test(e.message) && !/UK Wholesale/.test(e.message) && /447/.test(e.message));
  assert.equal(await scalar(db, "SELECT count(*)::int FROM customer_rating_plan_rates WHERE rate = 0.009"), 0, 'nothing written');
}, { init: true });

// Calls are rated by the longest prefix in effect: a new prefix priced above the one that covered its numbers, and
// a deleted prefix whose numbers fall back to a dearer one, bill those numbers more. A plan read back from a file
// carries no live rows, so apply reads them, the covering prefixes' included.
databaseTest('a code split or a deleted prefix that bills numbers more is an increase, in plan and at apply', async (db) => {
  const deck = (rows: string) => `prefix,destination,rate,connectionFee,effectiveDate\n44,United Kingdom,0.0100,0,2025-01-01\n${rows}`;
  const root = await writeConfig({ ...MINIMAL, 'rates/uk-wholesale.csv': deck('4420,London,0.0050,,\n') });
  await applyConfig(db, root, { today: '2026-03-01' });
  const asFromFile = (plan: Awaited<ReturnType<typeof planConfig>>) => ({ ...readPlanFile(planFileText(plan), 'plan.json'), guards: [] });

  await updateConfig(root, { 'rates/uk-wholesale.csv': deck('4420,London,0.0050,,\n447,UK Mobile,0.0800,,\n') });
  const split = await planConfig(db, root, { today: '2026-03-01' });
  assert.deepEqual(split.guards.map((g) => [g.guard, g.objects]), [['rate-increase-notice', ['RatingPlan UK Wholesale']]]);
  assert.match(split.guards[0].message, /prefix 447 rate 0\.01\d* \(as rated at prefix 44\) -> 0\.08/);
  assert.deepEqual(split.rateIncreases?.['UK Wholesale']?.map((i) => [i.prefix, i.field, i.fromPrefix, i.toPrefix]), [['447', 'rate', '44', undefined]]);
  await assert.rejects(applyPlan(db, asFromFile(split), { force: false, lockTimeoutSeconds: 5, run, today: '2026-03-01' }),
    (e: Error) => e instanceof UserError && /447/.test(e.message) && /prefix 44\)/.test(e.message));
  assert.equal(await scalar(db, "SELECT count(*)::int FROM customer_rating_plan_rates WHERE prefix = '447'"), 0, 'nothing written');
  await updateConfig(root, { 'rates/uk-wholesale.csv': deck('4420,London,0.0050,,\n447,UK Mobile,0.0800,,2026-03-10\n') });
  const announced = await planConfig(db, root, { today: '2026-03-01' });
  assert.deepEqual(announced.guards, [], 'dated 9 days ahead: allowed');
  await applyPlan(db, asFromFile(announced), { force: false, lockTimeoutSeconds: 5, run, today: '2026-03-01' });

  await updateConfig(root, { 'rates/uk-wholesale.csv': deck('447,UK Mobile,0.0800,,2026-03-10\n') });
  const dropped = await planConfig(db, root, { today: '2026-03-01' });
  assert.deepEqual(dropped.rateIncreases?.['UK Wholesale']?.map((i) => [i.prefix, i.field, i.from, i.toPrefix]), [['4420', 'rate', '0.005', '44']]);
  await assert.rejects(applyPlan(db, asFromFile(dropped), { force: false, lockTimeoutSeconds: 5, run, today: '2026-03-01' }),
    (e: Error) => e instanceof UserError && /4420/.test(e.message) && /prefix 44\)/.test(e.message));
  assert.equal(await scalar(db, "SELECT count(*)::int FROM customer_rating_plan_rates WHERE prefix = '4420'"), 1, 'nothing deleted');
  await applyPlan(db, asFromFile(dropped), { force: true, lockTimeoutSeconds: 5, run, today: '2026-03-01' });
  assert.equal(await scalar(db, "SELECT count(*)::int FROM customer_rating_plan_rates WHERE prefix = '4420'"), 0, '--force applies it');
}, { init: true });

// A deck emptied or cut short by mistake (a bad export, a truncated file) deletes the rates that route and bill
// its calls: more than maxDeletePercent of a plan's rates is refused, from MIN_RATES_FOR_DELETE_GUARD rates up.
databaseTest('deleting more than maxDeletePercent of a rating plan\'s rates is refused, in plan and at apply', async (db) => {
  const deck = (from: number, to: number) => ['prefix,destination,rate',
    ...Array.from({ length: to - from }, (_, i) => `44${String(from + i).padStart(4, '0')},United Kingdom,0.0100`), ''].join('\n');
  const count = () => scalar(db, "SELECT count(*)::int FROM customer_rating_plan_rates r JOIN customer_rating_plans p ON p.id = r.rating_plan_id WHERE p.name = 'UK Wholesale'");
  const root = await writeConfig({ ...MINIMAL, 'rates/uk-wholesale.csv': deck(0, 40) });
  await applyConfig(db, root);
  const asFromFile = (plan: Awaited<ReturnType<typeof planConfig>>) => ({ ...readPlanFile(planFileText(plan), 'plan.json'), guards: [] });

  await updateConfig(root, { 'rates/uk-wholesale.csv': deck(0, 10) });
  const cut = await planConfig(db, root);
  assert.deepEqual(cut.guards.map((g) => [g.guard, g.objects]), [['mass-delete', ['RatingPlan UK Wholesale']]]);
  assert.match(cut.guards[0].message, /deleting 30 of 40 rates of rating plan 'UK Wholesale' \(75%\) exceeds the limit of 25%/);
  // Judged again at apply: on the count the plan read (in this process), or on a count read then (from a file).
  for (const plan of [{ ...cut, guards: [] }, asFromFile(cut)]) {
    await assert.rejects(applyPlan(db, plan, { force: false, lockTimeoutSeconds: 5, run }),
      (e: Error) => e instanceof UserError && /30 of 40 rates/.test(e.message));
  }
  assert.equal(await count(), 40, 'nothing deleted');

  await updateConfig(root, { 'rates/uk-wholesale.csv': deck(10, 50) });
  const shifted = await planConfig(db, root);
  assert.deepEqual(shifted.guards, [], 'a quarter replaced (10 of 40 deleted, 10 added) is within 25%');
  await applyPlan(db, asFromFile(shifted), { force: false, lockTimeoutSeconds: 5, run });
  assert.equal(await count(), 40);

  await updateConfig(root, { 'rates/uk-wholesale.csv': deck(0, 0) });
  const emptied = await planConfig(db, root);
  assert.match(emptied.guards.map((g) => g.message).join('\n'), /deleting 40 of 40 rates/);
  await applyPlan(db, asFromFile(emptied), { force: true, lockTimeoutSeconds: 5, run });
  assert.equal(await count(), 0, '--force applies it');

  await updateConfig(root, { 'rates/uk-wholesale.csv': deck(0, 9) });
  await applyConfig(db, root);
  await updateConfig(root, { 'rates/uk-wholesale.csv': deck(0, 1) });
  assert.deepEqual((await planConfig(db, root)).guards, [], 'a plan with fewer than 10 rates may lose any share of them');
}, { init: true });

databaseTest('the guard reads the same live rows of the written prefixes by key lookups as by a join', async (db) => {
  const deck = (extra: string) => `prefix,destination,rate,connectionFee,effectiveDate\n44,United Kingdom,0.0100,0,2025-01-01\n44,United Kingdom,0.0200,0,2025-06-01\n447,UK Mobile,0.0300,,\n${extra}`;
  const root = await writeConfig({
    ...MINIMAL,
    'rates/uk-wholesale.csv': deck('4420,London,0.0070,,\n'),
    'spare.yaml': 'kind: RatingPlan\nname: Spare\ncurrency: GBP\nratesFile: rates/spare.csv\n',
    'rates/spare.csv': deck('33,France,0.0500,,2025-01-01\n'),
  });
  await applyConfig(db, root);
  const id = async (name: string) => String(await scalar(db, `SELECT id FROM customer_rating_plans WHERE name = '${name}'`));
  const uk = await id('UK Wholesale');
  const spare = await id('Spare');
  const asked = [{ planRowId: uk, prefixes: ['44', '4420', '33', '44'] }, { planRowId: spare, prefixes: ['33', '447', '999'] }];
  const seen = (rows: Map<string, { prefix: string[]; rate: string[]; effectiveDate: (string | null)[] }>) =>
    [...rows].map(([plan, r]) => [plan === uk ? 'UK' : 'Spare', r.prefix.map((p, i) => `${p} ${r.rate[i]} ${r.effectiveDate[i] ?? ''}`)]);
  const byLookup = seen(await readRatesOfPrefixes(db, asked));
  assert.deepEqual(byLookup, [
    ['UK', ['44 0.01 2025-01-01', '44 0.02 2025-06-01', '4420 0.007 ']],
    ['Spare', ['33 0.05 2025-01-01', '447 0.03 ']],
  ]);
  assert.deepEqual(seen(await readRatesOfPrefixes(db, asked, 0)), byLookup, 'past the lookup limit the join reads the same rows');
}, { init: true });


/** `db`, with every statement that reads rates of written prefixes (the guard's read) counted in `reads`. */
function countingGuardReads(db: Driver, reads: { n: number }): Driver {
  const wrap = <Q extends Queryable>(inner: Q): Q => new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (name === 'transaction') return (fn: (tx: Queryable) => Promise<unknown>) => (target as unknown as Driver).transaction((tx) => fn(wrap(tx)));
      return (...args: unknown[]) => {
        if ((name === 'query' || name === 'queryArrays') && /prefix_written/.test(String(args[0]))) reads.n++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return wrap(db);
}

databaseTest('at apply, the guard judges the live rows the plan read while their digest holds, and a plan from a file has them read again', async (db) => {
  const root = await writeConfig(MINIMAL);
  await applyConfig(db, root, { today: '2026-03-01' });
  // 19 days' notice when planned; 5 days' when applied on the 15th.
  await updateConfig(root, { 'rates/uk-wholesale.csv': londonRaisedFrom('2026-03-20') });
  const plan = await planConfig(db, root, { today: '2026-03-01' });
  assert.deepEqual(plan.guards, []);
  assert.deepEqual(plan.rateReference?.['UK Wholesale']?.live.prefix, ['44', '4420'], 'the live rows of the written prefix and of the shorter one, as read');

  const fromFile = readPlanFile(planFileText(plan), 'plan.json');
  assert.equal(fromFile.rateReference, undefined, 'never saved');
  const smuggled = JSON.parse(planFileText(plan)) as Record<string, unknown>;
  const { checksum: _c, ...body } = smuggled;
  const withRows = { ...body, rateReference: { 'UK Wholesale': { digest: 'rates:UK Wholesale', live: { ...plan.rateOps['UK Wholesale'].upsert } } } };
  const sum = `sha256:${createHash('sha256').update(JSON.stringify(withRows)).digest('hex')}`;
  assert.equal(readPlanFile(JSON.stringify({ checksum: sum, ...withRows }), 'plan.json').rateReference, undefined, 'not believed from a file');

  const refusal = (e: Error) => e instanceof UserError && /price increase.*4420.*2026-03-20/.test(e.message);
  const inProcess = { n: 0 };
  await assert.rejects(applyPlan(countingGuardReads(db, inProcess), plan, { force: false, lockTimeoutSeconds: 5, run, today: '2026-03-15' }), refusal);
  assert.equal(inProcess.n, 0, 'the rows the plan read are judged');
  const saved = { n: 0 };
  await assert.rejects(applyPlan(countingGuardReads(db, saved), fromFile, { force: false, lockTimeoutSeconds: 5, run, today: '2026-03-15' }), refusal);
  assert.equal(saved.n, 1, 'a saved plan has them read');

  // The rates changed since the plan: its digest no longer holds, and nothing of the plan is trusted.
  await db.query("UPDATE customer_rating_plan_rates SET rate = 0.0001 WHERE prefix = '4420'");
  await assert.rejects(applyPlan(db, plan, { force: false, lockTimeoutSeconds: 5, run, today: '2026-03-15' }), /changed since the plan was made/);
  assert.equal(await scalar(db, "SELECT count(*)::int FROM customer_rating_plan_rates WHERE prefix = '4420'"), 1, 'nothing written');
}, { init: true });
