// Rates are written set-based: the statements an apply sends to the database
// are the same whether a plan holds three rates or five thousand. The driver
// is the real one; a thin wrapper only counts what passes through it.

import assert from 'node:assert/strict';
import type { Driver, Queryable } from '../../src/drivers/driver.js';
import { applyPlan } from '../../src/reconcile/engine.js';
import { RATES_TABLE, writeRates } from '../../src/reconcile/write-rates.js';
import type { RateRows } from '../../src/reconcile/state.js';
import { StalePlanError } from '../../src/report/errors.js';
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
  // A third of a deck deleted is past the default limit of 25%: the guard is raised, not skipped with --force, so its reads count.
  const root = await writeConfig({ 'carrier.yaml': CARRIER, 'settings.yaml': 'kind: Settings\nguards:\n  maxDeletePercent: 50\n' });
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
  assert.deepEqual(largeEdit.rateStatements.map((s) => s.split(' ')[0]), ['DELETE', 'UPDATE', 'COPY'], 'the guard judges the live rows the plan read (nothing read again), removed keys go in one delete, repriced rows in one update, new keys in one bulk load');
  assert.deepEqual(largeEdit.rateStatements, smallEdit.rateStatements);
  assert.equal(total(largeEdit), total(smallEdit), `3 rates: ${JSON.stringify(smallEdit)}\n5000 rates: ${JSON.stringify(largeEdit)}`);

  const large = await db.query<{ n: number; repriced: number; added: number }>(
    `SELECT count(*)::int AS n, count(*) FILTER (WHERE rate = 0.005)::int AS repriced, count(*) FILTER (WHERE rate = 0.03)::int AS added
       FROM customer_rating_plan_rates r JOIN customer_rating_plans p ON p.id = r.rating_plan_id WHERE p.name = 'Large'`);
  assert.deepEqual(large.rows[0], { n: 5000, repriced: 1666, added: 1666 });
  assert.deepEqual((await planConfig(db, root)).changes, []);
}, { init: true, timeout: 300_000 });

databaseTest('a repriced rate keeps its row id; a removed key goes and a new key gets a new row', async (db) => {
  const root = await writeConfig({ 'carrier.yaml': CARRIER, 'p.yaml': ratingPlan('P', 'p.csv'), 'p.csv': deck(3) });
  await applyConfig(db, root);
  const ids = async () => new Map((await db.query<{ prefix: string; id: string; rate: string }>(
    `SELECT prefix, id, rate::text AS rate FROM ${RATES_TABLE} ORDER BY prefix`)).rows.map((r) => [r.prefix, `${r.id} ${r.rate}`]));
  const before = await ids();
  await updateConfig(root, { 'p.csv': edited(3) });
  await applyConfig(db, root);
  const after = await ids();
  assert.deepEqual([...after.keys()], ['9000001', '9000002', '9000003'], '9000000 removed, 9000003 added');
  assert.equal(after.get('9000001'), `${before.get('9000001')!.split(' ')[0]} 0.005000`, 'repriced in place');
  assert.equal(after.get('9000002'), before.get('9000002'), 'untouched');
  assert.ok(![...before.values()].some((v) => v.startsWith(after.get('9000003')!.split(' ')[0])), 'the new key is a new row');
}, { init: true });

databaseTest('bulk-loaded rates get version 7 ids in the order they are written, each load after the last', async (db) => {
  const root = await writeConfig({ 'carrier.yaml': CARRIER, 'p.yaml': ratingPlan('P', 'p.csv'), 'p.csv': deck(500) });
  await applyConfig(db, root);
  await updateConfig(root, { 'q.yaml': ratingPlan('Q', 'q.csv'), 'q.csv': deck(500, 1000) });
  await applyConfig(db, root);
  const rows = (await db.query<{ id: string; prefix: string }>(`SELECT id, prefix FROM ${RATES_TABLE}`)).rows;
  assert.equal(rows.length, 1000);
  for (const r of rows) assert.match(r.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // Both decks list their prefixes in increasing order, and Q's come after P's.
  const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => r.prefix);
  const byPrefix = rows.map((r) => r.prefix).sort();
  assert.deepEqual(byId, byPrefix);
  assert.equal(await scalar(db, `SELECT count(*)::int FROM ${RATES_TABLE} WHERE id::uuid IS NULL`), 0, 'every id is a uuid to the database too');
}, { init: true });

databaseTest('a bulk load writes the rates of each plan in the order of their key, and the ids follow that order', async (db) => {
  // Two plans in one load, each deck shuffled, some prefixes with several effective dates and one with none.
  const shuffled = (seed: number) => {
    const lines = ['prefix,destination,rate,effectiveDate'];
    for (let i = 0; i < 60; i++) {
      const p = `44${(i * 37 + seed) % 60}`;
      lines.push(`${p},D,0.01,${i % 3 === 0 ? '' : `2025-0${1 + (i % 3)}-01`}`);
      if (i % 10 === 0) lines.push(`${p},D,0.02,2024-12-01`);
    }
    return `${lines.join('\n')}\n`;
  };
  const root = await writeConfig({ 'carrier.yaml': CARRIER, 'p.yaml': ratingPlan('P', 'p.csv'), 'p.csv': shuffled(5), 'q.yaml': ratingPlan('Q', 'q.csv'), 'q.csv': shuffled(11) });
  await applyConfig(db, root);
  const key = (r: { plan: string; prefix: string; date: string | null }) => `${r.plan} ${r.prefix} ${r.date ?? '~'}`;
  const rows = (await db.query<{ id: string; plan: string; prefix: string; date: string | null }>(
    `SELECT id, rating_plan_id AS plan, prefix, effective_date::text AS date FROM ${RATES_TABLE}`)).rows;
  assert.equal(rows.length, 132);
  const byId = [...rows].sort((a, b) => (a.id < b.id ? -1 : 1)).map(key);
  const byKey = rows.map(key).sort();
  assert.deepEqual(byId, byKey);
}, { init: true });

databaseTest('rate writes: a row to change that is gone fails the write; ops without an added count replace every row they hold', async (db) => {
  const root = await writeConfig({ 'carrier.yaml': CARRIER, 'p.yaml': ratingPlan('P', 'p.csv'), 'p.csv': deck(2) });
  await applyConfig(db, root);
  const planRowId = String(await scalar(db, "SELECT id FROM customer_rating_plans WHERE name = 'P'"));
  const rows = (prefixes: string[], rate: string): RateRows => ({
    prefix: prefixes, destination: prefixes.map((p) => `Dest ${p}`), rate: prefixes.map(() => rate), connectionFee: prefixes.map(() => null),
    initialInterval: prefixes.map(() => null), recurringInterval: prefixes.map(() => null), effectiveDate: prefixes.map(() => '2025-01-01'), endDate: prefixes.map(() => null),
  });
  const none = { prefix: [], effectiveDate: [] };
  const rates = async () => (await db.query<{ r: string }>(`SELECT prefix || ' ' || rate::text AS r FROM ${RATES_TABLE} ORDER BY prefix`)).rows.map((x) => x.r);
  await assert.rejects(
    db.transaction((tx) => writeRates(tx, RATES_TABLE, [{ planRowId, ops: { upsert: rows(['9000001', '9000099'], '0.0200'), added: 0, remove: none } }])),
    (e: Error) => e instanceof StalePlanError && /1 of the rates to change are no longer/.test(e.message),
  );
  assert.deepEqual(await rates(), ['9000000 0.010000', '9000001 0.010000'], 'rolled back');
  await db.transaction((tx) => writeRates(tx, RATES_TABLE, [{ planRowId, ops: { upsert: rows(['9000001', '9000099'], '0.0200'), remove: none } }]));
  assert.deepEqual(await rates(), ['9000000 0.010000', '9000001 0.020000', '9000099 0.020000']);
  // One key per statement: removed, changed and new rows of two plans' ops come out as in one statement each.
  await db.transaction((tx) => writeRates(tx, RATES_TABLE, [
    { planRowId, ops: { upsert: rows(['9000005', '9000006', '9000000', '9000001'], '0.0300'), added: 2, remove: { prefix: ['9000099'], effectiveDate: ['2025-01-01'] } } },
    { planRowId, ops: { upsert: rows(['9000007'], '0.0400'), remove: none } },
  ], 1));
  assert.deepEqual(await rates(), ['9000000 0.030000', '9000001 0.030000', '9000005 0.030000', '9000006 0.030000', '9000007 0.040000']);
}, { init: true });
