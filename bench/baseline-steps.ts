// PostgreSQL's own speed on the rows the first apply wrote, the yardstick of
// the targets: `psql \copy` of the rates out to a CSV file and back into an
// equivalent table (LIKE the rates table INCLUDING ALL: same primary and
// unique keys, no foreign key), and a naive upsert of one statement per row.
// The baselines leave no table behind.

import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { failureReason, parseJson } from './child-output.js';
import { measureCommand, measureNode, type Measured } from './measure.js';
import { folders, measured, type BenchContext, type Step, type StepOutcome } from './steps.js';

export const COPY_OUT = 'baseline: \\copy out of the rates (psql)';
export const COPY_IN = 'baseline: \\copy in, same rows (psql)';
export const COPY_IN_FK = 'baseline: \\copy in, same rows and foreign key (psql)';
export const NAIVE_UPSERT = 'baseline: naive upsert, a statement per row';

const RATES = 'customer_rating_plan_rates';
const COPY_TABLE = 'bench_copy_rates';
const EXPORT_FILE = 'rates-export.csv';

export function baselineSteps(naiveSample: number): Step[] {
  return [
    {
      name: COPY_OUT,
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
      'rows into a table with the same keys and the foreign key to the plans', { last: true }),
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

/** `\copy` of the exported rates into a fresh table like the rates table, plus `extra` in its definition. */
function copyIn(name: string, extra: string, what: string, opts: { last?: boolean } = {}): Step {
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
        // the export serves every copy-in baseline; the last one removes it
        if (opts.last) await rm(exportFile(ctx), { force: true });
      }
    },
  };
}

function exportFile(ctx: BenchContext): string {
  return join(ctx.scratch, EXPORT_FILE);
}

function runPsql(psql: string, ctx: BenchContext, command: string): Promise<Measured> {
  if (ctx.databaseUrl === undefined) throw new Error('psql baselines need a PostgreSQL database');
  return measureCommand(psql, ['-X', '-v', 'ON_ERROR_STOP=1', '-d', ctx.databaseUrl, '-c', command], ctx.repoRoot);
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
