// `npm run bench [-- --carriers N --rates N … --skip-pglite]`: generates a
// config of the given size in a temporary folder; measures the config steps,
// then didsync and PostgreSQL's own baselines against a fresh database on
// the local PostgreSQL (dropped at the end), then didsync on a fresh PGlite
// (at its own, by default smaller, size); prints a table, writes
// bench/results/latest.json and the README's Benchmark section. Exits 1 when
// a step fails or misses its target, so CI can run it as a check. didsync is
// built first and run as the compiled command users run (bench/cli.ts).

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COPY_IN, COPY_OUT, baselineSteps, updateBaselineStep } from './baseline-steps.js';
import { createBenchDatabase, type BenchDatabase } from './bench-database.js';
import { databaseSteps } from './database-steps.js';
import { daemonStep } from './daemon-step.js';
import type { GenerateOptions } from './generate.js';
import { readRunOptions, scaled, type RunOptions } from './run-options.js';
import { markdownResults, sizesText, writeIntoReadme } from './readme.js';
import { formatTable, resultsJson, stepResults, type Ran } from './report.js';
import { buildCli } from './cli.js';
import { CONFIG_STEPS, generateStep, runSection, type BenchContext } from './steps.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MEMORY = 512;

async function main(): Promise<number> {
  const run = readRunOptions(process.argv.slice(2));
  process.stderr.write('bench: building didsync...\n');
  buildCli(REPO_ROOT);
  const loadAtStart = loadavg()[0];
  const scratch = await mkdtemp(join(tmpdir(), 'didsync-bench-'));
  const base = { repoRoot: REPO_ROOT, scratch };
  const ran: Ran[] = [];
  let postgresVersion: string | undefined;
  let pgliteOptions: GenerateOptions | undefined;
  try {
    const configCtx: BenchContext = { ...base, dir: join(scratch, 'config'), options: run.options };
    await runSection({ title: 'Config, no database', ctx: configCtx, steps: CONFIG_STEPS }, ran);
    if (!run.skipPostgres) postgresVersion = await postgresSection(run, configCtx, ran);
    if (!run.skipPglite) {
      pgliteOptions = scaled(run.options, run.pgliteScale);
      const ctx = { ...base, dir: join(scratch, 'pglite-config'), options: pgliteOptions, databaseUrl: `pglite:${join(scratch, 'pglite-db')}` };
      const size = run.pgliteScale === 1 ? 'same size' : sizesText(pgliteOptions);
      const steps = [generateStep(), ...databaseSteps()];
      await runSection({ title: `PGlite, embedded (${size}; no targets, those are PostgreSQL's)`, ctx, steps }, ran);
    }
  } finally {
    if (run.keep) process.stderr.write(`bench: files kept in ${scratch}\n`);
    else await rm(scratch, { recursive: true, force: true });
  }
  const results = stepResults(ran);
  process.stdout.write(`${formatTable(results)}\n`);
  const json = resultsJson({
    options: run.options, pgliteOptions, postgresVersion, loadAverage: { start: loadAtStart, end: loadavg()[0] },
  }, results);
  const out = join(REPO_ROOT, 'bench', 'results');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
  if (!await writeIntoReadme(join(REPO_ROOT, 'README.md'), markdownResults(json))) {
    process.stderr.write('bench: README.md has no bench markers; only bench/results/latest.json was written\n');
  }
  return results.some((r) => r.pass === false || r.status === 'failed') ? 1 : 0;
}

/** Runs on a fresh database the config steps left their config for; returns the server version. */
async function postgresSection(run: RunOptions, configCtx: BenchContext, ran: Ran[]): Promise<string | undefined> {
  const title = 'PostgreSQL, fresh database';
  let db: BenchDatabase;
  try {
    db = await createBenchDatabase(run.postgresUrl);
  } catch (e) {
    const note = `no fresh database: ${(e as Error).message.split('\n')[0]}`.replace(/postgres(ql)?:\/\/\S+/gi, '<database>');
    ran.push({ section: title, step: { name: 'create database', run: async () => ({ status: 'not available', note }) }, outcome: { status: 'not available', note } });
    return undefined;
  }
  try {
    const steps = databaseSteps({
      targets: {
        'db init': { peakMB: MEMORY },
        'first apply': { ratio: 1.5, peakMB: MEMORY },
        'plan, no change': { ratio: 1.0, peakMB: MEMORY },
        'plan, 1% of rates': { peakMB: MEMORY },
        'plan --out, 1% of rates': { peakMB: MEMORY },
        'apply, 1% of rates': { ratio: 0.3, peakMB: MEMORY },
        'plan, one carrier line': { seconds: 1, peakMB: MEMORY },
        'apply, one carrier line': { seconds: 1, peakMB: MEMORY },
      },
      baselines: { 'first apply': COPY_IN, 'plan, no change': COPY_OUT, 'apply, 1% of rates': COPY_IN },
      afterFirstApply: baselineSteps(run.naiveSample),
    });
    // Last, as it leaves dead rows: the UPDATE a 1% apply sends, alone.
    steps.push(daemonStep({ seconds: 2 }), updateBaselineStep());
    await runSection({ title, ctx: { ...configCtx, databaseUrl: db.url }, steps }, ran);
    return db.serverVersion;
  } finally {
    await db.drop().catch((e: unknown) => process.stderr.write(`bench: could not drop the benchmark database: ${(e as Error).message}\n`));
  }
}

process.exitCode = await main();
