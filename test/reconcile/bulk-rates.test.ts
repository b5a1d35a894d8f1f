// Rates are written set-based: the statements an apply sends to the database
// are the same whether a plan holds three rates or five thousand. The driver
// is the real one; a thin wrapper only counts what passes through it.

import assert from 'node:assert/strict';
import type { Driver, Queryable } from '../../src/drivers/driver.js';
import { applyPlan } from '../../src/reconcile/engine.js';
import { databaseTest } from '../support/databases.js';
import { applyConfig, planConfig, scalar, updateConfig, writeConfig } from '../support/config.js';

const CARRIER = 'kind: Carrier\ncode: ACME\nname: Acme Telecom Ltd\npartnerType: bilateral\nprimaryCurrency: USD\n';

/** Every call that sends the database a statement or a bulk load, by method. */
interface Sent {
  query: number;
  queryArrays: number;
  exec: number;
  copyFrom: number;
  rateStatements: string[];
}

function counted<Q extends Queryable>(inner: Q, sent: Sent): Q {
  return new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (name === 'query' || name === 'queryArrays' || name === 'exec' || name === 'copyFrom') {
          sent[name]++;
          const text = String(args[0]);
          if (/customer_rating_plan_rates/.test(text)) sent.rateStatements.push(name === 'copyFrom' ? `COPY ${text}` : text.split('\n')[0].trim());
        }
        if (name === 'transaction') {
          const fn = args[0] as (tx: Queryable) => Promise<unknown>;
          return (target as unknown as Driver).transaction((tx) => fn(counted(tx, sent)));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Apply `root` as the CLI would, counting what the apply (not the plan) sends. */
async function applyCounting(db: Driver, root: string): Promise<Sent> {
  const plan = await planConfig(db, root);
  const sent: Sent = { query: 0, queryArrays: 0, exec: 0, copyFrom: 0, rateStatements: [] };
  await applyPlan(counted(db, sent), plan, { force: false, lockTimeoutSeconds: 5, run: { trigger: 'cli', command: 'apply' } });
  return sent;
}

function ratingPlan(name: string, file: string): string {
  return `kind: RatingPlan\nname: ${name}\ncurrency: GBP\nratesFile: ${file}\n`;
}

/** A deck of `n` rates; `offset` shifts the prefixes. */
function deck(n: number, offset = 0): string {
  let text = 'prefix,destination,rate,effectiveDate\n';
  for (let i = offset; i < offset + n; i++) text += `9${String(i).padStart(6, '0')},Dest ${i},0.0100,2025-01-01\n`;
  return text;
}

/** The deck after one apply: the first third removed, the second third repriced, as many new rates added. */
function edited(n: number, offset = 0): string {
  const third = Math.floor(n / 3) || 1;
  let text = 'prefix,destination,rate,effectiveDate\n';
  for (let i = third; i < n + third; i++) {
    const rate = i < 2 * third ? '0.0050' : i < n ? '0.0100' : '0.0300';
    text += `9${String(offset + i).padStart(6, '0')},Dest ${offset + i},${rate},2025-01-01\n`;
  }
  return text;
}

function total(s: Sent): number {
  return s.query + s.queryArrays + s.exec + s.copyFrom;
}

databaseTest('an apply sends as many statements for 5,000 rates as for 3', async (db) => {
  const root = await writeConfig({ 'carrier.yaml': CARRIER });
  await applyConfig(db, root);

  // Creating a plan with its rates: the same statements, whatever the deck's size.
  await updateConfig(root, { 'small.yaml': ratingPlan('Small', 'small.csv'), 'small.csv': deck(3) });
  const smallCreate = await applyCounting(db, root);
  await updateConfig(root, { 'large.yaml': ratingPlan('Large', 'large.csv'), 'large.csv': deck(5000, 100_000) });
  const largeCreate = await applyCounting(db, root);
  assert.equal(await scalar(db, "SELECT count(*)::int FROM customer_rating_plan_rates r JOIN customer_rating_plans p ON p.id = r.rating_plan_id WHERE p.name = 'Large'"), 5000);
  assert.ok(largeCreate.copyFrom >= 1, 'the rates went through the bulk load');
  assert.deepEqual(largeCreate.rateStatements, smallCreate.rateStatements);
  assert.equal(total(largeCreate), total(smallCreate), `3 rates: ${JSON.stringify(smallCreate)}\n5000 rates: ${JSON.stringify(largeCreate)}`);

  // Removing, repricing and adding a third of each deck: again the same statements.
  await updateConfig(root, { 'small.csv': edited(3) });
  const smallEdit = await applyCounting(db, root);
  await updateConfig(root, { 'large.csv': edited(5000, 100_000) });
  const largeEdit = await applyCounting(db, root);
  assert.ok(largeEdit.rateStatements.some((s) => s.startsWith('DELETE')), 'removed and changed rates went in one delete');
  assert.deepEqual(largeEdit.rateStatements, smallEdit.rateStatements);
  assert.equal(total(largeEdit), total(smallEdit), `3 rates: ${JSON.stringify(smallEdit)}\n5000 rates: ${JSON.stringify(largeEdit)}`);

  const large = await db.query<{ n: number; repriced: number; added: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE rate = 0.005)::int AS repriced, count(*) FILTER (WHERE rate = 0.03)::int AS added
       FROM customer_rating_plan_rates r JOIN customer_rating_plans p ON p.id = r.rating_plan_id WHERE p.name = 'Large'`);
  assert.deepEqual(large.rows[0], { n: 5000, repriced: 1666, added: 1666 });
  assert.deepEqual((await planConfig(db, root)).changes, []);
}, { init: true, timeout: 300_000 });
