// The embedded driver: PostgreSQL in WebAssembly through PGlite's own API
// (its wire-protocol bridges broke COPY and second connections). Values are
// normalised like postgres.ts; bulk loads go through COPY FROM '/dev/blob';
// transactions hold PGlite's mutex so nothing else in the process
// interleaves; advisory locks are in-process. The only module that imports
// PGlite.

import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { Driver, QueryResult, Queryable } from './driver.js';
import { databaseError, ROLLED_BACK, rolledBack } from './errors.js';
import { claimDataDir, LocalLocks, LOCK_FILE } from './pglite-lock.js';
import { pgliteRuntime } from './pglite-runtime.js';
import { shippedTemplate } from './pglite-template.js';
import { copySql } from './sql-names.js';

const asText = (value: string): string => value;
const parsers = {
  [types.NUMERIC]: asText,
  [types.DATE]: asText,
  [types.INT8]: asText,
  [types.TIMESTAMP]: asText,
  [types.TIMESTAMPTZ]: asText,
};

/**
 * PostgreSQL's buffer pool inside the WebAssembly memory, which is touched
 * at start and never given back: PGlite's 128MB made an embedded database
 * cost 250 MB from the moment it opened. With 16MB, measured on 100,000
 * rates: first apply 555-570 to 440-453 MB, a plan 360-371 to 230 MB, a 1%
 * apply 407-417 to 278-285 MB; on 1,000,000 rates the first apply went from
 * 847 to 670 MB and the full comparison from 912 to 779 MB. Times stayed
 * within noise (the operating system caches the data files either way).
 */
const SHARED_BUFFERS = '16MB';

/** COPY batches: big enough to amortise a statement, small enough to bound memory. */
const COPY_BATCH_BYTES = 8 * 1024 * 1024;

export interface PgliteOptions {
  /** Folder holding the database; absent: in memory (gone on close). */
  dataDir?: string;
  /** A data folder dumped by `dumpDataDir` to start from (fast fresh databases for tests). */
  loadDataDir?: Blob;
  /**
   * What a new database (an empty folder, or in memory) starts from when
   * `loadDataDir` is not given: a dumped data folder, null for initdb.
   * Default: the folder shipped with didsync, where it fits (pglite-template.ts).
   */
  template?: Blob | null;
  description?: string;
}

export async function openPglite(opts: PgliteOptions = {}): Promise<PgliteDriver> {
  let release: (() => Promise<void>) | undefined;
  let fresh = true;
  if (opts.dataDir !== undefined) {
    await mkdir(opts.dataDir, { recursive: true });
    release = await claimDataDir(opts.dataDir);
    fresh = (await readdir(opts.dataDir)).every((name) => name === LOCK_FILE);
  }
  try {
    const runtime = await pgliteRuntime();
    const template = opts.loadDataDir === undefined && fresh
      ? opts.template === undefined ? await shippedTemplate() : opts.template ?? undefined
      : undefined;
    const create = (loadDataDir: Blob | undefined) => PGlite.create({
      ...runtime,
      ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
      ...(loadDataDir !== undefined ? { loadDataDir } : {}),
      parsers,
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`],
    });
    let db: PGlite;
    if (template === undefined) db = await create(opts.loadDataDir);
    else {
      try {
        db = await create(template);
      } catch {
        // The shipped folder did not load: initdb makes the database, in the folder emptied of what the attempt left.
        if (opts.dataDir !== undefined) await emptyBut(opts.dataDir, LOCK_FILE);
        db = await create(undefined);
      }
    }
    await db.exec("SET TIME ZONE 'UTC'");
    return new PgliteDriver(db, opts.description ?? (opts.dataDir !== undefined ? `pglite:${opts.dataDir}` : 'pglite:memory'), release);
  } catch (e) {
    await release?.();
    throw databaseError(e, `cannot open the embedded database${opts.dataDir !== undefined ? ` in ${opts.dataDir}` : ''}`);
  }
}

/** Removes everything in `dir` but `keep` (a folder that held only `keep` before). */
async function emptyBut(dir: string, keep: string): Promise<void> {
  for (const name of await readdir(dir)) if (name !== keep) await rm(join(dir, name), { recursive: true, force: true });
}

type Target = Pick<Transaction, 'query' | 'exec'>;

class PgliteSession implements Queryable {
  constructor(protected readonly target: Target) {}

  async query<R = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    try {
      const res = await this.target.query<R>(sql, params as unknown[]);
      return { rows: res.rows, affected: res.affectedRows ?? 0 };
    } catch (e) {
      throw databaseError(e, 'database error');
    }
  }

  async queryArrays(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    try {
      const res = await this.target.query<unknown[]>(sql, params as unknown[], { rowMode: 'array' });
      return res.rows;
    } catch (e) {
      throw databaseError(e, 'database error');
    }
  }

  async exec(sql: string): Promise<void> {
    try {
      await this.target.exec(sql);
    } catch (e) {
      throw databaseError(e, 'database error');
    }
  }

  async copyFrom(table: string, columns: readonly string[], rows: AsyncIterable<string> | Iterable<string>): Promise<number> {
    const sql = copySql(table, columns, "'/dev/blob'");
    let loaded = 0;
    let batch: string[] = [];
    let size = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      const blob = new Blob(batch);
      batch = [];
      size = 0;
      try {
        const res = await this.target.query(sql, [], { blob });
        loaded += res.affectedRows ?? 0;
      } catch (e) {
        throw databaseError(e, `bulk load into ${table} failed`);
      }
    };
    for await (const chunk of rows) {
      batch.push(chunk);
      size += chunk.length;
      if (size >= COPY_BATCH_BYTES) await flush();
    }
    await flush();
    return loaded;
  }
}

export class PgliteDriver extends PgliteSession implements Driver {
  readonly dialect = 'pglite' as const;
  private readonly locks = new LocalLocks();

  constructor(private readonly db: PGlite, readonly description: string, private readonly release?: () => Promise<void>) {
    super(db);
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => fn(new PgliteSession(tx))).catch((e: unknown) => {
      throw (e as { code?: unknown }).code === ROLLED_BACK ? rolledBack() : e;
    });
  }

  lock(key: bigint, timeoutMs: number): Promise<boolean> {
    return this.locks.acquire(key, timeoutMs);
  }

  async unlock(key: bigint): Promise<void> {
    this.locks.release(key);
  }

  /** The whole database as a tarball, to start other instances from (`loadDataDir`). */
  dump(): Promise<Blob> {
    return this.db.dumpDataDir('none');
  }

  async close(): Promise<void> {
    try {
      if (!this.db.closed) await this.db.close();
    } finally {
      await this.release?.();
    }
  }
}
