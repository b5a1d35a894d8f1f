// The Daemon in this process, for what is easier to see from inside: a
// burst of webhooks coalesces into at most one more run, and a stop during
// an apply lets that apply finish before run() resolves.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { databaseTest, type TestTarget } from '../support/databases.js';
import { Daemon } from '../../src/daemon/daemon.js';
import { createLogger } from '../../src/daemon/logger.js';
import { daemonOptions } from '../../src/daemon/options.js';
import { openPglite } from '../../src/drivers/pglite.js';
import type { Driver } from '../../src/drivers/driver.js';
import { makeOrigin, type Origin } from './git-support.js';
import { SECRET, withCapacity } from './fixtures.js';
import { eventually, githubPush } from './process-support.js';

const NEVER = '0 0 1 1 *';

interface Running {
  daemon: Daemon;
  done: Promise<void>;
  url: string;
  entries(): Array<Record<string, any>>;
}

async function startInProcess(origin: Origin, dbUrl: string): Promise<Running> {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _e, cb) { lines.push(...String(chunk).split('\n').filter(Boolean)); cb(); } });
  const log = createLogger({ secrets: [SECRET], destination: sink, level: 'debug' });
  const opts = daemonOptions({
    repo: origin.bare, workdir: join(origin.base, 'work'), db: dbUrl, schedule: NEVER, driftSchedule: NEVER, listen: '127.0.0.1:0',
  }, { DIDSYNC_WEBHOOK_SECRET: SECRET }, process.cwd());
  const daemon = new Daemon(opts, { log });
  const done = daemon.run();
  return { daemon, done, url: await daemon.url, entries: () => lines.map((l) => JSON.parse(l)) };
}

async function reopen(db: Driver, target: TestTarget): Promise<{ check: Driver; close(): Promise<void> }> {
  if (target.kind !== 'pglite') return { check: db, close: async () => undefined };
  const check = await openPglite({ dataDir: target.url.slice('pglite:'.length) });
  return { check, close: () => check.close() };
}

databaseTest('a burst of webhooks while a run is busy becomes at most one more run', async (db, target, t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit(withCapacity(120), 'ACME at 120');
  if (target.kind === 'pglite') await db.close();
  const d = await startInProcess(origin, target.url);
  t.after(() => { d.daemon.stop('test'); return d.done; });
  await eventually(async () => (d.entries().some((e) => e.msg?.startsWith('applied') && e.commit === c1.slice(0, 12)) ? true : undefined), 'c1 applied');
  const before = d.entries().filter((e) => e.msg === 'sync job').length;

  const c2 = await origin.commit(withCapacity(150), 'ACME at 150');
  const answers = await Promise.all(Array.from({ length: 12 }, () => githubPush(d.url, 'main', SECRET)));
  assert.ok(answers.every((a) => a.status === 202));
  await eventually(async () => (d.entries().some((e) => e.msg?.startsWith('applied') && e.commit === c2.slice(0, 12)) ? true : undefined), 'c2 applied');
  await d.daemon.requestSync('test');
  const jobs = d.entries().filter((e) => e.msg === 'sync job').slice(before);
  // 12 deliveries: one run, plus at most one for those that came while it ran, plus the test's own request.
  assert.ok(jobs.length <= 3, `${jobs.length} sync jobs`);
  assert.equal(d.entries().filter((e) => e.msg === 'new commit' && e.commit === c2.slice(0, 12)).length, 1);
  d.daemon.stop('test');
  await d.done;

  const { check, close } = await reopen(db, target);
  try {
    const runs = (await check.query<{ commit: string; status: string }>('SELECT commit, status FROM didsync.runs ORDER BY id')).rows;
    assert.deepEqual(runs.map((r) => [r.commit, r.status]), [[c1, 'applied'], [c2, 'applied']]);
  } finally {
    await close();
  }
}, { init: true, timeout: 90_000 });

function bigRates(n: number): string {
  const lines = ['prefix,destination,rate'];
  for (let i = 0; i < n; i++) lines.push(`44${String(i).padStart(6, '0')},United Kingdom ${i},0.0100`);
  return `${lines.join('\n')}\n`;
}

databaseTest('stop during an apply lets the apply finish, then stops', async (db, target, t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit({ ...withCapacity(120), 'rates/uk-wholesale.csv': bigRates(30_000) }, 'ACME with 30k rates');
  if (target.kind === 'pglite') await db.close();
  const d = await startInProcess(origin, target.url);
  await eventually(async () => (d.entries().some((e) => e.msg === 'new commit') ? true : undefined), 'the run started', 60_000, 5);
  d.daemon.stop('test');
  await d.done;
  const messages = d.entries().map((e) => e.msg);
  assert.ok(messages.indexOf('stopped') > messages.findIndex((m) => m?.startsWith('applied')), 'the apply finished before the stop');

  const { check, close } = await reopen(db, target);
  try {
    const runs = (await check.query<{ commit: string; status: string }>('SELECT commit, status FROM didsync.runs ORDER BY id')).rows;
    assert.deepEqual(runs.map((r) => [r.commit, r.status]), [[c1, 'applied']]);
    assert.equal((await check.query<{ n: number }>('SELECT count(*)::int AS n FROM customer_rating_plan_rates')).rows[0].n, 30_000);
  } finally {
    await close();
  }
}, { init: true, timeout: 90_000 });
