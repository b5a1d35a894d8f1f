// A fresh PostgreSQL database for one benchmark run, created through the
// server's maintenance database and dropped at the end (connections and
// all), so every run starts from the same empty state and leaves nothing.

import pg from 'pg';

export interface BenchDatabase {
  url: string;
  /** The server's version, e.g. "15.20", for the results' machine line. */
  serverVersion: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `didsync_bench_${process.pid}_${Date.now().toString(36)}`;
  const serverVersion = await withClient(adminUrl, async (c) => {
    await c.query(`CREATE DATABASE ${name}`);
    return (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v.split(' ')[0];
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    serverVersion,
    drop: () => withClient(adminUrl, async (c) => { await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); }),
  };
}

async function withClient<T>(url: string, use: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
