// The database side of the test suites: each test gets its own fresh
// database, on embedded PGlite always and, when DIDSYNC_TEST_DATABASE_URL
// points at a PostgreSQL server, on a fresh database of that server too
// (created before the test, dropped after it). No mocks: the real engines.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import pg from 'pg';
import type { Driver } from '../../src/drivers/driver.js';
import { openPglite } from '../../src/drivers/pglite.js';
import { openPostgres } from '../../src/drivers/postgres.js';
import { initDatabase } from '../../src/db/init.js';
import { openTarget, resolveTarget } from '../../src/drivers/open.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestTarget {
  kind: DatabaseKind;
  /** A URL for `--db` (close `db` first when a command opens its own embedded connection). */
  url: string;
  /** Open another connection to the same database (PostgreSQL only: PGlite has one). */
  connect(): Promise<Driver>;
}

export interface DatabaseTestOptions {
  /** Create didsync's schema first (default false: a blank database). */
  init?: boolean;
  /** Skip one kind (say why in the test). */
  only?: DatabaseKind;
  timeout?: number;
}

export const POSTGRES_URL = process.env.DIDSYNC_TEST_DATABASE_URL || undefined;

export function databaseKinds(only?: DatabaseKind): DatabaseKind[] {
  const kinds: DatabaseKind[] = ['pglite'];
  if (POSTGRES_URL !== undefined) kinds.push('postgres');
  return only === undefined ? kinds : kinds.filter((k) => k === only);
}

/**
 * Open the test's database again, as a command would, and run `fn` on it.
 * For PGlite the test's own connection must be closed first (one owner).
 */
export async function inspectTarget<T>(target: TestTarget, fn: (db: Driver) => Promise<T>): Promise<T> {
  const db = await openTarget(resolveTarget(target.url, {}, tmpdir()));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Register `name` once per database kind, each run on its own fresh database. */
export function databaseTest(
  name: string,
  fn: (db: Driver, target: TestTarget, t: TestContext) => Promise<void>,
  opts: DatabaseTestOptions = {},
): void {
  for (const kind of databaseKinds(opts.only)) {
    test(`${name} [${kind}]`, { timeout: opts.timeout ?? 120_000 }, async (t) => {
      const fresh = kind === 'pglite' ? await freshPglite(opts.init === true) : await freshPostgres(opts.init === true);
      try {
        await fn(fresh.db, fresh.target, t);
      } finally {
        await fresh.db.close().catch(() => undefined);
        for (const extra of fresh.extras) await extra.close().catch(() => undefined);
        await fresh.dispose();
      }
    });
  }
}

interface Fresh {
  db: Driver;
  target: TestTarget;
  extras: Driver[];
  dispose(): Promise<void>;
}

// Starting PGlite runs initdb (about 1.5 s); loading a dumped data folder
// takes a fraction of that, so each process makes the two templates once.
const templates = new Map<boolean, Promise<Blob>>();

function pgliteTemplate(init: boolean): Promise<Blob> {
  let template = templates.get(init);
  if (!template) {
    template = (async () => {
      const db = await openPglite();
      try {
        if (init) await initDatabase(db);
        return await db.dump();
      } finally {
        await db.close();
      }
    })();
    templates.set(init, template);
  }
  return template;
}

async function freshPglite(init: boolean): Promise<Fresh> {
  const dir = await mkdtemp(join(tmpdir(), 'didsync-test-db-'));
  const db = await openPglite({ dataDir: dir, loadDataDir: await pgliteTemplate(init) });
  return {
    db,
    extras: [],
    target: {
      kind: 'pglite',
      url: `pglite:${dir}`,
      connect: () => Promise.reject(new Error('PGlite has a single connection')),
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

async function freshPostgres(init: boolean): Promise<Fresh> {
  const adminUrl = POSTGRES_URL!;
  const name = `didsync_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const extras: Driver[] = [];
  const connect = async (): Promise<Driver> => {
    const d = await openPostgres({ url: url.toString() });
    extras.push(d);
    return d;
  };
  const db = await openPostgres({ url: url.toString() });
  if (init) await initDatabase(db);
  return {
    db,
    extras,
    target: { kind: 'postgres', url: url.toString(), connect },
    dispose: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
