// Crash consistency: `didsync apply --yes` of a large change, run as a real
// process and killed with SIGKILL at seeded random moments of its write
// phase. After every kill the database is exactly the state before or the
// state after the change, never a mix; no advisory lock is left held; the
// killed run's record says 'applied' exactly when its change committed and
// is otherwise left 'running' (or absent) until the next apply closes it as
// interrupted. The apply after the last kill converges and plan is empty.
//
// The write phase is measured, per direction, on one full apply each way:
// from the moment the target sees the child start writing (PostgreSQL: a
// transaction id on its backend; PGlite, which cannot be watched from
// outside: the plan printed, just before the apply's transaction) to its
// COMMIT (PostgreSQL) or its exit (PGlite). Each kill waits for that same
// moment in its own run and then a stratified random share of the phase,
// so the kills land while it writes, not while it starts up or plans. On
// PostgreSQL one random kill, in the middle of the series, is taken at a
// random moment between the COMMIT the server received and the process's
// exit: a kill there must leave the state after, which a moment drawn over
// the whole phase (whose post-commit part is tens of milliseconds of
// seconds) would almost never show.
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
  /** What `writing` waits for, as the report says it. */
  writeStart: string;
  /** When (performance.now()) the child began its write phase; undefined when it ended first or it was missed. */
  writing(child: CliProcess): Promise<number | undefined>;
  /** When the server received the child's COMMIT; undefined when it ended first or it was missed. */
  committed?(child: CliProcess): Promise<number | undefined>;
  /** Where the child is now, when the database can tell ('writing', 'after COMMIT', ...). */
  phase?(): Promise<string>;
  /** After the child died: how long until its session was gone; asserts no lock stays held. */
  settle(): Promise<number>;
}

/** One direction's measured phases (ms). */
interface Phases {
  /** From the start of writing to COMMIT (or to the exit, when COMMIT cannot be seen). */
  write: number;
  /** From COMMIT to the exit. */
  tail: number;
}

/** A kill to make: a share of the write phase, or a share of the time after COMMIT. */
interface Kill {
  after: 'writing' | 'commit';
  share: number;
}

async function runs(db: Driver): Promise<RunRow[]> {
  const { rows } = await db.query<RunRow>('SELECT id::int AS id, status, pid, error FROM didsync.runs ORDER BY id');
  return rows;
}

/** One complete apply, watched: its write phase and what follows COMMIT. */
async function measure(target: CrashTarget, args: string[]): Promise<Phases> {
  const child = startCli(args);
  const writing = await target.writing(child);
  const commit = target.committed ? await target.committed(child) : undefined;
  const result = await child.done;
  assert.equal(result.code, 0, result.stderr);
  assert.ok(writing !== undefined, 'the measured apply was seen writing');
  const end = child.startedAt + result.ms;
  return { write: (commit ?? end) - writing, tail: commit === undefined ? 0 : end - commit };
}

export async function crashLoop(name: string, target: CrashTarget, size: Size, kills: number, database: string): Promise<void> {
  const started = performance.now();
  const configs = await largeConfigs(size, { ratesInA: 0 });
  const dirs = { A: configs.a, B: configs.b };
  const changed = `${configs.objects} objects, most of them changed, and ${configs.rates.toLocaleString('en')} rates added or removed`;
  const apply = (which: 'A' | 'B') => ['apply', '-C', dirs[which], '--db', target.url, '--yes', '--force'];

  const states: Record<'A' | 'B', DatabaseState> = { A: {}, B: {} };
  const phases: Record<'A' | 'B', Phases> = { A: { write: 0, tail: 0 }, B: { write: 0, tail: 0 } };
  const prng = createPrng(SEED);
  const inWrite = target.committed ? kills - 1 : kills;
  let current: 'A' | 'B' = 'A';
  const outcome = { before: 0, after: 0, mixed: 0, finished: 0, late: 0, settleMs: 0, afterCommit: 0, phases: new Map<string, number>() };
  const killedPids: number[] = [];
  let done = false;
  try {
    const first = await runCli(apply('A'));
    assert.equal(first.code, 0, first.stderr);
    // Applying B adds the rates, applying A removes them: the phases differ.
    // State A is read after the way back from B, the way the loop reaches it
    // (bookkeeping such as a plan's zero rate fingerprint stays from B).
    phases.B = await measure(target, apply('B'));
    states.B = await target.read(databaseState);
    phases.A = await measure(target, apply('A'));
    states.A = await target.read(databaseState);
    assert.notDeepEqual(states.A, states.B);

    // Stratified shares of the write phase, one in each 1/n of it, shuffled;
    // on PostgreSQL one more kill falls after COMMIT.
    const queue: Kill[] = Array.from({ length: inWrite }, (_, i) => ({ after: 'writing' as const, share: (i + prng.next()) / inWrite }));
    for (let i = queue.length - 1; i > 0; i--) {
      const j = prng.int(i + 1);
      [queue[i], queue[j]] = [queue[j]!, queue[i]!];
    }
    // Its 'after' flips the direction: the kills before it interrupt adding
    // the rates, those after it removing them.
    if (target.committed) queue.splice(Math.floor(queue.length / 2), 0, { after: 'commit', share: prng.next() });

    for (let attempt = 0; queue.length > 0 && attempt < 2 * kills + 4; attempt++) {
      const kill = queue.shift()!;
      const next: 'A' | 'B' = current === 'A' ? 'B' : 'A';
      const child = startCli(apply(next));
      const anchor = kill.after === 'writing' ? await target.writing(child) : await target.committed!(child);
      if (anchor !== undefined) {
        const window = kill.after === 'writing' ? phases[next].write : phases[next].tail;
        await sleep(anchor + kill.share * window - performance.now());
      }
      let killed = false;
      let phase = '';
      if (child.child.exitCode === null) {
        phase = target.phase ? await target.phase() : `after ${target.writeStart.replace(/^it /, '')}`;
        killed = child.child.kill('SIGKILL');
      }
      const result = await child.done;
      if (!killed || result.signal !== 'SIGKILL') {
        // It finished before its moment (or its start was missed): a
        // complete apply. The kill is made again, earlier in its phase.
        assert.equal(result.code, 0, result.stderr);
        outcome.finished++;
        current = next;
        queue.unshift({ after: kill.after, share: kill.share * prng.next() });
        continue;
      }
      killedPids.push(child.child.pid!);
      outcome.phases.set(phase, (outcome.phases.get(phase) ?? 0) + 1);
      outcome.settleMs = Math.max(outcome.settleMs, await target.settle());
      const { state, rows } = await target.read(async (db) => ({ state: await databaseState(db), rows: await runs(db) }));
      const which = whichState(state, states[current], states[next]);
      const where = `kill ${kill.after === 'writing' ? `at ${(kill.share * 100).toFixed(1)}% of the write phase` : 'after COMMIT'}`;
      if (which !== 'before' && which !== 'after') outcome.mixed++;
      assert.ok(which === 'before' || which === 'after', `${where} left a mixed state: ${JSON.stringify(which)}`);
      outcome[which]++;
      if (kill.after === 'commit') {
        assert.equal(which, 'after', 'a kill after the server received COMMIT leaves the state after');
        outcome.afterCommit++;
      }
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
      if (target.phase && kill.after === 'writing' && phase !== 'writing' && phase !== 'not connected') {
        // Past its transaction already (the timed run was slower than this one): a valid case,
        // checked above, and the kill is made again earlier in its phase.
        outcome.late++;
        queue.unshift({ after: kill.after, share: kill.share * prng.next() });
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
    assert.equal(total, kills + outcome.late, `only ${total} of ${kills} kills (and ${outcome.late} made again) fell inside a running apply`);
    if (target.phase) {
      // Most kills must find the child writing (a few land just after its COMMIT).
      const writing = outcome.phases.get('writing') ?? 0;
      assert.ok(writing >= Math.ceil(0.75 * inWrite), `only ${writing} of ${inWrite} kills in the write phase found it writing: ${JSON.stringify([...outcome.phases])}`);
    }
    if (target.committed) assert.ok(outcome.afterCommit >= 1 && outcome.after >= 1, 'a random kill left the state after');
    done = true;
  } finally {
    const total = outcome.before + outcome.after + outcome.mixed;
    recordResult({
      area: 'Faults', fault: `SIGKILL of \`apply --yes\` at random moments of its write phase (${changed})`,
      database, cases: total,
      outcome: `${outcome.before} at the state before, ${outcome.after} at the state after, ${outcome.mixed} mixed; `
        + `moments drawn after ${target.writeStart}${target.committed ? ' up to its COMMIT, and one between COMMIT and the exit' : ' up to its exit'}; `
        + `where the kills found it: ${[...outcome.phases].map(([p, n]) => `${p} ${n}`).join(', ') || 'none'}; `
        + `${outcome.finished} finished first and ${outcome.late} were past their transaction, each retried earlier; no lock held (settled within ${Math.ceil(outcome.settleMs)} ms); killed runs closed as interrupted; `
        + `final apply converged, plan empty; write phase ${(phases.B.write / 1000).toFixed(1)} s adding the rates, ${(phases.A.write / 1000).toFixed(1)} s removing them`
        + (done ? '' : '; the test did not finish'),
      test: name, seconds: Math.round((performance.now() - started) / 1000),
    });
  }
}
