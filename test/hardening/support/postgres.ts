// Watching and disturbing the other sessions of a test's own PostgreSQL
// database: the backends of the didsync processes a test started, the
// advisory locks they hold, and cutting their connections.

import type { Queryable } from '../../../src/drivers/driver.js';

/** Backends of this database other than the caller's own connection. */
export async function otherBackends(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() ORDER BY backend_start',
  );
  return rows.map((r) => Number(r.pid));
}

/** Wait until no other backend is connected; returns how long that took (ms). */
export async function waitForNoOtherBackends(db: Queryable, timeoutMs = 30_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if ((await otherBackends(db)).length === 0) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`backends still connected after ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Wait for a new backend of this database (a child's connection) and return its pid. */
export async function waitForBackend(db: Queryable, known: readonly number[], timeoutMs = 20_000): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const fresh = (await otherBackends(db)).filter((p) => !known.includes(p));
    if (fresh.length > 0) return fresh[0];
    await sleep(10);
  }
  return undefined;
}

/** Advisory locks held by anyone in this database. */
export async function advisoryLocks(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks
      WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
  );
  return rows[0].n;
}

export async function terminate(db: Queryable, pid: number): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [pid]);
  return rows[0].ok === true;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
