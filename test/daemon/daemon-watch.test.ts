// `didsync daemon --watch DIR` as a real process: the config is applied at
// start, a burst of edits is applied once after it settles and the plan is
// printed on stdout, an invalid edit is reported and not applied.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { databaseTest } from '../support/databases.js';
import { writeConfig } from '../support/config.js';
import { withCapacity } from './fixtures.js';
import { eventually, httpCall, startDaemon } from './process-support.js';

databaseTest('--watch applies settled edits once and prints the plan it applied', async (db, target, t) => {
  const root = await writeConfig(withCapacity(120));
  if (target.kind === 'pglite') await db.close();
  const d = await startDaemon(['--watch', root, '--db', target.url, '--drift-schedule', '0 0 1 1 *']);
  t.after(() => d.stop('SIGKILL'));
  await eventually(async () => (d.stdout().includes('Applied in run') ? true : undefined), 'the first apply');
  assert.match(d.stdout(), /^didsync daemon: watching .*; status at http:\/\/127\.0\.0\.1:\d+\/status$/m);

  const applied = () => d.logs().filter((e) => e.msg.startsWith('applied ')).length;
  assert.equal(applied(), 1);
  // An editor saving several times in a row: one apply, of the last version.
  for (const limit of [130, 140, 150]) {
    await writeFile(join(root, 'config.yaml'), withCapacity(limit)['config.yaml']);
    await new Promise((r) => setTimeout(r, 60));
  }
  await eventually(async () => (d.stdout().includes('capacityLimit: 120 → 150') ? true : undefined), 'the plan of the edit');
  await new Promise((r) => setTimeout(r, 1200));
  assert.equal(applied(), 2, 'the burst was applied once');
  assert.doesNotMatch(d.stdout(), /→ 130|→ 140/);

  await writeFile(join(root, 'config.yaml'), withCapacity(160, { broken: true })['config.yaml']);
  await d.waitForLog((e) => e.level === 'error' && /config is invalid/.test(e.msg), 'the invalid edit');
  await eventually(async () => (/lon-9/.test(d.stdout()) ? true : undefined), 'the problem printed');
  const status = await httpCall(`${d.url}/status`, 'GET');
  assert.equal(status.body.lastRun.status, 'failed');
  assert.equal(status.body.daemon.role, 'leader');

  const stop = await d.stop();
  assert.equal(stop.code, 0);
  assert.equal(applied(), 2);
}, { init: true, timeout: 90_000 });
