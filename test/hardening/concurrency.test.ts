// Several appliers at once, as real processes: applies are serialised by
// the advisory lock (a waiting apply goes on when the lock is free, or gives
// up cleanly after lockTimeoutSeconds); an apply whose plan another apply
// made stale is refused, naming the objects, and its retry converges;
// shortcodes never collide, also against a writer outside didsync; two
// processes never open one embedded data folder.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { syncConfig } from '../../src/daemon/sync-run.js';
import type { Driver } from '../../src/drivers/driver.js';
import { APPLY_LOCK_KEY } from '../../src/reconcile/engine.js';
import { databaseTest } from '../support/databases.js';
import { scalar, writeConfig } from '../support/config.js';
import { isOneLineError, runCli, startCli, type CliResult } from './support/cli.js';
import { sleep } from './support/postgres.js';
import { recordResult } from './support/results.js';
import { databaseState } from './support/state.js';

/** A carrier with `n` interconnects, one service each, and one rating plan: 2n + 1 shortcodes. */
function carrierConfig(code: string, n: number, settings = ''): Record<string, string> {
  const docs = [`kind: Carrier\ncode: ${code}\nname: ${code} Ltd\npartnerType: bilateral\nstatus: active\nprimaryCurrency: USD\n`];
  for (let i = 1; i <= n; i++) {
    docs.push(`kind: Interconnect\ncarrier: ${code}\nname: ic-${i}\ndirection: both\nprotocol: SIP\n`);
    docs.push(`kind: Service\ncarrier: ${code}\nname: svc-${i}\ninterconnect: ic-${i}\ndirection: egress\nratingPlan: ${code} Plan\n`);
  }
  docs.push(`kind: RatingPlan\nname: ${code} Plan\ncurrency: USD\nrates: [{ prefix: "44", destination: UK, rate: 0.1 }]\n`);
  if (settings) docs.push(`kind: Settings\n${settings}`);
  return { 'config.yaml': docs.join('---\n') };
}

const STALE = /^didsync: refused: the database changed since the plan was made \(\d+ object\(s\): .+\); make a new plan\n$/;

/** Apply until it is not refused as stale (what CI or the daemon does); returns the attempts' results. */
async function applyUntilApplied(args: string[], attempts = 8, first?: Promise<CliResult>): Promise<CliResult[]> {
  const results: CliResult[] = [];
  for (let i = 0; i < attempts; i++) {
    const r = i === 0 && first ? await first : await runCli(args);
    results.push(r);
    if (r.code === 0) return results;
    assert.match(r.stderr, STALE, `an apply failed for another reason:\n${r.stderr}`);
    assert.ok(isOneLineError(r.stderr));
  }
  assert.fail(`no success after ${attempts} attempts`);
}

interface RunSpan {
  id: number;
  status: string;
  started: string;
  ended: string | null;
}

/**
 * Each run from its start (recorded once it holds the lock) to its finish
 * (clock_timestamp() of its last statement, in the apply's transaction just
 * before COMMIT), in start order.
 */
async function runSpans(db: Driver): Promise<RunSpan[]> {
  const { rows } = await db.query<RunSpan>(
    `SELECT id::int AS id, status, to_char(started_at, 'YYYY-MM-DD HH24:MI:SS.US') AS started,
            to_char(finished_at, 'YYYY-MM-DD HH24:MI:SS.US') AS ended
       FROM didsync.runs ORDER BY started_at`,
  );
  return rows;
}

/** Sessions other than this one queued on an advisory lock. */
async function lockWaiters(db: Driver): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid <> pg_backend_pid()",
  );
  return rows[0].n;
}

const RACE = 'four applies at once: serialised by the lock, stale plans refused cleanly and retried, shortcodes unique and gapless';
databaseTest(RACE, async (db, target) => {
  const codes = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA'];
  const roots = await Promise.all(codes.map((c) => writeConfig(carrierConfig(c, 3))));
  const args = (root: string) => ['apply', '-C', root, '--db', target.url, '--yes'];
  // All four start while this session holds the apply lock, so they meet
  // at the lock whatever the machine's speed; without the lock they would
  // run (and end) right away.
  assert.equal(await db.lock(APPLY_LOCK_KEY, 1000), true);
  const first = roots.map((root) => startCli(args(root)));
  let queued = false;
  try {
    for (let i = 0; ; i++) {
      if (await lockWaiters(db) === codes.length) break;
      const ended = first.findIndex((c) => c.child.exitCode !== null);
      if (ended >= 0) assert.fail(`apply ${codes[ended]} ended while another session held the apply lock: applies are not serialised\n${(await first[ended]!.done).stderr}`);
      assert.ok(i < 3000, `only ${await lockWaiters(db)} of ${codes.length} applies queued on the lock`);
      await sleep(20);
    }
    assert.equal(await scalar(db, 'SELECT count(*)::int FROM didsync.runs'), 0, 'no run started while the lock was held');
    queued = true;
  } finally {
    await db.unlock(APPLY_LOCK_KEY);
    if (!queued) for (const c of first) c.child.kill('SIGKILL');
  }
  const runs = await Promise.all(roots.map((root, i) => applyUntilApplied(args(root), 8, first[i]!.done)));
  const refused = runs.reduce((n, r) => n + r.length - 1, 0);

  // One at a time: each run began after the one before it had finished.
  const spans = await runSpans(db);
  assert.equal(spans.length, codes.length + refused, JSON.stringify(spans));
  assert.deepEqual(spans.filter((s) => s.status === 'applied').length, codes.length);
  assert.ok(spans.every((s) => s.ended !== null), 'every run finished');
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i]!.started > spans[i - 1]!.ended!, `runs overlap: ${JSON.stringify(spans[i - 1])} and ${JSON.stringify(spans[i])}`);
  }
  for (const table of ['carrier_interconnects', 'carrier_services', 'customer_rating_plans']) {
    const { rows } = await db.query<{ short_code: string }>(`SELECT short_code FROM ${table} ORDER BY short_code`);
    const prefix = table === 'carrier_interconnects' ? 'I' : table === 'carrier_services' ? 'S' : 'P';
    const expected = table === 'customer_rating_plans' ? 4 : 12;
    assert.equal(rows.length, expected);
    assert.equal(new Set(rows.map((r) => r.short_code)).size, expected, `duplicate shortcodes in ${table}`);
    assert.deepEqual(rows.map((r) => Number(r.short_code.slice(1))).sort((a, b) => a - b), Array.from({ length: expected }, (_, i) => i + 1));
    assert.ok(rows.every((r) => r.short_code.startsWith(prefix)));
  }
  const { rows: constraints } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'u' AND pg_get_constraintdef(oid) = 'UNIQUE (short_code)'",
  );
  assert.equal(constraints[0].n, 3, 'the database itself refuses a duplicate shortcode');
  for (const root of roots) {
    const plan = await runCli(['plan', '-C', root, '--db', target.url, '--detailed-exitcode']);
    assert.equal(plan.code, 0, plan.stdout);
  }
  recordResult({
    area: 'Concurrency', fault: 'four `apply` processes started at once on one database', database: 'postgres', cases: 4,
    outcome: `all four queued on the advisory lock (held by the test) and none ran before it was released; then one at a time: `
      + `${spans.length} runs whose [started_at, finished_at] in didsync.runs do not overlap; `
      + `${refused} attempt(s) refused in one line as stale (plan made before another apply committed) and retried; 28 shortcodes unique and gapless (UNIQUE constraint present)`,
    test: `${RACE} [postgres]`,
  });
}, { init: true, only: 'postgres', timeout: 180_000 });

const WAIT = 'an apply waits for the lock and goes on when it is free, or gives up after lockTimeoutSeconds in one line';
databaseTest(WAIT, async (db, target) => {
  const waiting = await writeConfig(carrierConfig('ECHO', 1));
  assert.equal(await db.lock(APPLY_LOCK_KEY, 1000), true);
  const child = startCli(['apply', '-C', waiting, '--db', target.url, '--yes']);
  // It is queued on the advisory lock, behind this session.
  for (let i = 0; ; i++) {
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid <> pg_backend_pid()",
    );
    if (rows[0].n === 1) break;
    assert.ok(i < 1000 && child.child.exitCode === null, 'the apply never queued on the lock');
    await sleep(20);
  }
  assert.equal(await scalar(db, 'SELECT count(*)::int FROM carriers'), 0);
  await db.unlock(APPLY_LOCK_KEY);
  const result = await child.done;
  assert.equal(result.code, 0, result.stderr);
  assert.equal(await scalar(db, "SELECT count(*)::int FROM carriers WHERE code = 'ECHO'"), 1);

  const timeout = await writeConfig(carrierConfig('FOXTROT', 1, 'lockTimeoutSeconds: 2\n'));
  assert.equal(await db.lock(APPLY_LOCK_KEY, 1000), true);
  const before = await databaseState(db);
  const refused = await runCli(['apply', '-C', timeout, '--db', target.url, '--yes']);
  await db.unlock(APPLY_LOCK_KEY);
  assert.equal(refused.code, 1);
  assert.ok(isOneLineError(refused.stderr), refused.stderr);
  assert.match(refused.stderr, /^didsync: another didsync apply holds the lock on postgres:\/\/[^ ]+; gave up after 2 s\n$/);
  assert.deepEqual(await databaseState(db), before, 'nothing written');
  assert.equal(await scalar(db, 'SELECT status FROM didsync.runs ORDER BY id DESC LIMIT 1'), 'failed');
  recordResult({
    area: 'Concurrency', fault: 'apply while another holds the apply lock', database: 'postgres', cases: 2,
    outcome: 'waited (queued on the advisory lock) and applied once it was released; with lockTimeoutSeconds: 2 gave up after 2 s in one line, nothing written, run recorded as failed',
    test: `${WAIT} [postgres]`,
  });
}, { init: true, only: 'postgres', timeout: 120_000 });

const OUTSIDE = 'a shortcode taken by a writer outside didsync during the apply: one line, nothing written, the retry takes the next number';
databaseTest(OUTSIDE, async (db, target) => {
  const root = await writeConfig(carrierConfig('GOLF', 1));
  assert.equal((await runCli(['apply', '-C', root, '--db', target.url, '--yes'])).code, 0);
  const grown = await writeConfig(carrierConfig('GOLF', 2));
  // DIDTron itself creates an interconnect and takes I2, in a transaction still open when didsync inserts.
  const outside = await target.connect();
  const carrierId = await scalar<string>(db, "SELECT id FROM carriers WHERE code = 'GOLF'");
  await outside.exec('BEGIN');
  await outside.query(
    "INSERT INTO carrier_interconnects (id, carrier_id, name, short_code, direction, protocol) VALUES ('outside-1', $1, 'made-in-didtron', 'I2', 'both', 'SIP')",
    [carrierId],
  );
  const before = await databaseState(db);
  const child = startCli(['apply', '-C', grown, '--db', target.url, '--yes']);
  for (let i = 0; ; i++) {
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
    );
    if (rows[0].n > 0) break;
    assert.ok(i < 1500 && child.child.exitCode === null, 'the apply never waited on the outside insert');
    await sleep(20);
  }
  await outside.exec('COMMIT');
  const failed = await child.done;
  assert.equal(failed.code, 1);
  assert.ok(isOneLineError(failed.stderr), failed.stderr);
  assert.match(failed.stderr, /duplicate key value violates unique constraint "carrier_interconnects_short_code_key".*\[SQLSTATE 23505\]/);
  const after = await databaseState(db);
  assert.notDeepEqual(after['public.carrier_interconnects'], before['public.carrier_interconnects'], 'the outside row is there');
  assert.equal(await scalar(db, "SELECT count(*)::int FROM carrier_interconnects WHERE name = 'ic-2'"), 0, 'nothing of the apply was written');
  assert.equal((await runCli(['apply', '-C', grown, '--db', target.url, '--yes'])).code, 0);
  const { rows } = await db.query<{ name: string; short_code: string }>('SELECT name, short_code FROM carrier_interconnects ORDER BY short_code');
  assert.deepEqual(rows.map((r) => [r.name, r.short_code]), [['ic-1', 'I1'], ['made-in-didtron', 'I2'], ['ic-2', 'I3']]);
  recordResult({
    area: 'Concurrency', fault: 'shortcode taken by a writer outside didsync while an apply runs', database: 'postgres', cases: 1,
    outcome: 'the UNIQUE constraint refused the collision: exit 1 in one line (SQLSTATE 23505), nothing of the apply written; the retry took the next free number',
    test: `${OUTSIDE} [postgres]`,
  });
}, { init: true, only: 'postgres', timeout: 120_000 });

const SAVED = 'a saved plan applied after another apply changed the database is refused, naming the objects';
databaseTest(SAVED, async (db, target) => {
  const base = carrierConfig('HOTEL', 2)['config.yaml'];
  const root = await writeConfig({ 'config.yaml': base });
  assert.equal((await runCli(['apply', '-C', root, '--db', target.url, '--yes'])).code, 0);
  const edited = await writeConfig({ 'config.yaml': base.replace('name: HOTEL Ltd', 'name: Hotel Group Ltd') });
  const planFile = join(edited, 'plan.json');
  assert.equal((await runCli(['plan', '-C', edited, '--db', target.url, '--out', planFile])).code, 0);
  // Someone else applies a change to other objects of the same carrier.
  const other = await writeConfig({ 'config.yaml': base.replace(/name: ic-1\ndirection: both/, 'name: ic-1\ndirection: ingress').replace(/name: svc-1\ninterconnect: ic-1\ndirection: egress/, 'name: svc-1\ninterconnect: ic-1\ndirection: ingress') });
  const otherApply = await runCli(['apply', '-C', other, '--db', target.url, '--yes']);
  assert.equal(otherApply.code, 0, otherApply.stderr);
  const before = await databaseState(db);
  const stale = await runCli(['apply', '--plan', planFile, '--db', target.url, '--yes']);
  assert.equal(stale.code, 1);
  assert.ok(isOneLineError(stale.stderr), stale.stderr);
  assert.match(stale.stderr, STALE);
  assert.match(stale.stderr, /Interconnect HOTEL\/ic-1/);
  assert.match(stale.stderr, /Service HOTEL\/svc-1/);
  assert.doesNotMatch(stale.stderr, /Carrier HOTEL\b/, 'the carrier itself did not change');
  assert.deepEqual(await databaseState(db), before, 'nothing written');
  assert.equal(await scalar(db, 'SELECT status FROM didsync.runs ORDER BY id DESC LIMIT 1'), 'refused');
  assert.ok((await readFile(planFile, 'utf8')).length > 0);
  recordResult({
    area: 'Concurrency', fault: '`apply --plan FILE` after another apply changed the database', database: 'postgres', cases: 1,
    outcome: 'refused in one line naming the changed objects (Interconnect HOTEL/ic-1, Service HOTEL/svc-1), nothing written, run recorded as refused',
    test: `${SAVED} [postgres]`,
  });
}, { init: true, only: 'postgres', timeout: 120_000 });

const REPLAN = 'the daemon plans again when another apply commits between its plan and its apply';
databaseTest(REPLAN, async (db, target) => {
  const other = await writeConfig(carrierConfig('NOVEMBER', 1));
  assert.equal((await runCli(['apply', '-C', other, '--db', target.url, '--yes'])).code, 0);
  const root = await writeConfig(carrierConfig('OSCAR', 2));
  const worker = await target.connect();
  try {
    assert.equal(await db.lock(APPLY_LOCK_KEY, 1000), true);
    const sync = syncConfig(worker, { root, run: { trigger: 'daemon', command: 'daemon' }, recordUnchanged: false });
    // Its plan is made; it waits for the lock behind this session.
    for (let i = 0; ; i++) {
      const { rows } = await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND pid <> pg_backend_pid()",
      );
      if (rows[0].n === 1) break;
      assert.ok(i < 1000, 'the sync never queued on the lock');
      await sleep(20);
    }
    // Another applier's change lands first.
    await db.query("UPDATE carriers SET name = 'November Group' WHERE code = 'NOVEMBER'");
    await db.unlock(APPLY_LOCK_KEY);
    const result = await sync;
    assert.equal(result.outcome, 'applied', JSON.stringify(result.outcome === 'refused' ? result.error : result.outcome));
    const runs = (await db.query<{ status: string; error: string | null }>("SELECT status, error FROM didsync.runs WHERE trigger = 'daemon' ORDER BY id")).rows;
    assert.deepEqual(runs.map((r) => r.status), ['refused', 'applied']);
    assert.match(runs[0].error ?? '', /changed since the plan was made \(1 object\(s\): Carrier NOVEMBER\)/);
    assert.equal(await scalar(db, "SELECT count(*)::int FROM carriers WHERE code = 'OSCAR'"), 1);
    recordResult({
      area: 'Concurrency', fault: "another writer commits between the daemon's plan and its apply", database: 'postgres', cases: 1,
      outcome: 'the stale plan refused and recorded (naming Carrier NOVEMBER), planned again at once and applied; the commit was not skipped',
      test: `${REPLAN} [postgres]`,
    });
  } finally {
    await worker.close();
  }
}, { init: true, only: 'postgres', timeout: 120_000 });

const DAEMON = 'a daemon and manual applies at once: serialised, shortcodes unique and gapless, each config applied once';
databaseTest(DAEMON, async (db, target) => {
  const watched = await writeConfig(carrierConfig('KILO', 15));
  const manual = await Promise.all(['LIMA', 'MIKE'].map((c) => writeConfig(carrierConfig(c, 5))));
  const daemon = startCli(['daemon', '--watch', watched, '--db', target.url, '--listen', '127.0.0.1:0', '--drift-schedule', '0 0 1 1 *']);
  try {
    const runs = await Promise.all(manual.map((root) => applyUntilApplied(['apply', '-C', root, '--db', target.url, '--yes'])));
    for (let i = 0; ; i++) {
      const applied = await scalar<number>(db, "SELECT count(*)::int FROM didsync.runs WHERE trigger = 'watch' AND status = 'applied'");
      if (applied > 0) break;
      if (daemon.child.exitCode !== null) assert.fail(`the daemon exited:\n${(await daemon.done).stderr}`);
      if (i >= 1500) assert.fail(`the daemon never applied; runs: ${JSON.stringify((await db.query('SELECT trigger, status, error FROM didsync.runs ORDER BY id')).rows)}`);
      await sleep(20);
    }
    daemon.child.kill('SIGTERM');
    assert.equal((await daemon.done).code, 0);
    for (const [table, prefix, expected] of [['carrier_interconnects', 'I', 25], ['carrier_services', 'S', 25], ['customer_rating_plans', 'P', 3]] as const) {
      const { rows } = await db.query<{ short_code: string }>(`SELECT short_code FROM ${table}`);
      assert.deepEqual(rows.map((r) => Number(r.short_code.slice(1))).sort((a, b) => a - b), Array.from({ length: expected }, (_, i) => i + 1), `shortcodes of ${table}`);
      assert.ok(rows.every((r) => r.short_code.startsWith(prefix)));
    }
    assert.equal(await scalar(db, "SELECT count(*)::int FROM didsync.runs WHERE status = 'applied' AND trigger = 'watch'"), 1, 'the daemon applied its config once');
    assert.equal(await scalar(db, "SELECT count(*)::int FROM didsync.runs WHERE status = 'running'"), 0, 'no run left open');
    for (const root of [watched, ...manual]) {
      const plan = await runCli(['plan', '-C', root, '--db', target.url, '--detailed-exitcode']);
      assert.equal(plan.code, 0, plan.stdout);
    }
    const refused = runs.reduce((n, r) => n + r.length - 1, 0);
    recordResult({
      area: 'Concurrency', fault: 'a daemon (watch mode) and two manual `apply` processes started at once on one database', database: 'postgres', cases: 3,
      outcome: `all applied, the daemon once; ${refused} manual attempt(s) refused in one line as stale and retried; 53 shortcodes unique and gapless; every plan then empty`,
      test: `${DAEMON} [postgres]`,
    });
  } finally {
    if (daemon.child.exitCode === null) daemon.child.kill('SIGKILL');
  }
}, { init: true, only: 'postgres', timeout: 120_000 });

const FOLDER = 'two processes on one embedded data folder: the second refuses in one line, then succeeds';
databaseTest(FOLDER, async (db, target) => {
  await db.close();
  const first = await writeConfig(carrierConfig('INDIA', 20));
  const second = await writeConfig(carrierConfig('JULIET', 1));
  // The holder is a daemon: it keeps the folder open until it is stopped, so
  // the second process meets it whatever the machine's speed (a one-shot
  // apply could end before the second process has started).
  const holder = startCli(['daemon', '--watch', first, '--db', target.url, '--listen', '127.0.0.1:0', '--drift-schedule', '0 0 1 1 *']);
  const dir = target.url.slice('pglite:'.length);
  for (let i = 0; ; i++) {
    const claimed = await readFile(join(dir, 'didsync.lock'), 'utf8').catch(() => '');
    if (claimed.trim() === String(holder.child.pid)) break;
    assert.ok(i < 3000 && holder.child.exitCode === null, 'the daemon never opened the folder');
    await sleep(10);
  }
  const refused = await runCli(['apply', '-C', second, '--db', target.url, '--yes']);
  assert.equal(refused.code, 1, refused.stderr);
  assert.ok(isOneLineError(refused.stderr), refused.stderr);
  assert.match(refused.stderr, new RegExp(`is in use by process ${holder.child.pid}; stop it or use --db`));
  holder.child.kill('SIGTERM');
  assert.equal((await holder.done).code, 0);
  const later = await runCli(['apply', '-C', second, '--db', target.url, '--yes']);
  assert.equal(later.code, 0, later.stderr);
  recordResult({
    area: 'Concurrency', fault: 'two processes on one embedded (PGlite) data folder', database: 'pglite', cases: 1,
    outcome: 'the second refused in one line naming the holder, the folder was never opened twice; after the first ended the second applied',
    test: `${FOLDER} [pglite]`,
  });
}, { init: true, only: 'pglite', timeout: 120_000 });

