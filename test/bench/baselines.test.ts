// The benchmark's PostgreSQL baselines that write to the real rates table
// (a \copy into it, emptied by TRUNCATE; the UPDATE of 1% of its rates) must
// leave every row as it was: they run against the database the benchmark's
// later steps plan against. Run on a real server with psql, as the
// benchmark is; skipped where either is missing.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { baselineSteps, COPY_IN_RATES, COPY_OUT, UPDATE_ONE_PERCENT, updateBaselineStep } from '../../bench/baseline-steps.js';
import { generateConfig } from '../../bench/generate.js';
import type { BenchContext, StepOutcome } from '../../bench/steps.js';
import { applyConfig } from '../support/config.js';
import { databaseTest } from '../support/databases.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const hasPsql = (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && existsSync(join(dir, 'psql')));

let scratch: string;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'didsync-bench-baselines-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

// With each row version's transaction: a write that was committed, even of the same values, shows.
const RATES = `SELECT xmin::text AS version, id, rating_plan_id, prefix, destination, rate::text, connection_fee::text, initial_interval,
                      recurring_interval, effective_date::text, end_date::text
                 FROM customer_rating_plan_rates ORDER BY id`;

databaseTest('the baselines that write to the rates table leave its rows, their fingerprints and the change log as they were', async (db, target, t) => {
  if (!hasPsql) {
    t.skip('psql is not on PATH');
    return;
  }
  const dir = join(scratch, 'config');
  await generateConfig(dir, { carriers: 4, interconnectsPerCarrier: 1, servicesPerCarrier: 1, ratingPlans: 3, rates: 600, seed: 7 });
  await applyConfig(db, dir);
  const rowsBefore = (await db.query(RATES)).rows;
  const printsBefore = (await db.query('SELECT xmin::text AS version, * FROM didsync.rate_prints ORDER BY rating_plan_id')).rows;
  // A write that stayed would also be logged as made outside didsync, and every later plan would read everything.
  const changesBefore = (await db.query('SELECT * FROM didsync.changes ORDER BY id')).rows;
  assert.equal(rowsBefore.length, 600);
  assert.equal(printsBefore.length, 3);

  const ctx: BenchContext = {
    dir, repoRoot: REPO_ROOT, scratch, databaseUrl: target.url,
    options: { carriers: 4, interconnectsPerCarrier: 1, servicesPerCarrier: 1, ratingPlans: 3, rates: 600, seed: 7 },
  };
  const outcomes = new Map<string, StepOutcome>();
  // Every copy baseline in order (the export first, the copy into the rates table last, which removes it); not the naive upsert.
  for (const step of baselineSteps(10)) if (step.name.includes('\\copy')) outcomes.set(step.name, await step.run(ctx));
  outcomes.set(UPDATE_ONE_PERCENT, await updateBaselineStep().run(ctx));

  for (const [name, outcome] of outcomes) assert.equal(outcome.status, 'ok', `${name}: ${outcome.note}`);
  assert.match(outcomes.get(COPY_OUT)!.note ?? '', /^600 rows/);
  assert.match(outcomes.get(COPY_IN_RATES)!.note ?? '', /^600 rows into the rates table/);
  // Every 100th rate of each plan, in key order: 200 rates per plan, so 2 each.
  assert.match(outcomes.get(UPDATE_ONE_PERCENT)!.note ?? '', /^6 rows updated/);
  assert.ok((outcomes.get(UPDATE_ONE_PERCENT) as { seconds: number }).seconds > 0);

  assert.deepEqual((await db.query(RATES)).rows, rowsBefore);
  assert.deepEqual((await db.query('SELECT xmin::text AS version, * FROM didsync.rate_prints ORDER BY rating_plan_id')).rows, printsBefore);
  assert.deepEqual((await db.query('SELECT * FROM didsync.changes ORDER BY id')).rows, changesBefore);
  assert.equal((await db.query("SELECT to_regclass('bench_copy_rates') AS t")).rows[0]?.t, null);
  assert.deepEqual(await readdir(scratch), ['config'], 'the export and the script are removed');
}, { only: 'postgres', init: true });
