// The PostgreSQL driver: one `pg.Client` per driver (a transaction and a
// session advisory lock need one connection), values normalised to the
// shapes driver.ts promises, bulk loads through COPY FROM STDIN. The only
// module that imports `pg` (through pg-load.ts).

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Client, CustomTypesConfig } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Driver, QueryResult, Queryable } from './driver.js';
import { UserError } from '../report/errors.js';
import { databaseError, redactSecrets, redactUrl, rolledBack } from './errors.js';
import { copySql } from './sql-names.js';
import { pg } from './pg-load.js';

// numeric, date, int8, timestamp, timestamptz: kept as PostgreSQL prints them.
const AS_TEXT = new Set([1700, 1082, 20, 1114, 1184]);

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (AS_TEXT.has(oid) && format !== 'binary') return (value: string) => value;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as CustomTypesConfig;

export interface PostgresOptions {
  url: string;
  /** Wait at most this long for the connection (default 10 s). */
  connectTimeoutMs?: number;
  applicationName?: string;
}

export async function openPostgres(opts: PostgresOptions): Promise<Driver> {
  const description = redactUrl(opts.url);
  let client: Client;
  try {
    client = new pg.Client({
      connectionString: opts.url,
      types,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
      application_name: opts.applicationName ?? 'didsync',
      keepAlive: true,
    });
  } catch (e) {
    // pg parses the URL here and throws on a malformed one (a port of 99999, an unclosed '[').
    throw new UserError(`the database URL ${description} is not valid: ${redactSecrets((e as Error).message)}`);
  }
  // A connection cut after connect is reported here; without a listener it
  // would crash the process. The next statement fails with the cause.
  let lost: Error | undefined;
  client.on('error', (e) => { lost = e; });
  try {
    await client.connect();
    await client.query("SET TIME ZONE 'UTC'");
  } catch (e) {
    await client.end().catch(() => undefined);
    throw databaseError(e, `cannot connect to ${description}`);
  }
  return new PostgresDriver(client, description, () => lost);
}

class PostgresSession implements Queryable {
  constructor(protected readonly client: Client, protected readonly lostError: () => Error | undefined) {}

  protected guard(): void {
    const lost = this.lostError();
    if (lost) throw databaseError(lost, 'the database connection was lost');
  }

  async query<R = Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
    this.guard();
    try {
      const res = await this.client.query(sql, params as unknown[]);
      return { rows: res.rows as R[], affected: res.rowCount ?? 0 };
    } catch (e) {
      throw databaseError(e, 'database error');
    }
  }

  async queryArrays(sql: string, params: readonly unknown[] = []): Promise<unknown[][]> {
    this.guard();
    try {
      const res = await this.client.query({ text: sql, values: params as unknown[], rowMode: 'array' });
      return res.rows as unknown[][];
    } catch (e) {
      throw databaseError(e, 'database error');
    }
  }

  async exec(sql: string): Promise<void> {
    this.guard();
    try {
      await this.client.query(sql);
    } catch (e) {
      throw databaseError(e, 'database error');
    }
  }

  async copyFrom(table: string, columns: readonly string[], rows: AsyncIterable<string> | Iterable<string>): Promise<number> {
    this.guard();
    try {
      const stream = this.client.query(copyFromStdin(copySql(table, columns, 'STDIN')));
      await pipeline(Readable.from(rows, { objectMode: false }), stream);
      return stream.rowCount ?? 0;
    } catch (e) {
      throw databaseError(e, `bulk load into ${table} failed`);
    }
  }
}

class PostgresDriver extends PostgresSession implements Driver {
  readonly dialect = 'postgres' as const;
  private inTransaction = false;

  constructor(client: Client, readonly description: string, lostError: () => Error | undefined) {
    super(client, lostError);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    if (this.inTransaction) throw new Error('transactions do not nest');
    this.inTransaction = true;
    try {
      await this.exec('BEGIN');
      let result: T;
      try {
        result = await fn(new PostgresSession(this.client, this.lostError));
      } catch (e) {
        if (!this.lostError()) await this.client.query('ROLLBACK').catch(() => undefined);
        throw e;
      }
      // COMMIT of a transaction a failed statement aborted answers ROLLBACK, not an
      // error: a caller that caught that statement's failure must not take it for a commit.
      const commit = await this.client.query('COMMIT').catch((e: unknown) => { throw databaseError(e, 'COMMIT failed'); });
      if (commit.command === 'ROLLBACK') throw rolledBack();
      return result;
    } finally {
      this.inTransaction = false;
    }
  }

  async lock(key: bigint, timeoutMs: number): Promise<boolean> {
    this.guard();
    const ms = Math.max(1, Math.floor(timeoutMs));
    try {
      await this.client.query(`SET lock_timeout = ${ms}`);
      await this.client.query('SELECT pg_advisory_lock($1::bigint)', [key.toString()]);
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === '55P03') return false;
      throw databaseError(e, 'cannot take the advisory lock');
    } finally {
      await this.client.query('RESET lock_timeout').catch(() => undefined);
    }
  }

  async unlock(key: bigint): Promise<void> {
    await this.query('SELECT pg_advisory_unlock($1::bigint)', [key.toString()]);
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
