// Each way a known deck (a CSV applied byte for byte, carried as a stub and
// not parsed) is or is not trusted: unchanged, it is neither parsed nor read;
// drifted rates, a plan pointed at another plan's file, fullComparison and
// other deck rules each fall back to the full deck; a stub never stands in
// for bytes that changed or break a rule.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { databaseTest } from '../support/databases.js';
import { applyConfig, deferredDesiredOf, hashedDesiredOf, knownDesiredOf, MINIMAL, scalar, updateConfig, writeConfig } from '../support/config.js';
import { makePlan, settingsOf } from '../../src/reconcile/engine.js';
import { readKnownDecks } from '../../src/reconcile/deck-records.js';
import type { Plan } from '../../src/reconcile/plan.js';
import type { DesiredState } from '../../src/load/types.js';
import type { Queryable } from '../../src/drivers/driver.js';
import { validateRoot } from '../../src/validate/index.js';
import { UserError } from '../../src/report/errors.js';

const SPARE = {
  'spare.yaml': 'kind: RatingPlan\nname: Spare\ncurrency: GBP\nratesFile: rates/spare.csv\n',
  'rates/spare.csv': 'prefix,destination,rate\n33,France,0.0200\n331,Paris,0.0150\n',
};

const OPTIONS = { prune: false, today: '2026-01-01', createdAt: '2026-01-01T00:00:00.000Z', commit: null, dbDescription: 'test' };

/** Plans with the desired state given; counts the stubs loaded in full on the way. */
async function planCounting(db: Queryable, desired: DesiredState, fullComparison = false): Promise<{ plan: Plan; stubs: string[]; loaded: string[] }> {
  const stubs: string[] = [];
  const loaded: string[] = [];
  for (const obj of desired.objects) {
    const stub = obj.ratesStub;
    if (!stub) continue;
    stubs.push(obj.key);
    obj.ratesStub = { ...stub, load: () => { loaded.push(obj.key); return stub.load(); } };
  }
  const plan = await makePlan(db, desired, { ...OPTIONS, guards: settingsOf(desired).guards, fullComparison });
  return { plan, stubs: stubs.sort(), loaded: loaded.sort() };
}

async function fullPlan(db: Queryable, root: string): Promise<Plan> {
  const desired = await hashedDesiredOf(root);
  return makePlan(db, desired, { ...OPTIONS, guards: settingsOf(desired).guards, fullComparison: true });
}

function comparable(plan: Plan): Plan {
  const { rateDecks: _decks, deckTexts: _texts, ...source } = plan.source;
  return { ...plan, source };
}

async function appliedConfig(db: Parameters<typeof applyConfig>[0]): Promise<string> {
  const root = await writeConfig({ ...MINIMAL, ...SPARE });
  await applyConfig(db, root);
  return root;
}

databaseTest('an applied deck is a stub next time: neither parsed nor read, and the plan is empty', async (db) => {
  const root = await appliedConfig(db);
  const { plan, stubs, loaded } = await planCounting(db, await knownDesiredOf(db, root));
  assert.deepEqual(stubs, ['Spare', 'UK Wholesale']);
  assert.deepEqual(loaded, []);
  assert.deepEqual(plan.changes, []);
  assert.deepEqual(comparable(plan), comparable(await fullPlan(db, root)));
}, { init: true });

databaseTest('rates edited in the database load the deck in full, and the plan restores them', async (db) => {
  const root = await appliedConfig(db);
  await db.query("UPDATE customer_rating_plan_rates SET rate = 0.5 WHERE prefix = '331'");
  const { plan, loaded } = await planCounting(db, await knownDesiredOf(db, root));
  assert.deepEqual(loaded, ['Spare']);
  const spare = plan.changes.find((c) => c.key === 'Spare');
  assert.deepEqual(spare?.rates && [spare.rates.added, spare.rates.changed, spare.rates.removed], [0, 1, 0]);
  assert.deepEqual(comparable(plan), comparable(await fullPlan(db, root)));
}, { init: true });

databaseTest('a plan pointed at the file another plan was applied from loads it in full', async (db) => {
  const root = await appliedConfig(db);
  await updateConfig(root, { 'spare.yaml': SPARE['spare.yaml'].replace('rates/spare.csv', 'rates/uk-wholesale.csv') });
  const { plan, stubs, loaded } = await planCounting(db, await knownDesiredOf(db, root));
  assert.deepEqual(stubs, ['Spare', 'UK Wholesale'], 'the bytes are known, from UK Wholesale');
  assert.deepEqual(loaded, ['Spare'], 'but Spare was applied from other rows');
  assert.equal(plan.changes.find((c) => c.key === 'Spare')?.rates?.added, 3);
  assert.deepEqual(comparable(plan), comparable(await fullPlan(db, root)));
}, { init: true });

databaseTest('fullComparison loads every stub and compares every row', async (db) => {
  const root = await appliedConfig(db);
  const { plan, loaded } = await planCounting(db, await knownDesiredOf(db, root), true);
  assert.deepEqual(loaded, ['Spare', 'UK Wholesale']);
  assert.deepEqual(plan.changes, []);
}, { init: true });

databaseTest('a moved deck is known by its bytes, and apply records its new path', async (db) => {
  const root = await appliedConfig(db);
  await rename(join(root, 'rates/spare.csv'), join(root, 'rates/fr.csv'));
  await updateConfig(root, { 'spare.yaml': SPARE['spare.yaml'].replace('spare.csv', 'fr.csv') });
  const { plan, stubs, loaded } = await planCounting(db, await knownDesiredOf(db, root));
  assert.deepEqual([stubs, loaded, plan.changes], [['Spare', 'UK Wholesale'], [], []]);
  await applyConfig(db, root);
  const record = await scalar<string>(db, "SELECT rates_fingerprint FROM didsync.managed WHERE kind = 'RatingPlan' AND key = 'Spare'");
  assert.equal((JSON.parse(record) as { deck: { file: string } }).deck.file, 'rates/fr.csv');
}, { init: true });

databaseTest('a deck recorded under other deck rules is parsed again', async (db) => {
  const root = await appliedConfig(db);
  assert.equal((await readKnownDecks(db)).size, 2);
  await db.query(`UPDATE didsync.managed SET rates_fingerprint = jsonb_set(rates_fingerprint::jsonb, '{deck,rules}', '"0.0.0/0"')::text
                   WHERE kind = 'RatingPlan' AND key = 'Spare'`);
  assert.equal((await readKnownDecks(db)).size, 1);
  const { stubs } = await planCounting(db, await knownDesiredOf(db, root));
  assert.deepEqual(stubs, ['UK Wholesale']);
  // The next apply records the deck under today's rules again.
  await applyConfig(db, root);
  assert.equal((await readKnownDecks(db)).size, 2);
}, { init: true });

databaseTest('a stub whose file changed after it was hashed refuses to stand in for it', async (db) => {
  const root = await appliedConfig(db);
  const desired = await knownDesiredOf(db, root);
  await updateConfig(root, { 'rates/spare.csv': `${SPARE['rates/spare.csv']}332,Lyon,0.0150\n` });
  await db.query("DELETE FROM customer_rating_plan_rates WHERE prefix = '331'");
  await assert.rejects(planCounting(db, desired), (e: unknown) => e instanceof UserError && /rates\/spare\.csv changed while/.test(e.message));
}, { init: true });

databaseTest('records an apply made with decks of other content do not vouch for today\'s bytes', async (db) => {
  const root = await appliedConfig(db);
  await updateConfig(root, { 'rates/spare.csv': 'prefix,destination,rate\n33,France,0.0300\n' });
  const { stubs } = await planCounting(db, await knownDesiredOf(db, root));
  assert.deepEqual(stubs, ['UK Wholesale']);
}, { init: true });

databaseTest('a changed deck put off is read as windows of the lines it changed where its plan has not drifted, else in full', async (db) => {
  const root = await appliedConfig(db);
  await updateConfig(root, { 'rates/spare.csv': 'prefix,destination,rate\n33,France,0.0200\n331,Paris,0.0120\n3312,Paris 2,0.03\n' });
  const { plan, stubs, loaded } = await planCounting(db, await deferredDesiredOf(db, root));
  assert.deepEqual([stubs, loaded], [['Spare', 'UK Wholesale'], []]);
  const spare = plan.changes.find((c) => c.key === 'Spare');
  assert.deepEqual(spare?.rates && [spare.rates.added, spare.rates.changed, spare.rates.removed], [1, 1, 0]);
  assert.equal(plan.source.rateDecks?.Spare?.rows, 3, 'the window counts every row of its deck');
  assert.deepEqual(comparable(plan), comparable(await fullPlan(db, root)));
  // Drifted, the live rows are read in full, and so is git's deck.
  await db.query("UPDATE customer_rating_plan_rates SET rate = 0.5 WHERE prefix = '33'");
  const drifted = await planCounting(db, await deferredDesiredOf(db, root));
  assert.deepEqual(drifted.loaded, ['Spare']);
  assert.deepEqual(comparable(drifted.plan), comparable(await fullPlan(db, root)));
}, { init: true });

databaseTest('an incremental plan of a changed deck that breaks a rule reports it as validation does', async (db) => {
  const { planConfigRoot } = await import('../../src/reconcile/config-plan.js');
  const root = await appliedConfig(db);
  const options = { today: '2026-01-01', createdAt: '2026-01-01T00:00:00.000Z', commit: null, dbDescription: 'test' };
  // A new line repeating the key of a line both texts have; then a line that does not read.
  for (const [text, problem] of [
    [`${SPARE['rates/spare.csv']}331,Paris again,0.0150\n`, /a rate for prefix 331 without effectiveDate is also defined at line 3/],
    [`${SPARE['rates/spare.csv']}33x,Nowhere,0.01\n`, /prefix '33x' must be 1 to 16 digits/],
  ] as const) {
    await updateConfig(root, { 'rates/spare.csv': text });
    const planned = await planConfigRoot(db, root, options);
    assert.equal(planned.ok, false);
    if (!planned.ok) assert.match(planned.problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'), problem);
  }
}, { init: true });

test('validate without a database parses every deck', async () => {
  const root = await writeConfig({ ...MINIMAL, ...SPARE });
  const { load } = await validateRoot(root);
  assert.deepEqual([load.stubs.size, load.deckHashes.size, load.decks.size], [0, 0, 2]);
});

test('a stub loaded in full is checked by every deck rule, duplicates included', async () => {
  const duplicated = 'prefix,destination,rate\n33,France,0.0200\n33,France,0.0300\n';
  const root = await writeConfig({ ...MINIMAL, ...SPARE, 'rates/spare.csv': duplicated });
  const sha256 = createHash('sha256').update(await readFile(join(root, 'rates/spare.csv'))).digest('hex');
  const { desired } = await validateRoot(root, { knownDecks: new Map([[sha256, { digest: 'recorded', rows: 2 }]]) });
  const stub = desired?.objects.find((o) => o.key === 'Spare')?.ratesStub;
  assert.ok(stub, 'known bytes are not parsed while loading');
  await assert.rejects(stub.load(), (e: unknown) => e instanceof UserError && e.problems.some((p) => p.rule === 'duplicate'));
});

databaseTest('plans renamed out of band onto each other\'s names are compared row by row', async (db) => {
  const root = await writeConfig({
    ...MINIMAL, ...SPARE,
    'twin.yaml': 'kind: RatingPlan\nname: Twin\ncurrency: GBP\nratesFile: rates/spare.csv\n',
  });
  await applyConfig(db, root);
  // Spare's row takes another name, and Twin's row (same deck, same digest) takes Spare's.
  await db.query("UPDATE customer_rating_plans SET name = 'Moved' WHERE name = 'Spare'");
  await db.query("UPDATE customer_rating_plans SET name = 'Spare' WHERE name = 'Twin'");
  const { plan, loaded } = await planCounting(db, await knownDesiredOf(db, root));
  assert.ok(loaded.includes('Spare'), 'the live plan named Spare is not the row Spare was applied to');
  assert.deepEqual(comparable(plan), comparable(await fullPlan(db, root)));
}, { init: true });

test("a CSV deck's digest is that of its bytes under the deck rules; inline rates' that of their rows", async () => {
  const { deckDigests } = await import('../../src/reconcile/engine.js');
  const { desiredModel } = await import('../../src/reconcile/desired.js');
  const { csvDeckDigest } = await import('../../src/load/index.js');
  const { ratesDigest } = await import('../../src/reconcile/plan.js');
  const digestsOf = async (files: Record<string, string>) => deckDigests(desiredModel(await hashedDesiredOf(await writeConfig({ ...MINIMAL, ...files }))));
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const first = await digestsOf(SPARE);
  assert.equal(first.get('Spare'), csvDeckDigest(sha(SPARE['rates/spare.csv'])));
  // The same rows written otherwise are other bytes: another digest, which costs a comparison of rows and misses nothing.
  const reformatted = await digestsOf({ ...SPARE, 'rates/spare.csv': 'prefix,destination,rate\n33,France,0.02\n331,Paris,0.015\n' });
  assert.notEqual(reformatted.get('Spare'), first.get('Spare'));
  // The same bytes under another name: the same digest.
  const renamed = await digestsOf({ 'spare.yaml': SPARE['spare.yaml'].replace('rates/spare.csv', 'rates/other.csv'), 'rates/other.csv': SPARE['rates/spare.csv'] });
  assert.equal(renamed.get('Spare'), first.get('Spare'));
  // Inline rates have no bytes of their own: their rows are hashed.
  const inline = 'kind: RatingPlan\nname: Inline\ncurrency: GBP\nrates:\n  - { prefix: "33", destination: France, rate: 0.02 }\n';
  const model = desiredModel(await hashedDesiredOf(await writeConfig({ ...MINIMAL, 'inline.yaml': inline })));
  assert.equal(model.sources.has('Inline'), false);
  assert.equal(model.rates.get('Inline')?.prefix.length, 1);
  assert.equal(deckDigests(model).get('Inline'), ratesDigest(model.rates.get('Inline')!));
});

databaseTest('a deck rewritten with the same rows has no changes, and the next apply records its bytes so later plans need not read it', async (db) => {
  const root = await appliedConfig(db);
  // The same two rows, reordered and written with other digits.
  await updateConfig(root, { 'rates/spare.csv': 'prefix,destination,rate\n331,Paris,0.015\n33,France,0.02\n' });
  const before = await planCounting(db, await knownDesiredOf(db, root));
  assert.deepEqual([before.stubs, before.plan.changes], [['UK Wholesale'], []]);
  assert.deepEqual(before.plan.refresh.map((r) => `${r.kind} ${r.key}`), ['RatingPlan Spare'], 'the rates record is refreshed, not the rates written');
  assert.deepEqual(comparable(before.plan), comparable(await fullPlan(db, root)));
  const rates = await scalar<string>(db, 'SELECT count(*)::text FROM customer_rating_plan_rates');
  await applyConfig(db, root);
  assert.equal(await scalar<string>(db, 'SELECT count(*)::text FROM customer_rating_plan_rates'), rates);
  const after = await planCounting(db, await knownDesiredOf(db, root));
  assert.deepEqual([after.stubs, after.loaded, after.plan.changes, after.plan.refresh], [['Spare', 'UK Wholesale'], [], [], []]);
}, { init: true });

databaseTest('a daemon that records no unchanged run (a watched folder) still applies the refresh of a rewritten deck, once', async (db) => {
  const { syncConfig } = await import('../../src/daemon/sync-run.js');
  const root = await appliedConfig(db);
  const sync = () => syncConfig(db, { root, run: { trigger: 'daemon', command: 'daemon' }, recordUnchanged: false, now: new Date('2026-01-01T00:00:00Z') });
  assert.equal((await sync()).outcome, 'unchanged');
  await updateConfig(root, { 'rates/spare.csv': 'prefix,destination,rate\n331,Paris,0.015\n33,France,0.02\n' });
  assert.equal((await sync()).outcome, 'no-changes');
  assert.deepEqual((await planCounting(db, await knownDesiredOf(db, root))).stubs, ['Spare', 'UK Wholesale']);
  assert.equal((await sync()).outcome, 'unchanged');
}, { init: true });
