// The naive baseline: upsert rates one INSERT … ON CONFLICT statement (one
// round trip) per row, in one transaction, into an empty table like the
// rates table. Takes an evenly spread sample of the live rates, times only
// the statements, and prints { rows, total, seconds } so the runner can
// extrapolate to every row. Usage: naive-upsert.ts SAMPLE, with the
// database in BENCH_DATABASE_URL; the table is dropped afterwards.

import pg from 'pg';

const RATES = 'customer_rating_plan_rates';
const TABLE = 'bench_naive_rates';
const KEY = ['rating_plan_id', 'prefix', 'effective_date'];

const sample = Number(process.argv[2]);
const url = process.env.BENCH_DATABASE_URL;
if (!url || !Number.isSafeInteger(sample) || sample <= 0) throw new Error('usage: BENCH_DATABASE_URL=… naive-upsert.ts SAMPLE');

const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  // every value as text, as a program reading a CSV would send it
  const asText = { getTypeParser: () => (value: string) => value };
  const total = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${RATES}`)).rows[0].n);
  const every = Math.max(1, Math.floor(total / sample));
  const rows = (await client.query({
    text: `SELECT * FROM (SELECT r.*, row_number() OVER (ORDER BY id) AS bench_n FROM ${RATES} r) s
           WHERE bench_n % $1 = 0 ORDER BY bench_n LIMIT $2`,
    values: [every, sample], rowMode: 'array', types: asText,
  }));
  const columns = rows.fields.map((f) => f.name).filter((name) => name !== 'bench_n');
  await client.query(`DROP TABLE IF EXISTS ${TABLE}; CREATE TABLE ${TABLE} (LIKE ${RATES} INCLUDING ALL)`);
  const updates = columns.filter((c) => c !== 'id' && !KEY.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
  const upsert = {
    name: 'bench-upsert',
    text: `INSERT INTO ${TABLE} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
           ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET ${updates.join(', ')}`,
  };
  const started = process.hrtime.bigint();
  await client.query('BEGIN');
  for (const row of rows.rows as unknown[][]) await client.query({ ...upsert, values: row.slice(0, columns.length) });
  await client.query('COMMIT');
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.query(`DROP TABLE ${TABLE}`);
  process.stdout.write(JSON.stringify({ rows: rows.rows.length, total, seconds }) + '\n');
} finally {
  await client.end();
}
