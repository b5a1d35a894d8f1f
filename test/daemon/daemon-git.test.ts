// `didsync daemon --repo` as a real process over a real git repository:
// a merge is applied; unsigned, forged and wrongly signed webhooks get 401
// and trigger nothing, a push to another branch is ignored, a signed push
// is applied at once; a restart does not re-apply the applied commit; a
// broken commit is refused and recorded while the database keeps the last
// good state, a restart does not retry it, and the fix is applied; /metrics
// counts the runs by outcome, the applies, their duration and changes, the
// last success and the webhooks. SIGTERM ends each process with 0 within
// seconds; the logs are JSON lines without the webhook secret or the
// database password.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { databaseTest } from '../support/databases.js';
import { openPglite } from '../../src/drivers/pglite.js';
import type { Driver } from '../../src/drivers/driver.js';
import { makeOrigin } from './git-support.js';
import { SECRET, withCapacity } from './fixtures.js';
import { githubPush, httpCall, lastRunOf, startDaemon, type DaemonProcess } from './process-support.js';
import { recordResult } from '../hardening/support/results.js';

const NEVER = '0 0 1 1 *';
const DB_PASSWORD = 'pg-pass-never-logged';

/** GET /metrics: the value of one sample, by its name and labels as Prometheus prints them. */
async function metricsOf(url: string): Promise<(sample: string) => number> {
  const answer = await httpCall(`${url}/metrics`, 'GET');
  assert.equal(answer.status, 200);
  const text = String(answer.body);
  return (sample) => {
    const line = text.split('\n').find((l) => l.startsWith(`${sample} `));
    assert.ok(line, `no sample ${sample} in /metrics`);
    return Number(line.slice(sample.length + 1));
  };
}

databaseTest('follows main: applies merges, refuses a broken commit, resumes after restarts', async (db, target, t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit(withCapacity(120), 'ACME at 120');

  let url = target.url;
  if (target.kind === 'pglite') await db.close();
  else {
    // The test server trusts local connections: the password is never checked, only carried, so it must never be logged.
    const u = new URL(url);
    u.password = DB_PASSWORD;
    url = u.toString();
  }
  // Only webhooks trigger here, so a refused one visibly triggers nothing.
  const args = ['--repo', origin.bare, '--workdir', join(origin.base, 'work'), '--db', url, '--schedule', NEVER, '--drift-schedule', NEVER];
  const env = { DIDSYNC_WEBHOOK_SECRET: SECRET };
  const all: DaemonProcess[] = [];
  t.after(async () => { for (const d of all) await d.stop('SIGKILL'); });
  const start = async () => {
    const d = await startDaemon(args, env);
    all.push(d);
    return d;
  };

  const d1 = await start();
  const run1 = await lastRunOf(d1.url, c1);
  assert.equal(run1.status, 'applied');
  assert.equal(run1.trigger, 'daemon');

  const c2 = await origin.commit(withCapacity(150), 'ACME at 150');
  assert.equal((await githubPush(d1.url, 'main', null)).status, 401, 'unsigned');
  assert.equal((await githubPush(d1.url, 'main', null, `sha256=${'0'.repeat(64)}`)).status, 401, 'forged');
  assert.equal((await githubPush(d1.url, 'main', 'a-guessed-secret')).status, 401, 'wrong secret');
  const other = await githubPush(d1.url, 'feature', SECRET);
  assert.equal(other.status, 200);
  assert.match(other.body.ignored, /branch 'feature'/);
  await new Promise((r) => setTimeout(r, 1500));
  assert.equal(d1.logs().filter((e) => e.msg === 'sync job').length, 1, 'only the startup sync ran');
  assert.equal((await lastRunOf(d1.url, c1)).status, 'applied', 'c2 is not applied yet');

  const t0 = performance.now();
  const accepted = await githubPush(d1.url, 'main', SECRET);
  assert.equal(accepted.status, 202);
  const run2 = await lastRunOf(d1.url, c2);
  const webhookToApplied = performance.now() - t0;
  assert.equal(run2.status, 'applied');
  assert.equal(run2.trigger, 'webhook');
  const hook = d1.logs().find((e) => e.msg === 'webhook' && e.trigger === true)!;
  // The run record is finished before the log line and the metrics: wait for the line.
  const done = await d1.waitForLog((e) => e.msg.startsWith('applied') && e.commit === c2.slice(0, 12), 'c2 applied, logged');
  const inDaemon = Date.parse(String(done.time)) - Date.parse(String(hook.time));
  t.diagnostic(`webhook to applied: ${Math.round(webhookToApplied)} ms seen by the client (status polled every 150 ms), ${inDaemon} ms in the daemon`);

  // Two applies, three webhooks refused, one ignored, one accepted: what monitoring sees.
  const m1 = await metricsOf(d1.url);
  assert.equal(m1('didsync_runs_total{outcome="applied"}'), 2);
  for (const outcome of ['no-changes', 'invalid', 'refused', 'rejected', 'failed']) assert.equal(m1(`didsync_runs_total{outcome="${outcome}"}`), 0, outcome);
  assert.equal(m1('didsync_apply_duration_seconds_count'), 2);
  assert.ok(m1('didsync_apply_duration_seconds_sum') > 0);
  assert.ok(m1('didsync_changes_applied_total') >= 2, 'each apply changed something');
  const lastSuccess = m1('didsync_last_success_timestamp_seconds');
  assert.ok(lastSuccess > Date.now() / 1000 - 600 && lastSuccess <= Date.now() / 1000 + 1, `last success at ${lastSuccess}`);
  assert.deepEqual(['unauthorized', 'ignored', 'accepted'].map((r) => m1(`didsync_webhooks_total{result="${r}"}`)), [3, 1, 1]);
  assert.equal(m1('didsync_leader'), 1);

  const stop1 = await d1.stop();
  assert.equal(stop1.code, 0);
  assert.ok(stop1.ms < 10_000, `stopped in ${stop1.ms} ms`);
  t.diagnostic(`SIGTERM to exit: ${stop1.ms} ms`);

  // Restart at the applied commit: nothing is re-applied.
  const d2 = await start();
  await d2.waitForLog((e) => e.msg === 'up to date: this commit is already applied', 'up to date');

  const c3 = await origin.commit(withCapacity(175, { broken: true }), 'ACME at 175, with a typo');
  assert.equal((await githubPush(d2.url, 'main', SECRET)).status, 202);
  const run3 = await lastRunOf(d2.url, c3);
  assert.equal(run3.status, 'failed');
  assert.match(run3.error ?? '', /^invalid config: 1 problem/);
  assert.match(run3.error ?? '', /lon-9/);
  await d2.waitForLog((e) => e.level === 'error' && /config is invalid/.test(e.msg), 'the refusal logged');
  const m2 = await metricsOf(d2.url);
  assert.equal(m2('didsync_runs_total{outcome="invalid"}'), 1);
  assert.equal(m2('didsync_runs_total{outcome="applied"}'), 0);
  assert.equal(m2('didsync_apply_duration_seconds_count'), 0, 'an invalid commit is not applied, so not timed');
  assert.equal(m2('didsync_last_success_timestamp_seconds'), 0, 'this process has not applied anything');
  assert.equal((await d2.stop()).code, 0);

  // Restart at the refused commit: it is not tried (or recorded) again.
  const d3 = await start();
  await d3.waitForLog((e) => e.msg === 'the newest commit was already refused; waiting for the next one', 'refused commit remembered');
  const c4 = await origin.commit(withCapacity(175), 'ACME at 175, fixed');
  assert.equal((await githubPush(d3.url, 'main', SECRET)).status, 202);
  assert.equal((await lastRunOf(d3.url, c4)).status, 'applied');
  const stop3 = await d3.stop('SIGINT');
  assert.equal(stop3.code, 0);

  const check: Driver = target.kind === 'pglite' ? await openPglite({ dataDir: target.url.slice('pglite:'.length) }) : db;
  try {
    const runs = (await check.query<{ commit: string; status: string; trigger: string; plan: any }>(
      'SELECT commit, status, trigger, plan FROM didsync.runs ORDER BY id',
    )).rows;
    assert.deepEqual(runs.map((r) => [r.commit, r.status, r.trigger]), [
      [c1, 'applied', 'daemon'], [c2, 'applied', 'webhook'], [c3, 'failed', 'webhook'], [c4, 'applied', 'webhook'],
    ]);
    // The fix was planned from 150: the broken commit left the last good state in place.
    const carrier = runs[3].plan.changes.find((c: any) => c.kind === 'Carrier');
    assert.deepEqual(carrier.fields.capacityLimit, { from: 150, to: 175 });
    assert.equal((await check.query<{ n: number }>("SELECT capacity_limit AS n FROM carriers WHERE code = 'ACME'")).rows[0].n, 175);
    const author = (await check.query<{ author: string; subject: string }>('SELECT author, subject FROM didsync.runs WHERE commit = $1', [c3])).rows[0];
    assert.deepEqual(author, { author: 'Dana Ops <dana@example.test>', subject: 'ACME at 175, with a typo' });
  } finally {
    if (check !== db) await check.close();
  }

  for (const d of all) {
    const entries = d.logs();
    assert.ok(entries.length > 5);
    const text = d.lines.join('\n');
    assert.ok(!text.includes(SECRET), 'the webhook secret is never logged');
    assert.ok(!text.includes(DB_PASSWORD), 'the database password is never logged');
  }
  recordResult({
    area: 'Secrets', fault: "webhook secret and database password in the daemon's logs (three daemon processes: applies, a refused commit, webhooks, restarts)", database: target.kind, cases: all.length,
    outcome: `${all.reduce((n, d) => n + d.lines.length, 0)} JSON log lines scanned; neither secret in any`,
    test: `follows main: applies merges, refuses a broken commit, resumes after restarts [${target.kind}]`,
  });
}, { init: true, timeout: 150_000 });
