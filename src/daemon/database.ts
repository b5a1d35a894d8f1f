// The daemon's database connections. A long-running process must survive a
// connection that dies under it (server restart, failover, an operator's
// pg_terminate_backend): a handle opens its Driver on first use, checks it
// before each job, and opens a new one after a failure. On PostgreSQL the
// daemon keeps separate handles for its work, its HTTP reads and its
// leadership lock; the embedded PGlite has one connection per process, so
// there one handle serves all three.

import { hostname } from 'node:os';
import type { Driver } from '../drivers/driver.js';
import { DatabaseError } from '../drivers/errors.js';
import { openTarget, type Target } from '../drivers/open.js';
import { openPostgres } from '../drivers/postgres.js';
import type { Logger } from './logger.js';

export interface HandleOptions {
  /** For logs and the server's application_name: 'work', 'status', 'leader'. */
  purpose: string;
  /** Runs after each successful open (schema check, clean-up); its errors close the connection. */
  onOpen?: (db: Driver) => Promise<void>;
}

export class DatabaseHandle {
  private driver: Driver | null = null;
  private opening: Promise<Driver> | null = null;

  constructor(private readonly target: Target, private readonly log: Logger, private readonly opts: HandleOptions) {}

  /** The open connection; with `check`, a failed `SELECT 1` replaces it first. */
  async get(opts: { check?: boolean } = {}): Promise<Driver> {
    if (this.driver && opts.check) {
      try {
        await this.driver.query('SELECT 1');
      } catch (e) {
        this.log.warn({ connection: this.opts.purpose, error: (e as Error).message }, 'database connection lost; reconnecting');
        await this.reset();
      }
    }
    if (this.driver) return this.driver;
    this.opening ??= this.open().finally(() => { this.opening = null; });
    return this.opening;
  }

  /** Whether `SELECT 1` answers within `timeoutMs` (readiness). */
  async reachable(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); });
    const probe = (async () => {
      try {
        await (await this.get()).query('SELECT 1');
        return true;
      } catch (e) {
        // Only a lost connection is worth replacing (and the embedded one is shared with running work).
        if (e instanceof DatabaseError && e.retriable) await this.reset();
        return false;
      }
    })();
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Forget the connection (after it failed); the next get() opens a new one. */
  async reset(): Promise<void> {
    const d = this.driver;
    this.driver = null;
    await d?.close().catch(() => undefined);
  }

  close(): Promise<void> {
    return this.reset();
  }

  private async open(): Promise<Driver> {
    const db = this.target.kind === 'postgres'
      ? await openPostgres({ url: this.target.url, applicationName: `didsync daemon ${this.opts.purpose}`, connectTimeoutMs: 10_000 })
      : await openTarget(this.target);
    try {
      await this.opts.onOpen?.(db);
    } catch (e) {
      await db.close().catch(() => undefined);
      throw e;
    }
    this.driver = db;
    this.log.info({ connection: this.opts.purpose, database: db.description }, 'database connected');
    return db;
  }
}

/** This process's identity in didsync.runs (host, pid), for closing runs a lost connection interrupted. */
export const RUN_OWNER = { host: hostname(), pid: process.pid };
