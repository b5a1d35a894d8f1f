// The shortcut must never miss a change: plans and drift computed with the
// rate fingerprints recorded at apply (rows of unchanged plans not read)
// agree with the full row-by-row comparison, whatever was changed in the
// database or in git since the last apply.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { databaseTest } from '../support/databases.js';
import { applyConfig, desiredOf, MINIMAL, updateConfig, writeConfig } from '../support/config.js';
import { makePlan, settingsOf } from '../../src/reconcile/engine.js';
import { publicPlan } from '../../src/reconcile/plan.js';
import { detectDrift } from '../../src/reconcile/drift.js';
import { readLive } from '../../src/reconcile/live.js';
import { diff } from '../../src/reconcile/diff.js';
import type { Queryable } from '../../src/drivers/driver.js';

function deck(seed: number, rows: number): string {
  let out = 'prefix,destination,rate,connectionFee,effectiveDate\n';
  for (let i = 0; i < rows; i++) out += `44${(i * 7 + seed) % 1000},Dest ${i},0.${String(1000 + ((i * 31 + seed) % 9000)).padStart(4, '0')},,${i % 3 === 0 ? '2025-01-01' : ''}\n`;
  return out;
}

const SECOND_PLAN = 'kind: RatingPlan\nname: Spare\ncurrency: GBP\nratesFile: rates/spare.csv\n';

/** Out-of-band changes to the rates of a plan, as SQL. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('rate' as const), n: fc.nat(200) }),
  fc.record({ op: fc.constant('destination' as const), n: fc.nat(200) }),
  fc.record({ op: fc.constant('fee' as const), n: fc.nat(200) }),
  fc.record({ op: fc.constant('delete' as const), n: fc.nat(200) }),
  fc.record({ op: fc.constant('insert' as const), n: fc.nat(200) }),
  fc.record({ op: fc.constant('none' as const), n: fc.constant(0) }),
);

async function mutate(db: Queryable, plan: string, m: { op: string; n: number }): Promise<void> {
  const target = `(SELECT r.ctid FROM customer_rating_plan_rates r JOIN customer_rating_plans p ON p.id = r.rating_plan_id
                    WHERE p.name = $1 ORDER BY r.prefix, r.effective_date OFFSET $2 LIMIT 1)`;
  const n = m.n % 40;
  if (m.op === 'rate') await db.query(`UPDATE customer_rating_plan_rates SET rate = rate + 0.000001 WHERE ctid = ${target}`, [plan, n]);
  if (m.op === 'destination') await db.query(`UPDATE customer_rating_plan_rates SET destination = destination || ' ' WHERE ctid = ${target}`, [plan, n]);
  if (m.op === 'fee') await db.query(`UPDATE customer_rating_plan_rates SET connection_fee = CASE WHEN connection_fee IS NULL THEN 0 ELSE NULL END WHERE ctid = ${target}`, [plan, n]);
  if (m.op === 'delete') await db.query(`DELETE FROM customer_rating_plan_rates WHERE ctid = ${target}`, [plan, n]);
  if (m.op === 'insert') {
    await db.query(`INSERT INTO customer_rating_plan_rates (rating_plan_id, prefix, destination, rate)
                    SELECT id, $2, 'New', 0.5 FROM customer_rating_plans WHERE name = $1`, [plan, `9${n}`]);
  }
}

async function bothWays(db: Queryable, root: string) {
  const desired = await desiredOf(root);
  const s = settingsOf(desired);
  const opts = { prune: false, guards: s.guards, today: '2026-01-01', createdAt: 'x', commit: null, dbDescription: 'test' };
  const fast = publicPlan(await makePlan(db, desired, opts));
  const full = publicPlan(await makePlan(db, desired, { ...opts, fullComparison: true }));
  return { fast, full };
}

databaseTest('plans and drift with fingerprints agree with the full comparison', async (db) => {
  const root = await writeConfig({
    ...MINIMAL, 'spare.yaml': SECOND_PLAN, 'rates/uk-wholesale.csv': deck(1, 40), 'rates/spare.csv': deck(2, 40),
  });
  await applyConfig(db, root);
  let shortcutsTaken = 0;
  await fc.assert(fc.asyncProperty(
    fc.array(fc.tuple(fc.constantFrom('UK Wholesale', 'Spare'), mutation), { maxLength: 3 }),
    fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    fc.boolean(),
    async (mutations, newDeck, reapply) => {
      for (const [plan, m] of mutations) await mutate(db, plan, m);
      if (newDeck !== undefined) await updateConfig(root, { 'rates/spare.csv': deck(newDeck, 30 + newDeck) });
      const { fast, full } = await bothWays(db, root);
      assert.deepEqual(fast.changes, full.changes);
      assert.deepEqual(fast.drift, full.drift);
      assert.deepEqual(fast.summary, full.summary);
      const { live, applied } = await readLive(db, { rates: new Set() });
      const fullDrift = diff({ objects: new Map(), rates: new Map(), origins: new Map() }, live, applied, { prune: false }).drift;
      assert.deepEqual(await detectDrift(db as never), fullDrift);
      if (fast.changes.length === 0) shortcutsTaken++;
      if (reapply) await applyConfig(db, root);
    },
  ), { numRuns: 12, seed: 20261125 });
  assert.ok(shortcutsTaken > 0, 'some runs must exercise the unchanged path');
}, { init: true, timeout: 300_000 });

databaseTest('an unchanged plan is not read row by row, and a changed one is', async (db) => {
  const root = await writeConfig({ ...MINIMAL, 'spare.yaml': SECOND_PLAN, 'rates/spare.csv': deck(2, 10) });
  await applyConfig(db, root);
  const desired = await desiredOf(root);
  const digests = new Map<string, string>();
  const { ratesDigest } = await import('../../src/reconcile/plan.js');
  const { desiredModel } = await import('../../src/reconcile/desired.js');
  for (const [k, rows] of desiredModel(desired).rates) digests.set(k, ratesDigest(rows));
  let read = await readLive(db, { rates: new Set(digests.keys()), skipUnchanged: { desiredDigests: digests } });
  assert.deepEqual([...read.unchangedRates].sort(), ['Spare', 'UK Wholesale']);
  assert.equal(read.live.rates.size, 0);
  await db.query("UPDATE customer_rating_plan_rates SET rate = 0.9 WHERE prefix = '447'");
  read = await readLive(db, { rates: new Set(digests.keys()), skipUnchanged: { desiredDigests: digests } });
  assert.deepEqual([...read.unchangedRates], ['Spare']);
  assert.ok(read.live.rates.has('UK Wholesale'));
}, { init: true });
