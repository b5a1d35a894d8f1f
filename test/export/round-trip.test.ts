// `export` as the way in: the same database gives the same bytes; export
// then plan shows nothing to change; on a database didsync has never seen,
// `export --all` then apply adopts every row and changes nothing else (no
// field, no rate, no row id). For the examples and for random contents.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import fc from 'fast-check';
import { databaseTest } from '../support/databases.js';
import { applyConfig, copyExamples, planConfig } from '../support/config.js';
import type { Driver, Queryable } from '../../src/drivers/driver.js';
import { exportDatabase } from '../../src/export/export.js';
import { writeTree, type ExportFile } from '../../src/export/write-tree.js';
import { validateRoot } from '../../src/validate/index.js';
import { quotedTableName, tableDefs } from '../../src/db/ddl.js';
import type { Plan } from '../../src/reconcile/plan.js';
import { contentArb, insertContent } from './random-database.js';

const scratch: string[] = [];
// reset() removes a run's folders before the next; the last run's go here.
after(() => Promise.all(scratch.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))));

async function exportTo(db: Queryable, all: boolean): Promise<{ dir: string; files: ExportFile[] }> {
  const { files, skipped } = await exportDatabase(db, { all });
  assert.deepEqual(skipped, []);
  const dir = await mkdtemp(join(tmpdir(), 'didsync-export-'));
  scratch.push(dir);
  await writeTree(dir, files);
  return { dir, files };
}

async function assertValid(dir: string): Promise<void> {
  const { problems } = await validateRoot(dir);
  assert.deepEqual(problems.map((p) => `${p.file}:${p.line} ${p.path} ${p.message}`), [], 'the exported config validates');
}

/** Every DIDTron table (not didsync's bookkeeping), rows ordered by id; timestamps DIDTron sets left out. */
async function snapshot(db: Queryable): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of tableDefs()) {
    if (t.schema) continue;
    const { rows } = await db.query(`SELECT * FROM ${quotedTableName(t)} ORDER BY id`);
    out[t.table] = rows.map(({ updated_at: _u, ...row }) => row);
  }
  return out;
}

/** Forget that didsync manages anything: the database as DIDTron alone would have left it. */
async function forgetBookkeeping(db: Queryable): Promise<void> {
  await db.query('DELETE FROM didsync.managed');
  await db.query('DELETE FROM didsync.applied_decks');
}

function onlyAdopts(plan: Plan): void {
  const other = plan.changes.filter((c) => c.action !== 'adopt' || Object.keys(c.fields).length > 0
    || (c.rates !== undefined && c.rates.added + c.rates.changed + c.rates.removed > 0));
  assert.deepEqual(other.map((c) => ({ action: c.action, kind: c.kind, key: c.key, fields: c.fields, rates: c.rates })), [], 'nothing but adopts without changes');
}

databaseTest('export of the managed examples: same bytes twice, and plan shows no changes', async (db) => {
  await applyConfig(db, await copyExamples());
  const first = await exportTo(db, false);
  const second = await exportTo(db, false);
  assert.deepEqual(second.files, first.files);
  assert.ok(first.files.some((f) => f.path === 'carriers/acme.yaml'));
  await assertValid(first.dir);
  const plan = await planConfig(db, first.dir);
  assert.deepEqual(plan.changes, []);
  assert.deepEqual(plan.orphans, []);
}, { init: true, timeout: 180_000 });

databaseTest('adopting a database didsync never managed: export --all, the first apply adopts every row and changes nothing', async (db) => {
  await applyConfig(db, await copyExamples());
  await forgetBookkeeping(db);
  const before = await snapshot(db);
  const { dir } = await exportTo(db, true);
  await assertValid(dir);
  const plan = await planConfig(db, dir);
  onlyAdopts(plan);
  assert.equal(plan.summary.adopt, 43);
  await applyConfig(db, dir);
  assert.deepEqual(await snapshot(db), before, 'no row, value or id changed');
  assert.equal(await managedCount(db), 43);
  assert.deepEqual((await planConfig(db, dir)).changes, []);
}, { init: true, timeout: 180_000 });

databaseTest('random database contents: export --all, plan adopts only, apply changes nothing, plan is then empty', async (db) => {
  let runs = 0;
  await fc.assert(fc.asyncProperty(contentArb, async (content) => {
    runs++;
    await reset(db);
    await insertContent(db, content);
    const before = await snapshot(db);
    const first = await exportTo(db, true);
    const again = await exportDatabase(db, { all: true });
    assert.deepEqual(again.files, first.files, 'same database, same bytes');
    await assertValid(first.dir);
    const plan = await planConfig(db, first.dir);
    onlyAdopts(plan);
    const objects = content.categories.length + content.groups.length + content.plans.length
      + content.carriers.reduce((n, c) => n + 1 + c.interconnects.length + c.services.length, 0);
    assert.equal(plan.summary.adopt, objects);
    await applyConfig(db, first.dir);
    assert.deepEqual(await snapshot(db), before, 'no row, value or id changed');
    assert.deepEqual((await planConfig(db, first.dir)).changes, []);
  }), { numRuns: Number(process.env.DIDSYNC_PROPERTY_RUNS ?? 25), includeErrorInReport: true });
  assert.ok(runs > 0);
}, { init: true, timeout: 600_000 });

async function managedCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM didsync.managed');
  return rows[0].n;
}

/** Empty every table but the currencies, between property runs. */
async function reset(db: Driver): Promise<void> {
  const tables = tableDefs().filter((t) => t.table !== 'currencies' && t.table !== 'meta').map(quotedTableName);
  await db.query(`TRUNCATE ${tables.join(', ')} CASCADE`);
  for (const dir of scratch.splice(0)) await rm(dir, { recursive: true, force: true });
}
