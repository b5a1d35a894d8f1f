// The deck an apply records as applied (didsync.applied_decks) is the CSV
// text it was applied from, byte for byte, whatever the text holds; a later
// apply replaces the record.

import assert from 'node:assert/strict';
import { databaseTest } from '../support/databases.js';
import { applyConfig, MINIMAL, planConfig, scalar, updateConfig, writeConfig } from '../support/config.js';
import type { Driver, Queryable } from '../../src/drivers/driver.js';
import { prefetchAppliedDecks, prepareDeckEdits, readAppliedDecks, recordAppliedDecks, rememberAppliedDecks } from '../../src/reconcile/applied-decks.js';
import { planFileText, readPlanFile } from '../../src/reconcile/plan-file.js';
import { applyPlan } from '../../src/reconcile/engine.js';
import type { Plan } from '../../src/reconcile/plan.js';

const AWKWARD = 'prefix,destination,rate,connectionFee,effectiveDate\r\n'
  + '44,"United Kingdom, ""Fixed""",0.0100,0,2025-01-01\r\n'
  + '4420,"London\r\nCity",0.0080,,2025-01-01\r\n'
  + '447,Royaume-Uni — mobile ☎,0.0300,0.01,\r\n';

async function recorded(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ content: string }>('SELECT content FROM didsync.applied_decks ORDER BY rating_plan_id');
  return rows.map((r) => r.content);
}

databaseTest('an applied deck is recorded byte for byte, quotes, line breaks and all, and replaced by the next apply', async (db) => {
  const root = await writeConfig({ ...MINIMAL, 'rates/uk-wholesale.csv': AWKWARD });
  await applyConfig(db, root);
  assert.deepEqual(await recorded(db), [AWKWARD]);
  const next = AWKWARD.replace('0.0080', '0.0070');
  await updateConfig(root, { 'rates/uk-wholesale.csv': next });
  await applyConfig(db, root);
  assert.deepEqual(await recorded(db), [next]);
}, { init: true });

databaseTest('applied decks read ahead by plan key are the ones a read by row id finds, and a later read takes them from there', async (db) => {
  const root = await writeConfig({ ...MINIMAL, 'rates/uk-wholesale.csv': AWKWARD });
  await applyConfig(db, root);
  const { rows: [{ id }] } = await db.query<{ id: string }>("SELECT row_id AS id FROM didsync.managed WHERE kind = 'RatingPlan' AND key = 'UK Wholesale'");
  const direct = await readAppliedDecks(db, [id]);
  assert.deepEqual([...direct.keys()], [id]);
  assert.equal(direct.get(id)!.text, AWKWARD);
  const early = await prefetchAppliedDecks(db, ['UK Wholesale', 'No Such Plan']);
  assert.deepEqual(early, direct);
  assert.deepEqual(await prefetchAppliedDecks(db, []), new Map());

  // What was read ahead is taken as it is, not read again; what was not, or a read that failed, is read.
  const sentinel = { digest: 'read-ahead', text: 'prefix,destination,rate\n' };
  assert.deepEqual(await readAppliedDecks(db, [id], Promise.resolve(new Map([[id, sentinel]]))), new Map([[id, sentinel]]));
  assert.deepEqual(await readAppliedDecks(db, [id], Promise.resolve(new Map())), direct);
  assert.deepEqual(await readAppliedDecks(db, [id], Promise.resolve(undefined)), direct);
}, { init: true });

databaseTest('a read ahead that fails answers nothing instead of failing, and the later read does the reading', async (db) => {
  // No didsync schema in this database: the statement fails.
  assert.equal(await prefetchAppliedDecks(db, ['UK Wholesale']), undefined);
});

/** A deck of 400 rates, row i priced at 0.1 + i / 1,000,000. */
function bigDeck(price: (i: number) => string = (i) => (0.1 + i / 1e6).toFixed(6)): string {
  const rows = Array.from({ length: 400 }, (_, i) => `${44000 + i},United Kingdom ${i % 7},${price(i)},0,2025-01-01`);
  return ['prefix,destination,rate,connectionFee,effectiveDate', ...rows, ''].join('\n');
}

interface EditsRow {
  seq: number;
  digest: string;
}

async function edits(db: Queryable): Promise<EditsRow[]> {
  const { rows } = await db.query<EditsRow>('SELECT seq, digest FROM didsync.applied_deck_edits ORDER BY rating_plan_id, seq');
  return rows;
}

/** The minimal config with bigDeck() as its UK deck, applied: the deck's text and the config root. */
async function appliedBigDeck(db: Driver): Promise<{ first: string; root: string }> {
  const first = bigDeck();
  const root = await writeConfig({ ...MINIMAL, 'rates/uk-wholesale.csv': first });
  await applyConfig(db, root);
  return { first, root };
}

async function planRow(db: Queryable): Promise<{ id: string; desired: string }> {
  const { rows: [row] } = await db.query<{ id: string; record: string }>(
    "SELECT row_id AS id, rates_fingerprint AS record FROM didsync.managed WHERE kind = 'RatingPlan' AND key = 'UK Wholesale'",
  );
  return { id: row.id, desired: (JSON.parse(row.record) as { desired: string }).desired };
}

databaseTest('a deck changed by a few lines is recorded as edits of the text before it, which a read puts together; a large change writes the text again', async (db) => {
  const { first, root } = await appliedBigDeck(db);
  assert.deepEqual(await edits(db), []);

  // Three rates lowered, then two more: each apply adds its edits; the text written first stays.
  const second = bigDeck((i) => (0.1 + i / 1e6 - ([10, 200, 399].includes(i) ? 0.05 : 0)).toFixed(6));
  await updateConfig(root, { 'rates/uk-wholesale.csv': second });
  const plan = await applyConfig(db, root);
  assert.equal(plan.changes[0]?.rates?.changed, 3);
  const third = second.replace('44005,United Kingdom 5,0.100005', '44005,United Kingdom 5,0.050005').replace('44300,United Kingdom 6,0.100300', '44300,United Kingdom 6,0.050300');
  assert.notEqual(third, second);
  await updateConfig(root, { 'rates/uk-wholesale.csv': third });
  await applyConfig(db, root);
  assert.deepEqual(await recorded(db), [first]);
  const { id, desired } = await planRow(db);
  assert.deepEqual((await edits(db)).map((e) => e.seq), [1, 2]);
  assert.equal((await edits(db))[1].digest, desired);
  assert.deepEqual(await readAppliedDecks(db, [id]), new Map([[id, { digest: desired, text: third }]]));
  assert.deepEqual(await prefetchAppliedDecks(db, ['UK Wholesale']), new Map([[id, { digest: desired, text: third }]]));

  // A rate changed in the database is drift against the text put together, and apply restores git's.
  await db.query("UPDATE customer_rating_plan_rates SET rate = 0.2 WHERE prefix = '44005'");
  const drifted = await planConfig(db, root);
  assert.deepEqual(drifted.drift.map((d) => d.key), ['UK Wholesale']);
  await applyConfig(db, root);
  assert.equal(await scalar(db, "SELECT rate::text FROM customer_rating_plan_rates WHERE prefix = '44005'"), '0.050005');

  // Every rate lowered: the edits would be most of the text, so it is written whole and the edits go.
  const fourth = bigDeck((i) => (0.05 + i / 1e6).toFixed(6));
  await updateConfig(root, { 'rates/uk-wholesale.csv': fourth });
  await applyConfig(db, root);
  assert.deepEqual(await recorded(db), [fourth]);
  assert.deepEqual(await edits(db), []);
  assert.equal((await readAppliedDecks(db, [id])).get(id)?.text, fourth);
}, { init: true });

databaseTest('edits that do not make the text they recorded are not believed: the plan reads the live rates, and the next apply writes the text whole', async (db) => {
  const root = await writeConfig({ ...MINIMAL, 'rates/uk-wholesale.csv': bigDeck() });
  await applyConfig(db, root);
  const next = bigDeck((i) => (0.1 + i / 1e6 - (i === 7 ? 0.05 : 0)).toFixed(6));
  await updateConfig(root, { 'rates/uk-wholesale.csv': next });
  await applyConfig(db, root);
  const { id } = await planRow(db);
  assert.equal((await edits(db)).length, 1);
  assert.equal((await readAppliedDecks(db, [id])).get(id)?.text, next);

  // The edits damaged: a copy of other lines, under the same sha256.
  await db.query(`UPDATE didsync.applied_deck_edits SET edits = '[[0, 60]]'`);
  assert.deepEqual(await readAppliedDecks(db, [id]), new Map());
  assert.equal(await prefetchAppliedDecks(db, ['UK Wholesale']).then((m) => m?.size), 0);
  // Not a script at all.
  await db.query(`UPDATE didsync.applied_deck_edits SET edits = 'not json'`);
  assert.deepEqual(await readAppliedDecks(db, [id]), new Map());

  // Without an applied deck to compare with, a rate changed in the database is still found against git (from the rows themselves).
  await db.query("UPDATE customer_rating_plan_rates SET rate = 0.3 WHERE prefix = '44007'");
  const drifted = await planConfig(db, root);
  assert.equal(drifted.changes[0]?.rates?.changed, 1);
  await applyConfig(db, root);
  assert.equal((await planConfig(db, root)).changes.length, 0);

  // The next change of git's deck has no text read to take edits of: it is written whole, and the damaged edits go.
  const after = bigDeck((i) => (0.1 + i / 1e6 - (i === 7 || i === 8 ? 0.05 : 0)).toFixed(6));
  await updateConfig(root, { 'rates/uk-wholesale.csv': after });
  await applyConfig(db, root);
  assert.deepEqual(await edits(db), []);
  assert.deepEqual(await recorded(db), [after]);
  assert.equal((await readAppliedDecks(db, [id])).get(id)?.text, after);
}, { init: true });

databaseTest('the edits of a plan deleted go with its text', async (db) => {
  const root = await writeConfig({ ...MINIMAL, 'rates/uk-wholesale.csv': bigDeck() });
  await applyConfig(db, root);
  await updateConfig(root, { 'rates/uk-wholesale.csv': bigDeck((i) => (0.1 + i / 1e6 - (i === 3 ? 0.05 : 0)).toFixed(6)) });
  await applyConfig(db, root);
  assert.equal((await edits(db)).length, 1);
  await db.query('DELETE FROM carrier_services');
  await db.query('DELETE FROM customer_rating_plans');
  await applyConfig(db, root);
  const { id } = await planRow(db);
  // The plan was made again under a new row id, with its text whole; nothing is left of the old one.
  assert.deepEqual(await edits(db), []);
  assert.deepEqual(await db.query('SELECT rating_plan_id FROM didsync.applied_decks').then((r) => r.rows.map((x) => x.rating_plan_id)), [id]);
}, { init: true });

databaseTest('edits are taken only of the text the database holds: a text read under another digest, or none, has the new text written whole', async (db) => {
  const { first } = await appliedBigDeck(db);
  const { id, desired } = await planRow(db);
  const next = bigDeck((i) => (0.1 + i / 1e6 - (i === 9 ? 0.05 : 0)).toFixed(6));
  const record = async (previous?: Map<string, { digest: string; text: string }>) => {
    await db.transaction((tx) => recordAppliedDecks(tx, [{ rowId: id, digest: `d${Math.random()}`, text: next }], previous));
    return { edits: (await edits(db)).length, text: (await readAppliedDecks(db, [id])).get(id)?.text };
  };
  // Read under another digest than the one recorded (as if another apply came between): whole.
  assert.deepEqual(await record(new Map([[id, { digest: 'another', text: first }]])), { edits: 0, text: next });
  // Nothing read: whole.
  await db.query('UPDATE didsync.applied_decks SET content = $1, digest = $2', [first, desired]);
  assert.deepEqual(await record(), { edits: 0, text: next });
  // Read under the digest recorded: edits.
  await db.query('UPDATE didsync.applied_decks SET content = $1, digest = $2', [first, desired]);
  assert.deepEqual(await record(new Map([[id, { digest: desired, text: first }]])), { edits: 1, text: next });

  // Sixteen edits at most: the seventeenth change is written whole.
  const counts: number[] = [];
  for (let k = 0; k < 16; k++) {
    const read = await readAppliedDecks(db, [id]);
    const text = bigDeck((i) => (0.1 + i / 1e6 - (i === 20 + k ? 0.05 : 0)).toFixed(6));
    await db.transaction((tx) => recordAppliedDecks(tx, [{ rowId: id, digest: `k${k}`, text }], read));
    counts.push((await edits(db)).length);
    assert.equal((await readAppliedDecks(db, [id])).get(id)?.text, text);
  }
  assert.deepEqual(counts, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 0]);
}, { init: true });

databaseTest('edits worked out while the rates were written are recorded for the text they make, and never for another text', async (db) => {
  const { first } = await appliedBigDeck(db);
  const { id, desired } = await planRow(db);
  const meant = bigDeck((i) => (0.1 + i / 1e6 - (i === 11 ? 0.05 : 0)).toFixed(6));
  const other = bigDeck((i) => (0.1 + i / 1e6 - (i === 12 ? 0.05 : 0)).toFixed(6));
  const record = async (text: string) => {
    await db.query('DELETE FROM didsync.applied_deck_edits');
    await db.query('UPDATE didsync.applied_decks SET content = $1, digest = $2', [first, desired]);
    // A plan that read the applied deck and carries `meant`, its edits worked out ahead as apply does.
    const read = await readAppliedDecks(db, [id]);
    const plan = { source: { deckTexts: { 'UK Wholesale': meant } } } as unknown as Plan;
    rememberAppliedDecks(plan, read);
    prepareDeckEdits(plan, (key) => (key === 'UK Wholesale' ? id : undefined));
    await db.transaction((tx) => recordAppliedDecks(tx, [{ rowId: id, digest: `d${Math.random()}`, text }], read));
    return { edits: (await edits(db)).length, text: (await readAppliedDecks(db, [id])).get(id)?.text };
  };
  assert.deepEqual(await record(meant), { edits: 1, text: meant });
  // Recorded with another text than the one worked out for: the edits are those of that text.
  assert.deepEqual(await record(other), { edits: 1, text: other });
}, { init: true });

databaseTest('a saved plan without deck texts (as plans were saved before texts were kept) records the rows it applied, written out by the database', async (db) => {
  const root = await writeConfig({ ...MINIMAL, 'rates/uk-wholesale.csv': bigDeck() });
  await applyConfig(db, root);
  await updateConfig(root, { 'rates/uk-wholesale.csv': bigDeck((i) => (0.1 + i / 1e6 - (i === 300 ? 0.05 : 0)).toFixed(6)) });
  const made = await planConfig(db, root);
  delete made.source.deckTexts;
  await applyPlan(db, readPlanFile(planFileText(made), 'plan.json'), { force: false, lockTimeoutSeconds: 5, run: { trigger: 'cli', command: 'apply' } });
  const [text] = await recorded(db);
  assert.ok(text.startsWith('prefix,destination,rate,connectionFee,initialInterval,recurringInterval,effectiveDate,endDate\n44000,'), text.slice(0, 120));
  assert.ok(text.includes('\n44300,"United Kingdom 6",0.050300,'), 'the rows applied');
  assert.deepEqual(await edits(db), []);
  assert.deepEqual((await planConfig(db, root)).changes, []);
}, { init: true });

databaseTest('a saved plan carries a deck changed by a few lines as edits of the deck applied before; its apply makes the text again and records it as edits, or, the applied deck damaged since, records the rows applied', async (db) => {
  const { first, root } = await appliedBigDeck(db);
  const applySaved = (file: string) => applyPlan(db, readPlanFile(file, 'plan.json'), { force: false, lockTimeoutSeconds: 5, run: { trigger: 'cli', command: 'apply' } });

  const next = bigDeck((i) => (0.1 + i / 1e6 - ([5, 250].includes(i) ? 0.05 : 0)).toFixed(6));
  await updateConfig(root, { 'rates/uk-wholesale.csv': next });
  const file = planFileText(await planConfig(db, root));
  const { formatVersion, source } = JSON.parse(file) as Plan;
  // The --out file of CONTRACT §4, format 1, with or without edits.
  assert.equal(formatVersion, 1);
  assert.equal(source.deckTexts, undefined);
  assert.deepEqual(Object.keys(source.deckEdits ?? {}), ['UK Wholesale']);
  assert.ok(!file.includes('44006,United Kingdom 6,0.100006'), 'the lines both texts have are not in the file');
  assert.ok(file.length < next.length, `the plan file (${file.length} characters) is smaller than the deck (${next.length})`);
  await applySaved(file);
  const { id, desired } = await planRow(db);
  assert.deepEqual(await readAppliedDecks(db, [id]), new Map([[id, { digest: desired, text: next }]]));
  assert.deepEqual((await edits(db)).map((e) => e.seq), [1]);
  assert.deepEqual(await recorded(db), [first]);
  assert.deepEqual((await planConfig(db, root)).changes, []);

  // The applied deck damaged after the plan was saved (its first text, so that its edits no longer make
  // the text they recorded): the saved edits are of a text the database no longer gives, so the apply
  // records the rows it applied, whole.
  const third = bigDeck((i) => (0.1 + i / 1e6 - ([5, 250, 300].includes(i) ? 0.05 : 0)).toFixed(6));
  await updateConfig(root, { 'rates/uk-wholesale.csv': third });
  const later = planFileText(await planConfig(db, root));
  assert.ok((JSON.parse(later) as Plan).source.deckEdits?.['UK Wholesale']);
  await db.query(`UPDATE didsync.applied_decks SET content = replace(content, '44001,United Kingdom 1,', '44001,United Kingdom 8,')`);
  assert.deepEqual(await readAppliedDecks(db, [id]), new Map());
  await applySaved(later);
  const [text] = await recorded(db);
  assert.notEqual(text, third);
  assert.ok(text.startsWith('prefix,destination,rate,connectionFee,initialInterval,recurringInterval,effectiveDate,endDate\n44000,'), text.slice(0, 120));
  assert.deepEqual(await edits(db), []);
  assert.equal(await scalar(db, "SELECT rate::text FROM customer_rating_plan_rates WHERE prefix = '44300'"), '0.050300');
  assert.deepEqual((await planConfig(db, root)).changes, []);
}, { init: true });
