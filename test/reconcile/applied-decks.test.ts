// The deck an apply records as applied (didsync.applied_decks) is the CSV
// text it was applied from, byte for byte, whatever the text holds; a later
// apply replaces the record.

import assert from 'node:assert/strict';
import { databaseTest } from '../support/databases.js';
import { applyConfig, MINIMAL, updateConfig, writeConfig } from '../support/config.js';
import type { Queryable } from '../../src/drivers/driver.js';
import { prefetchAppliedDecks, readAppliedDecks } from '../../src/reconcile/applied-decks.js';

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
