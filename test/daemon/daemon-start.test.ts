// The daemon as a newcomer first meets it, with nothing configured: what
// `npm start` runs (the daemon watching a copy of examples/, no --db and no
// DATABASE_URL, so the embedded database is created in .didsync/db under
// the working directory) prints where its status is and applies the
// examples; and a daemon following git without --schedule or
// --drift-schedule checks git every minute and drift every five minutes,
// and says so, with its checkout in the default .didsync/repo.

import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openTarget, resolveTarget } from '../../src/drivers/open.js';
import { makeOrigin } from './git-support.js';
import { withCapacity } from './fixtures.js';
import { eventually, httpCall, lastRunOf, startDaemon, type DaemonProcess } from './process-support.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');

test('npm start: the daemon watches examples/ on the embedded database, prints its status URL and applies', { timeout: 240_000 }, async (t) => {
  const base = await mkdtemp(join(tmpdir(), 'didsync-start-'));
  t.after(() => rm(base, { recursive: true, force: true }));
  const examples = join(base, 'examples');
  await cp(EXAMPLES, examples, { recursive: true });
  const d = await startDaemon(['--watch', examples], {}, { cwd: base, unset: ['DATABASE_URL'] });
  t.after(() => d.stop('SIGKILL'));

  const starting = d.logs().find((e) => e.msg === 'didsync daemon starting')!;
  assert.equal(starting.database, `pglite:${join(base, '.didsync', 'db')}`);
  await d.waitForLog((e) => e.msg === 'created the embedded database', 'the embedded database created', 120_000);
  assert.ok((await stat(join(base, '.didsync', 'db'))).isDirectory());
  await eventually(async () => (d.stdout().includes('Applied in run') ? true : undefined), 'the examples applied', 180_000, 500);
  assert.match(d.stdout(), new RegExp(`^didsync daemon: watching ${escape(examples)}; status at ${escape(d.url)}/status$`, 'm'));

  const status = await httpCall(`${d.url}/status`, 'GET');
  assert.equal(status.status, 200);
  assert.equal(status.body.lastRun.status, 'applied');
  assert.equal(status.body.lastRun.commit, null, 'a folder that is not a git checkout has no commit');
  assert.deepEqual(status.body.daemon.source, { watch: examples });
  assert.ok(status.body.plans.some((p: { name: string }) => p.name === 'UK Retail'), 'the example rating plans are in the database');
  assert.equal((await d.stop()).code, 0);

  // The same folder as an earlier version left it, without a table this version adds: brought up to date, not created.
  const db = await openTarget(resolveTarget(undefined, {}, base));
  try {
    await db.exec('DROP TABLE didsync.applied_deck_edits');
  } finally {
    await db.close();
  }
  const again = await startDaemon(['--watch', examples], {}, { cwd: base, unset: ['DATABASE_URL'] });
  t.after(() => again.stop('SIGKILL'));
  const updated = await again.waitForLog((e) => e.msg === 'brought the embedded database up to date', 'the embedded database brought up to date', 120_000);
  assert.deepEqual(updated.created, ['table didsync.applied_deck_edits']);
  assert.ok(!again.logs().some((e) => e.msg === 'created the embedded database'));
  assert.equal((await again.stop()).code, 0);
});

test('without --schedule and --drift-schedule: git every minute, drift every five minutes, checkout in .didsync/repo', { timeout: 120_000 }, async (t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit(withCapacity(120), 'ACME at 120');
  const all: DaemonProcess[] = [];
  t.after(async () => { for (const d of all) await d.stop('SIGKILL'); });
  // The working directory holds the defaults: the embedded database and the checkout.
  const d = await startDaemon(['--repo', origin.bare], {}, { cwd: origin.base, unset: ['DATABASE_URL'] });
  all.push(d);
  const sync = await d.waitForLog((e) => e.msg.startsWith('sync schedule: '), 'the sync schedule');
  const drift = await d.waitForLog((e) => e.msg.startsWith('drift schedule: '), 'the drift schedule');
  assert.deepEqual([sync.msg, sync.expression], ['sync schedule: * * * * *', '* * * * *']);
  assert.deepEqual([drift.msg, drift.expression], ['drift schedule: */5 * * * *', '*/5 * * * *']);
  const starting = d.logs().find((e) => e.msg === 'didsync daemon starting')!;
  assert.equal((starting.source as { workdir: string }).workdir, join(origin.base, '.didsync', 'repo'));

  assert.equal((await lastRunOf(d.url, c1)).status, 'applied');
  assert.ok((await stat(join(origin.base, '.didsync', 'repo'))).isDirectory());
  assert.equal((await d.stop()).code, 0);
  // The config has no Settings: nothing changed the schedules after the apply.
  assert.equal(d.logs().filter((e) => /^(sync|drift) schedule: /.test(e.msg)).length, 2);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
