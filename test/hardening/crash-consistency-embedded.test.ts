// Crash consistency of the embedded database: the same SIGKILL loop as
// crash-consistency.test.ts on a pglite:DIR data folder, which must reopen
// after every kill (its claim by the dead process released, its write-ahead
// log recovered) at the state before or after. Fewer, smaller kills: PGlite
// writes several times slower than a server. The database lives inside the
// child, so nothing outside can see it write: its write phase is taken to
// start when it prints the plan (the next thing it does is take the lock and
// open the apply transaction) and to end when it exits.

import { openPglite } from '../../src/drivers/pglite.js';
import { databaseTest } from '../support/databases.js';
import { crashLoop } from './support/crash-loop.js';
import type { Size } from './support/large-config.js';

const KILLS = Number(process.env.DIDSYNC_CRASH_KILLS_EMBEDDED ?? 10);
const SIZE: Size = { carriers: 30, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 5, rates: 20_000 };

const PGLITE_NAME = 'SIGKILL at random moments of the write phase of an apply to an embedded data folder: it reopens, before or after';
databaseTest(PGLITE_NAME, async (db, target) => {
  await db.close();
  const dir = target.url.slice('pglite:'.length);
  await crashLoop(`${PGLITE_NAME} [pglite]`, {
    url: target.url,
    async read(fn) {
      const opened = await openPglite({ dataDir: dir });
      try {
        return await fn(opened);
      } finally {
        await opened.close();
      }
    },
    writeStart: 'it printed its plan',
    writing: (child) => child.firstOutput,
    async settle() {
      // The dead process's claim on the folder must not block the next one.
      const t = performance.now();
      const opened = await openPglite({ dataDir: dir });
      await opened.close();
      return performance.now() - t;
    },
  }, SIZE, KILLS, 'pglite');
}, { init: true, only: 'pglite', timeout: 400_000 });
