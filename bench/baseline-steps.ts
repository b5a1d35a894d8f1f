// PostgreSQL's own speed on the rows the first apply wrote, the yardstick of
// the targets: `psql \copy` of the rates out to a CSV file and back into an
// equivalent table (LIKE the rates table INCLUDING ALL: same primary and
// unique keys, no foreign key), and a naive upsert of one statement per row.
// For comparison, the floors the schema sets: the same \copy into the rates
// table itself (its foreign key, and the fingerprint triggers didsync adds),
// and the one UPDATE that reprices 1% of the rates. The baselines leave no
// table behind and change no row: what writes to the rates table is rolled back.

import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { failureReason, parseJson } from './child-output.js';
import { measureCommand, measureNode, type Measured } from './measure.js';
import { SHORT_RUNS, folders, measured, type BenchContext, type Step, type StepOutcome } from './steps.js';

export const COPY_OUT = 'baseline: \\copy out of the rates (psql)';
export const COPY_IN = 'baseline: \\copy in, same rows (psql)';
export const COPY_IN_FK = 'baseline: \\copy in, same rows and foreign key (psql)';
export const COPY_IN_RATES = 'baseline: \\copy in, into the rates table itself (psql)';
export const NAIVE_UPSERT = 'baseline: naive upsert, a statement per row';
export const UPDATE_ONE_PERCENT = 'baseline: one UPDATE of 1% of the rates (psql)';

const RATES = 'customer_rating_plan_rates';
const COPY_TABLE = 'bench_copy_rates';
const EXPORT_FILE = 'rates-export.csv';

export function baselineSteps(naiveSample: number): Step[] {
  return [
    {
      name: COPY_OUT,
      // Measured as often as the no-change plan it is the yardstick of.
      runs: SHORT_RUNS,
      async run(ctx) {
        const psql = findOnPath('psql');
        if (!psql) return { status: 'not available', note: 'psql is not on PATH' };
        const m = await runPsql(psql, ctx, `\\copy ${RATES} to ${quoted(exportFile(ctx))} with (format csv)`);
        return copied(m, ctx, 'rows to CSV');
      },
    },
    copyIn(COPY_IN, '', 'rows into a table with the same keys, no foreign key'),
    // The rates table didsync writes also checks each row's plan (its foreign key): PostgreSQL's
    // own bulk path into a table that does the same, for comparison (the targets use the one above).
    copyIn(COPY_IN_FK, ', FOREIGN KEY (rating_plan_id) REFERENCES customer_rating_plans (id)',
      'rows into a table with the same keys and the foreign key to the plans'),
    // What the first apply's load cannot go below: the rates table as didsync finds it, with every
    // rule DIDTron's schema and didsync's triggers keep, emptied in a transaction that is rolled back
    // (TRUNCATE gives it fresh files, so no dead row of the apply slows the load).
    {
      name: COPY_IN_RATES,
      async run(ctx) {
        const psql = findOnPath('psql');
        if (!psql) return { status: 'not available', note: 'psql is not on PATH' };
        if (!existsSync(exportFile(ctx))) return { status: 'not available', note: 'no export of the rates to copy in' };
        try {
          const m = await runPsql(psql, ctx, 'BEGIN', `TRUNCATE ${RATES}`, `\\copy ${RATES} from ${quoted(exportFile(ctx))} with (format csv)`, 'ROLLBACK');
          return copied(m, ctx, 'rows into the rates table (its keys, foreign key and triggers), emptied and restored in a transaction');
        } finally {
          // the export serves every copy-in baseline; this, the last, removes it
          await rm(exportFile(ctx), { force: true });
        }
      },
    },
    {
      name: NAIVE_UPSERT,
      async run(ctx) {
        if (ctx.databaseUrl === undefined) return { status: 'not available', note: 'no database' };
        const m = await measureNode(
          ['--import', 'tsx', 'bench/naive-upsert.ts', String(naiveSample)], ctx.repoRoot,
          { env: { BENCH_DATABASE_URL: ctx.databaseUrl } });
        const r = parseJson(m.stdout) as { rows: number; total: number; seconds: number } | undefined;
        if (m.exitCode !== 0 || !r || r.rows === 0) return { status: 'failed', note: failureReason(m, folders(ctx)) };
        const seconds = r.seconds * (r.total / r.rows);
        const note = `${r.rows} of ${r.total} rows upserted in ${r.seconds.toFixed(2)} s (one transaction), `
          + `extrapolated linearly to all rows`;
        return { status: 'ok', seconds, peakMB: m.peakMB, note };
      },
    },
  ];
}

/**
 * The statement a 1% apply sends to reprice its rates (write-rates.ts), on
 * every 100th rate of every plan in key order, timed by the server's round
 * trip alone (psql's \timing) and rolled back: the floor of a 1% apply on
 * this server, before any work of didsync's own. Run after didsync's steps,
 * so that the dead rows it leaves slow none of them.
 */
export function updateBaselineStep(): Step {
  return {
    name: UPDATE_ONE_PERCENT,
    baseline: COPY_IN,
    async run(ctx) {
      const psql = findOnPath('psql');
      if (!psql) return { status: 'not available', note: 'psql is not on PATH' };
      // A script, not -c commands: psql interpolates variables (set by \gset) only in what it reads.
      const script = join(ctx.scratch, 'update-baseline.sql');
      await writeFile(script, [
        'BEGIN;',
        `SELECT array_agg(rating_plan_id) AS plans, array_agg(prefix) AS prefixes, array_agg(effective_date) AS dates
           FROM (SELECT rating_plan_id, prefix, effective_date,
                        row_number() OVER (PARTITION BY rating_plan_id ORDER BY prefix, effective_date) AS n
                   FROM ${RATES}) AS r
          WHERE n % 100 = 0 \\gset`,
        '\\timing on',
        `UPDATE ${RATES} AS r SET rate = r.rate
           FROM unnest(:'plans'::varchar[], :'prefixes'::text[], :'dates'::date[]) AS d(rating_plan_id, prefix, effective_date)
          WHERE r.rating_plan_id = d.rating_plan_id AND r.prefix = d.prefix AND r.effective_date IS NOT DISTINCT FROM d.effective_date;`,
        '\\timing off',
        'ROLLBACK;',
        '',
      ].join('\n'));
      const m = await psqlWith(psql, ctx, ['-f', script]).finally(() => rm(script, { force: true }));
      if (m.exitCode !== 0) return { status: 'failed', seconds: m.seconds, note: failureReason(m, folders(ctx)) };
      const timed = /^UPDATE (\d+)\s*\nTime: ([\d.]+) ms/m.exec(m.stdout);
      if (!timed) return { status: 'failed', note: 'psql printed no time for the UPDATE' };
      return { status: 'ok', seconds: Number(timed[2]) / 1000, note: `${timed[1]} rows updated in one statement, timed by the server's round trip, rolled back` };
    },
  };
}

/** `\copy` of the exported rates into a fresh table like the rates table, plus `extra` in its definition. */
function copyIn(name: string, extra: string, what: string): Step {
  return {
    name,
    async run(ctx) {
      const psql = findOnPath('psql');
      if (!psql) return { status: 'not available', note: 'psql is not on PATH' };
      if (!existsSync(exportFile(ctx))) return { status: 'not available', note: 'no export of the rates to copy in' };
      const create = await runPsql(psql, ctx, `DROP TABLE IF EXISTS ${COPY_TABLE}; CREATE TABLE ${COPY_TABLE} (LIKE ${RATES} INCLUDING ALL${extra})`);
      if (create.exitCode !== 0) return { status: 'failed', note: failureReason(create, folders(ctx)) };
      try {
        const m = await runPsql(psql, ctx, `\\copy ${COPY_TABLE} from ${quoted(exportFile(ctx))} with (format csv)`);
        return copied(m, ctx, what);
      } finally {
        await runPsql(psql, ctx, `DROP TABLE IF EXISTS ${COPY_TABLE}`);
      }
    },
  };
}

function exportFile(ctx: BenchContext): string {
  return join(ctx.scratch, EXPORT_FILE);
}

/** psql running the commands in order, in one session. */
function runPsql(psql: string, ctx: BenchContext, ...commands: string[]): Promise<Measured> {
  return psqlWith(psql, ctx, commands.flatMap((c) => ['-c', c]));
}

function psqlWith(psql: string, ctx: BenchContext, args: string[]): Promise<Measured> {
  if (ctx.databaseUrl === undefined) throw new Error('psql baselines need a PostgreSQL database');
  return measureCommand(psql, ['-X', '-v', 'ON_ERROR_STOP=1', '-d', ctx.databaseUrl, ...args], ctx.repoRoot);
}

function copied(m: Measured, ctx: BenchContext, what: string): StepOutcome {
  if (m.exitCode !== 0) return { status: 'failed', seconds: m.seconds, note: failureReason(m, folders(ctx)) };
  const rows = /^COPY (\d+)/m.exec(m.stdout)?.[1] ?? '?';
  return { status: 'ok', ...measured(m), note: `${rows} ${what}` };
}

/** A psql string literal. */
function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function findOnPath(program: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, program))) return join(dir, program);
  }
  return undefined;
}
