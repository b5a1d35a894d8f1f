// What the daemon does when the database itself says no, on real processes
// over a real git repository, with a real trigger on carriers: a value the
// trigger refuses (capacity 777, RAISE EXCEPTION: SQLSTATE P0001) fails the
// same way every time, so it is recorded failed once, not re-applied on the
// following schedule ticks nor after a restart, and the next commit is
// applied. A value the trigger answers with a serialisation failure
// (capacity 888, SQLSTATE 40001) is a transient fault: it is retried with
// backoff, and the every-second schedule waits for the backoff instead of
// retrying on each tick. Every log line of a run names it.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { databaseTest } from '../support/databases.js';
import type { Driver } from '../../src/drivers/driver.js';
import { makeOrigin } from './git-support.js';
import { SECRET, withCapacity } from './fixtures.js';
import { daemonStarter, databaseInspector, githubPush, lastRunOf, type LogEntry } from './process-support.js';

const EVERY_SECOND = '* * * * * *';
const NEVER = '0 0 1 1 *';

const TRIGGER = `
  CREATE FUNCTION test_carrier_rules() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.capacity_limit = 777 THEN
      RAISE EXCEPTION 'capacity 777 is not allowed on this switch';
    END IF;
    IF NEW.capacity_limit = 888 THEN
      RAISE EXCEPTION 'could not serialize access (staged by the test)' USING ERRCODE = '40001';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER test_carrier_rules BEFORE INSERT OR UPDATE ON carriers FOR EACH ROW EXECUTE FUNCTION test_carrier_rules();
`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

databaseTest('a commit the database rejects is recorded failed once and settled; a transient fault is retried with backoff', async (db, target, t) => {
  await db.exec(TRIGGER);
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit(withCapacity(120), 'ACME at 120');
  const pglite = target.kind === 'pglite';
  if (pglite) await db.close();
  const args = ['--repo', origin.bare, '--workdir', join(origin.base, 'work'), '--db', target.url, '--schedule', EVERY_SECOND, '--drift-schedule', NEVER];
  const start = daemonStarter(t, args, { DIDSYNC_WEBHOOK_SECRET: SECRET });
  const withDb = databaseInspector(db, target);
  const of = (entries: LogEntry[], commit: string, msg: string | RegExp) =>
    entries.filter((e) => e.commit === commit.slice(0, 12) && (typeof msg === 'string' ? e.msg === msg : msg.test(e.msg)));

  const d1 = await start();
  assert.equal((await lastRunOf(d1.url, c1)).status, 'applied');

  // Rejected: one failed run, then the schedule ticks (every second) leave it alone.
  const c2 = await origin.commit(withCapacity(777), 'ACME at 777');
  const failed = await lastRunOf(d1.url, c2, 'failed');
  assert.match(failed.error ?? '', /capacity 777 is not allowed[^]*\[SQLSTATE P0001\]$/);
  const rejected = await d1.waitForLog((e) => /database rejected the apply/.test(e.msg), 'the rejection logged');
  assert.equal(rejected.sqlstate, 'P0001');
  assert.equal(typeof rejected.runId, 'number');
  assert.equal(typeof rejected.runRef, 'string');
  await sleep(4_500);
  assert.equal(of(d1.logs(), c2, 'new commit').length, 1, 'tried once in 4.5 s of ticks');
  assert.ok(!d1.logs().some((e) => /failed; retrying/.test(e.msg)), 'a rejection is not a fault to retry');
  assert.equal((await d1.stop()).code, 0);

  // A restart does not try it again either.
  const d2 = await start();
  await d2.waitForLog((e) => e.msg === 'the newest commit was already refused; waiting for the next one', 'rejected commit remembered');
  await sleep(2_000);
  assert.equal(of(d2.logs(), c2, 'new commit').length, 0);

  // The next commit is applied normally, planned from the last good state.
  const c3 = await origin.commit(withCapacity(130), 'ACME at 130');
  assert.equal((await lastRunOf(d2.url, c3)).status, 'applied');

  // Transient: retried, at backed-off times (1 s, 2 s, 4 s, …), not on every one of the ticks.
  const c4 = await origin.commit(withCapacity(888), 'ACME at 888');
  const first = await d2.waitForLog((e) => e.commit === c4.slice(0, 12) && e.msg === 'new commit', 'the transient commit tried');
  const t0 = Date.parse(String(first.time));
  await sleep(7_500);
  const attempts = of(d2.logs(), c4, 'new commit').filter((e) => Date.parse(String(e.time)) - t0 <= 7_000);
  const retries = d2.logs().filter((e) => e.msg === 'sync failed; retrying');
  t.diagnostic(`transient fault: ${attempts.length} attempts in 7 s under an every-second schedule; waits ${retries.map((e) => e.retryInMs).join(', ')} ms`);
  assert.ok(attempts.length >= 2, `retried: ${attempts.length} attempt(s)`);
  assert.ok(attempts.length <= 5, `the schedule respected the backoff: ${attempts.length} attempts in 7 s`);
  for (const r of retries) {
    assert.equal(typeof r.runRef, 'string', 'a retry warning names its run');
    assert.equal(typeof r.runId, 'number', 'and its record');
    assert.match(String(r.error), /SQLSTATE 40001/);
  }

  // A fix commit, announced by a webhook, is applied without waiting out the backoff.
  const c5 = await origin.commit(withCapacity(140), 'ACME at 140');
  assert.equal((await githubPush(d2.url, 'main', SECRET)).status, 202);
  assert.equal((await lastRunOf(d2.url, c5)).status, 'applied');
  assert.equal((await d2.stop()).code, 0);

  // Every line about a run carries its correlation id; its outcome lines carry its record's id too.
  for (const d of start.started) {
    for (const e of d.logs()) {
      if (e.msg === 'new commit' || /^applied|rejected|failed; retrying/.test(e.msg)) assert.equal(typeof e.runRef, 'string', JSON.stringify(e));
      if (/^applied|rejected/.test(e.msg)) assert.equal(typeof e.runId, 'number', JSON.stringify(e));
    }
  }

  await withDb(async (d) => {
    const runs = (await d.query<{ commit: string; status: string }>('SELECT commit, status FROM didsync.runs ORDER BY id')).rows;
    const c2Runs = runs.filter((r) => r.commit === c2);
    assert.deepEqual(c2Runs.map((r) => r.status), ['failed'], 'exactly one run of the rejected commit');
    const c4Runs = runs.filter((r) => r.commit === c4);
    assert.ok(c4Runs.length >= 2 && c4Runs.every((r) => r.status === 'failed'), JSON.stringify(c4Runs));
    assert.deepEqual(runs.filter((r) => r.status === 'applied').map((r) => r.commit), [c1, c3, c5]);
    assert.equal((await d.query<{ n: number }>("SELECT capacity_limit AS n FROM carriers WHERE code = 'ACME'")).rows[0].n, 140);
  });
}, { init: true, timeout: 150_000 });
