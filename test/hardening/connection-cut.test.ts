// The database connection cut under a running `plan` or `apply` (the server
// terminating its backend with pg_terminate_backend, as a restart or a
// failover does), at seeded random moments between its connect and its
// expected end: the command fails with one clear line and exit 1, never a
// stack trace; the database is at the state before or after, never a mix;
// a committed apply is recorded as applied; the retry converges.

import assert from 'node:assert/strict';
import { createPrng } from '../../bench/prng.js';
import { databaseTest } from '../support/databases.js';
import { isOneLineError, runCli, startCli } from './support/cli.js';
import { largeConfigs } from './support/large-config.js';
import { advisoryLocks, sleep, terminate, waitForBackend, waitForNoOtherBackends } from './support/postgres.js';
import { recordResult } from './support/results.js';
import { databaseState, whichState } from './support/state.js';

const PLAN_CUTS = 5;
const APPLY_CUTS = 8;

const NAME = 'connections cut at random moments of plan and apply: one clear line, exit 1, before or after, the retry converges';
databaseTest(NAME, async (db, target, t) => {
  const started = performance.now();
  const configs = await largeConfigs({ carriers: 30, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 6, rates: 30_000 });
  const dirs = { A: configs.a, B: configs.b };
  const apply = (which: 'A' | 'B') => ['apply', '-C', dirs[which], '--db', target.url, '--yes', '--force'];
  const plan = (which: 'A' | 'B') => ['plan', '-C', dirs[which], '--db', target.url];

  assert.equal((await runCli(apply('A'))).code, 0);
  const states = { A: await databaseState(db), B: {} as Record<string, string> };
  const timedPlan = await runCli(plan('B'));
  assert.equal(timedPlan.code, 0, timedPlan.stderr);
  const timedApply = await runCli(apply('B'));
  assert.equal(timedApply.code, 0, timedApply.stderr);
  states.B = await databaseState(db);
  let current: 'A' | 'B' = 'B';

  const prng = createPrng(4242);
  const counts = { plan: { cut: 0, finished: 0 }, apply: { cut: 0, finished: 0, before: 0, after: 0 } };
  const messages = new Set<string>();
  const jobs = [...Array<'plan'>(PLAN_CUTS).fill('plan'), ...Array<'apply'>(APPLY_CUTS).fill('apply')];
  for (const [i, job] of jobs.entries()) {
    // A command that finished before its cut is retried with the cut earlier (the timed run may have
    // been slower than the later ones), so every stratum gets its cut on a fast machine too.
    for (let attempt = 0, scale = 1; attempt < 4; attempt++, scale /= 2) {
      const next: 'A' | 'B' = current === 'A' ? 'B' : 'A';
      const duration = job === 'plan' ? timedPlan.ms : timedApply.ms;
      const child = startCli(job === 'plan' ? plan(next) : apply(next));
      const pid = await waitForBackend(db, []);
      assert.ok(pid !== undefined, 'the child connected');
      // Stratified over the time between its connect and its expected end.
      const left = duration - (performance.now() - child.startedAt);
      await sleep(scale * ((i % (job === 'plan' ? PLAN_CUTS : APPLY_CUTS)) + prng.next()) / (job === 'plan' ? PLAN_CUTS : APPLY_CUTS) * left);
      const terminated = await terminate(db, pid);
      const result = await child.done;
      await waitForNoOtherBackends(db);
      assert.equal(await advisoryLocks(db), 0);
      const which = whichState(await databaseState(db), states[current], states[next]);
      assert.ok(which === 'before' || which === 'after', `a cut left a mixed state: ${JSON.stringify(which)}`);
      if (job === 'plan') assert.equal(which, 'before', 'plan never writes');
      if (result.code === 0) {
        counts[job].finished++;
        if (job === 'apply') {
          assert.equal(which, 'after');
          current = next;
        }
        continue;
      }
      assert.ok(terminated, 'a command failed without its connection being cut');
      assert.equal(result.code, 1);
      assert.ok(isOneLineError(result.stderr), `not one clear line:\n${result.stderr}`);
      assert.match(result.stderr, /connection|terminat/i);
      messages.add(result.stderr.trim());
      counts[job].cut++;
      if (job === 'apply') {
        counts.apply[which]++;
        const { rows } = await db.query<{ status: string }>('SELECT status FROM didsync.runs WHERE pid = $1', [child.child.pid]);
        if (which === 'after') {
          // Cut after COMMIT: the change and its record committed together.
          assert.deepEqual(rows.map((r) => r.status), ['applied']);
          current = next;
        } else {
          assert.ok(rows.every((r) => r.status !== 'applied'), 'a rolled-back apply is not recorded as applied');
        }
      }
      break;
    }
  }
  // The retry converges, and closes the runs the cuts left open.
  const retry = await runCli(apply('B'));
  assert.equal(retry.code, 0, retry.stderr);
  assert.equal(whichState(await databaseState(db), states.A, states.B), 'after');
  const planned = await runCli(['plan', '-C', dirs.B, '--db', target.url, '--detailed-exitcode']);
  assert.equal(planned.code, 0, planned.stdout);
  const open = await db.query("SELECT id FROM didsync.runs WHERE status = 'running'");
  assert.equal(open.rows.length, 0);

  assert.ok(counts.plan.cut >= 3 && counts.apply.cut >= 5, JSON.stringify(counts));
  t.diagnostic(`messages: ${[...messages].join(' | ')}`);
  recordResult({
    area: 'Faults', fault: 'connection cut (pg_terminate_backend) during `plan`', database: 'postgres', cases: counts.plan.cut,
    outcome: `exit 1 with one line, no stack trace, nothing written; ${counts.plan.finished} finished before the cut`,
    test: `${NAME} [postgres]`,
  });
  recordResult({
    area: 'Faults', fault: `connection cut (pg_terminate_backend) during \`apply --yes\` (${configs.objects} objects, ${configs.rates.toLocaleString('en')} rates)`,
    database: 'postgres', cases: counts.apply.cut,
    outcome: `exit 1 with one line (${messages.size} distinct messages), ${counts.apply.before} at the state before, ${counts.apply.after} after, 0 mixed; `
      + `${counts.apply.finished} finished before the cut; no lock held; retry converged, plan empty, no run left running`,
    test: `${NAME} [postgres]`, seconds: Math.round((performance.now() - started) / 1000),
  });
}, { init: true, only: 'postgres', timeout: 300_000 });
