// A commit the safety guards refuse, followed by a real daemon over a real
// git repository: with Settings `prune: true`, a commit that deletes more
// than maxDeletePercent of the managed carriers is recorded as `refused`
// with an error naming the carriers, the database keeps every carrier, a
// restart does not try that commit again, and the next commit (within the
// limit) is applied.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { databaseTest } from '../support/databases.js';
import type { Driver } from '../../src/drivers/driver.js';
import { makeOrigin } from './git-support.js';
import { SECRET, withCapacity } from './fixtures.js';
import { daemonStarter, databaseInspector, githubPush, lastRunOf } from './process-support.js';

const NEVER = '0 0 1 1 *';
const PRUNE = 'kind: Settings\nprune: true\n';

function carrier(code: string): string {
  return `kind: Carrier\ncode: ${code}\nname: ${code} Networks\npartnerType: supplier\nstatus: active\nprimaryCurrency: USD\n`;
}

/** ACME's config plus one file per extra carrier and the Settings that prune. */
function withCarriers(codes: string[]): Record<string, string | null> {
  const files: Record<string, string | null> = { ...withCapacity(120), 'settings.yaml': PRUNE };
  for (const code of ['BETA', 'GAMMA', 'DELTA']) files[`carriers/${code.toLowerCase()}.yaml`] = codes.includes(code) ? carrier(code) : null;
  return files;
}

databaseTest('a commit refused by the mass-delete guard is recorded refused, not applied, not retried; the next is applied', async (db, target, t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const c1 = await origin.commit(withCarriers(['BETA', 'GAMMA', 'DELTA']), 'Four carriers');
  if (target.kind === 'pglite') await db.close();
  const args = ['--repo', origin.bare, '--workdir', join(origin.base, 'work'), '--db', target.url, '--schedule', NEVER, '--drift-schedule', NEVER];
  const start = daemonStarter(t, args, { DIDSYNC_WEBHOOK_SECRET: SECRET });
  const inspect = databaseInspector(db, target);
  const carriers = (d: Driver) => d.query<{ code: string }>('SELECT code FROM carriers ORDER BY code')
    .then((r) => r.rows.map((row) => row.code));

  const d1 = await start();
  assert.equal((await lastRunOf(d1.url, c1)).status, 'applied');

  // Two of four managed carriers (50%) against the default limit of 25%; ACME's capacity changes too, so a partial apply would show.
  const c2 = await origin.commit({ ...withCarriers(['DELTA']), 'config.yaml': withCapacity(150)['config.yaml'] }, 'Drop BETA and GAMMA');
  assert.equal((await githubPush(d1.url, 'main', SECRET)).status, 202);
  const refused = await lastRunOf(d1.url, c2);
  assert.equal(refused.status, 'refused');
  assert.match(refused.error ?? '', /^refused by safety guards/);
  assert.match(refused.error ?? '', /deleting 2 of 4 managed carriers \(50%\) exceeds the limit of 25%/);
  assert.match(refused.error ?? '', /objects: Carrier BETA, Carrier GAMMA/);
  await d1.waitForLog((e) => e.level === 'error' && e.msg.startsWith('the apply was refused'), 'the refusal logged');
  assert.equal((await d1.stop()).code, 0);

  await inspect(async (d) => {
    assert.deepEqual(await carriers(d), ['ACME', 'BETA', 'DELTA', 'GAMMA'], 'no carrier was deleted');
    assert.equal((await d.query<{ n: number }>("SELECT capacity_limit AS n FROM carriers WHERE code = 'ACME'")).rows[0].n, 120, 'nothing of the commit was applied');
  });

  // Restart at the refused commit: it is not tried (or recorded) again.
  const d2 = await start();
  await d2.waitForLog((e) => e.msg === 'the newest commit was already refused; waiting for the next one' && e.status === 'refused', 'the refusal remembered');
  // Within the limit: one of four (25%).
  const c3 = await origin.commit({ ...withCarriers(['GAMMA', 'DELTA']), 'config.yaml': withCapacity(150)['config.yaml'] }, 'Drop BETA only');
  assert.equal((await githubPush(d2.url, 'main', SECRET)).status, 202);
  assert.equal((await lastRunOf(d2.url, c3)).status, 'applied');
  assert.equal((await d2.stop()).code, 0);

  await inspect(async (d) => {
    assert.deepEqual(await carriers(d), ['ACME', 'DELTA', 'GAMMA']);
    assert.equal((await d.query<{ n: number }>("SELECT capacity_limit AS n FROM carriers WHERE code = 'ACME'")).rows[0].n, 150);
    const runs = (await d.query<{ commit: string; status: string }>('SELECT commit, status FROM didsync.runs ORDER BY id')).rows;
    assert.deepEqual(runs.map((r) => [r.commit, r.status]), [[c1, 'applied'], [c2, 'refused'], [c3, 'applied']]);
  });
}, { init: true, timeout: 240_000 });
