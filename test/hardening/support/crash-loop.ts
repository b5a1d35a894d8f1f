// Crash consistency: `didsync apply --yes` of a large change, run as a real
// process and killed with SIGKILL at seeded random moments spread over the
// whole run (start-up, validation, planning, the transaction, the commit).
// After every kill the database is exactly the state before or the state
// after the change, never a mix; no advisory lock is left held; the killed
// run's record says 'applied' exactly when its change committed and is
// otherwise left 'running' (or absent) until the next apply closes it as
// interrupted. The apply after the last kill converges and plan is empty.
//
// The two states share hundreds of objects with different fields; one has
// no rates, the other 100,000: each apply updates every object and adds or
// removes every rate. Each kill attempt applies the state the database is
// not in, so a kill that lands after the commit flips the direction of the
// next attempt.

import assert from 'node:assert/strict';
import type { Driver } from '../../../src/drivers/driver.js';
import { createPrng } from '../../../bench/prng.js';
import { runCli, startCli, type CliProcess } from './cli.js';
import { largeConfigs, type Size } from './large-config.js';
import { sleep } from './postgres.js';
import { recordResult } from './results.js';
import { databaseState, whichState, type DatabaseState } from './state.js';

const SEED = 20_260_701;
/** The last statement of an apply's transaction: its run's outcome (runs.ts finishRun). */
export const RUN_RECORD = 'UPDATE didsync.runs SET finished_at = now(), status = $2';


interface RunRow {
  id: number;
  status: string;
  pid: number;
  error: string | null;
}

/** What the loop needs from one kind of database. */
export interface CrashTarget {
  url: string;
  /** Read something from the database (PGlite: opens and closes its folder, which also proves it reopens). */
  read<T>(fn: (db: Driver) => Promise<T>): Promise<T>;
  /** Where the child was when it was killed, when the database can tell. */
  phase?(): Promise<string>;
  /** Wait until the child's session has sent a statement starting with `prefix` (PostgreSQL only). */
  waitForStatement?(prefix: string, child: CliProcess): Promise<boolean>;
  /** After the child died: how long until its session was gone; asserts no lock stays held. */
  settle(): Promise<number>;
}

async function runs(db: Driver): Promise<RunRow[]> {
  const { rows } = await db.query<RunRow>('SELECT id::int AS id, status, pid, error FROM didsync.runs ORDER BY id');
  return rows;
}

export async function crashLoop(name: string, target: CrashTarget, size: Size, kills: number, database: string): Promise<void> {
  const started = performance.now();
  const configs = await largeConfigs(size, { ratesInA: 0 });
  const dirs = { A: configs.a, B: configs.b };
  const changed = `${configs.objects} objects, most of them changed, and ${configs.rates.toLocaleString('en')} rates added or removed`;
  const apply = (which: 'A' | 'B') => ['apply', '-C', dirs[which], '--db', target.url, '--yes', '--force'];

  const first = await runCli(apply('A'));
  assert.equal(first.code, 0, first.stderr);
  const states: Record<'A' | 'B', DatabaseState> = { A: await target.read(databaseState), B: {} };
  const measured = await runCli(apply('B'));
  assert.equal(measured.code, 0, measured.stderr);
  states.B = await target.read(databaseState);
  assert.notDeepEqual(states.A, states.B);
  const duration = measured.ms;

  // Stratified moments: one in each 1/kills of the measured run (its last
  // 5% left out: a run takes a little more or less each time), shuffled. A
  // run that finishes before its moment is retried with an earlier one.
  const prng = createPrng(SEED);
  const moments = Array.from({ length: kills }, (_, i) => 0.95 * (i + prng.next()) / kills);
  for (let i = moments.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [moments[i], moments[j]] = [moments[j], moments[i]];
  }

  // Then moments chosen by what the child does: while it writes its run
  // record (the last statement before COMMIT) and once COMMIT was sent.
  const statements = target.waitForStatement ? [RUN_RECORD, 'COMMIT'] : [];

  let current: 'A' | 'B' = 'B';
  const outcome = { before: 0, after: 0, finished: 0, settleMs: 0, phases: new Map<string, number>() };
  const killedPids: number[] = [];
  for (let attempt = 0; (moments.length > 0 || statements.length > 0) && attempt < 2 * kills + 4; attempt++) {
    const statement = moments.length === 0 ? statements.shift() : undefined;
    const fraction = statement === undefined ? moments.shift()! : 1;
    const next: 'A' | 'B' = current === 'A' ? 'B' : 'A';
    const child = startCli(apply(next));
    if (statement !== undefined) {
      // Polling can miss a statement on a busy machine; the apply then ends
      // on its own and is counted below as finished first, and retried.
      await target.waitForStatement!(statement, child);
    } else {
      await sleep(fraction * duration - (performance.now() - child.startedAt));
    }
    let killed = false;
    if (child.child.exitCode === null) {
      const phase = statement === undefined && target.phase ? await target.phase() : undefined;
      killed = child.child.kill('SIGKILL');
      const where = statement !== undefined ? `after sending ${statement === 'COMMIT' ? 'COMMIT' : 'its run record'}` : phase;
      if (where) outcome.phases.set(where, (outcome.phases.get(where) ?? 0) + 1);
    }
    const result = await child.done;
    if (!killed || result.signal !== 'SIGKILL') {
      // It finished before the moment came: a complete apply.
      assert.equal(result.code, 0, result.stderr);
      outcome.finished++;
      current = next;
      if (statement === undefined) moments.push(fraction * prng.next());
      else statements.unshift(statement);
      continue;
    }
    killedPids.push(child.child.pid!);
    outcome.settleMs = Math.max(outcome.settleMs, await target.settle());
    const { state, rows } = await target.read(async (db) => ({ state: await databaseState(db), rows: await runs(db) }));
    const which = whichState(state, states[current], states[next]);
    assert.ok(which === 'before' || which === 'after', `kill at ${(fraction * 100).toFixed(1)}% left a mixed state: ${JSON.stringify(which)}`);
    outcome[which]++;
    const record = rows.find((r) => r.pid === child.child.pid);
    if (which === 'after') {
      assert.equal(record?.status, 'applied', 'a committed apply is recorded as applied in the same transaction');
      current = next;
    } else {
      assert.ok(record === undefined || record.status === 'running', `the run of a rolled-back apply is ${record?.status}`);
    }
    if (record) {
      // It reached the lock, so it closed every run an earlier kill left open.
      const open = rows.filter((r) => r.status === 'running' && r.id < record.id);
      assert.deepEqual(open, [], 'runs of killed applies are closed by the next apply to take the lock');
    }
  }

  const final = await runCli(apply('B'));
  assert.equal(final.code, 0, final.stderr);
  assert.match(final.stdout, current === 'B' ? /Nothing to apply/ : /Applied: /);
  const plan = await runCli(['plan', '-C', dirs.B, '--db', target.url, '--detailed-exitcode']);
  assert.equal(plan.code, 0, plan.stdout + plan.stderr);
  const end = await target.read(async (db) => ({ state: await databaseState(db), rows: await runs(db) }));
  assert.equal(whichState(end.state, states.A, states.B), 'after');
  assert.deepEqual(end.rows.filter((r) => r.status === 'running'), []);
  const interrupted = end.rows.filter((r) => killedPids.includes(r.pid) && r.status !== 'applied');
  for (const r of interrupted) {
    assert.equal(r.status, 'error');
    assert.match(r.error ?? '', /^interrupted: /);
  }

  const total = outcome.before + outcome.after;
  const planned = kills + (target.waitForStatement ? 2 : 0);
  assert.equal(total, planned, `only ${total} of ${planned} moments fell inside a running apply`);
  recordResult({
    area: 'Faults', fault: `SIGKILL of \`apply --yes\` at random moments (${changed})`,
    database, cases: total,
    outcome: `${outcome.before} at the state before, ${outcome.after} at the state after, 0 mixed; `
      + (outcome.phases.size > 0 ? `killed while ${[...outcome.phases].map(([p, n]) => `${p} ${n}`).join(', ')}; ` : '')
      + `${outcome.finished} finished first; no lock held (sessions gone within ${Math.ceil(outcome.settleMs)} ms); killed runs closed as interrupted; final apply converged, plan empty; one apply ${(duration / 1000).toFixed(1)} s`,
    test: name, seconds: Math.round((performance.now() - started) / 1000),
  });
}
