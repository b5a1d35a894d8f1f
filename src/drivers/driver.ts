// The one interface the core uses to reach a database. Two implementations:
// PostgreSQL through `pg` (postgres.ts) and embedded PGlite (pglite.ts).
// Nothing outside src/drivers/ imports `pg` or PGlite.
//
// Values come back in one normalised shape on both drivers, so the diff never
// sees a driver difference:
//   numeric          -> string as PostgreSQL prints it ('5000.0000')
//   date             -> 'YYYY-MM-DD'
//   timestamp(tz)    -> string as PostgreSQL prints it
//   int8             -> string
//   int2/int4        -> number
//   bool             -> boolean
//   json/jsonb       -> parsed value
//   text/varchar     -> string

export interface QueryResult<R> {
  rows: R[];
  /** Rows affected by INSERT/UPDATE/DELETE, when the server reports it. */
  affected: number;
}

/** What can run statements: a driver, or a transaction inside one. */
export interface Queryable {
  /** Run one statement with $1..$n parameters; rows as objects keyed by column name. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Like query, rows as arrays in column order (cheaper for large reads). */
  queryArrays(sql: string, params?: readonly unknown[]): Promise<unknown[][]>;
  /** Run a script of several statements without parameters. */
  exec(sql: string): Promise<void>;
  /**
   * Bulk load rows into `table(columns)` through COPY FROM STDIN in CSV
   * format. `rows` yields CSV text chunks (many rows each, each row ending in
   * '\n'); values are already CSV-quoted by the caller. Returns rows loaded.
   */
  copyFrom(table: string, columns: readonly string[], rows: AsyncIterable<string> | Iterable<string>): Promise<number>;
}

/**
 * A driver is one connection. Once that connection is lost (server restart,
 * connection cut), every later statement fails with a retriable
 * DatabaseError: long-running callers (the daemon) close it and open anew.
 */
export interface Driver extends Queryable {
  readonly dialect: 'postgres' | 'pglite';
  /** A printable description without secrets (`postgres://app@db:5432/didtron`, `pglite:.didsync/db`). */
  readonly description: string;
  /**
   * Run `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it
   * throws (the error is rethrown). Transactions do not nest.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Take a session-level advisory lock, waiting at most `timeoutMs`; resolves
   * false on timeout. Held until `unlock` or until the connection closes.
   */
  lock(key: bigint, timeoutMs: number): Promise<boolean>;
  unlock(key: bigint): Promise<void>;
  close(): Promise<void>;
}
