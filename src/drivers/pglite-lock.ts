// Two guards PGlite needs because it is one connection inside one process:
// a lock file in its data folder (two processes must never open the same
// folder: the second would corrupt it), and an in-process stand-in for
// PostgreSQL's advisory locks.

import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FaultError } from '../report/errors.js';

export const LOCK_FILE = 'didsync.lock';

/** Claim `dir` for this process; refuses while another live process holds it. Returns the release function. */
export async function claimDataDir(dir: string): Promise<() => Promise<void>> {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid === process.pid) {
        throw new FaultError(`the embedded database in ${dir} is already open in this process`);
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new FaultError(`the embedded database in ${dir} is in use by process ${pid}; stop it or use --db to reach a PostgreSQL server`);
      }
      await rm(path, { force: true }); // left behind by a process that died
    }
  }
  throw new FaultError(`cannot claim the embedded database in ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Named locks with a timeout, held until released (the advisory lock of one process). */
export class LocalLocks {
  private readonly held = new Set<bigint>();
  private readonly waiters = new Map<bigint, Array<() => void>>();

  async acquire(key: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.held.has(key)) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        const list = this.waiters.get(key) ?? [];
        list.push(done);
        this.waiters.set(key, list);
        function done(): void {
          clearTimeout(timer);
          const i = list.indexOf(done);
          if (i >= 0) list.splice(i, 1);
          resolve();
        }
      });
    }
    this.held.add(key);
    return true;
  }

  release(key: bigint): void {
    this.held.delete(key);
    this.waiters.get(key)?.shift()?.();
  }
}
