// The benchmark's shared vocabulary (context, targets, steps, sections), how
// a section's steps run (a short step several times, reported by its median
// run), and the steps without a database: generate, the read baseline, load
// only, validate and the start of the CLI. A step measures one thing and says how
// it went; a command that does not exist yet, or fails, is 'not available'
// or 'failed' with a one-line reason, never a crash of the whole run.

import { failureLine, failureReason, parseJson } from './child-output.js';
import { CLI } from './cli.js';
import type { GenerateOptions } from './generate.js';
import { generateConfig } from './generate.js';
import { measureNode, type Measured } from './measure.js';
import type { Ran } from './report.js';

export interface BenchContext {
  /** The generated config root; edited by the change steps. */
  dir: string;
  /** The didsync repository (where src/ and node_modules/ are). */
  repoRoot: string;
  options: GenerateOptions;
  /** A temporary folder of the run for its own files (rate exports). */
  scratch: string;
  /** The database the database steps use: `postgres://…` or `pglite:DIR`. */
  databaseUrl?: string;
}

/** Every given bound must hold; `ratio` bounds seconds / the baseline's seconds. */
export interface Target {
  seconds?: number;
  peakMB?: number;
  ratio?: number;
}

export type StepOutcome =
  | { status: 'ok'; seconds: number; peakMB?: number; cpuSeconds?: number; note?: string; runs?: number[] }
  | { status: 'failed' | 'not available'; note: string; seconds?: number; peakMB?: number; cpuSeconds?: number; runs?: number[] };

/** What a step reports of a measured child. */
export function measured(m: Measured): { seconds: number; peakMB?: number; cpuSeconds?: number } {
  return { seconds: m.seconds, peakMB: m.peakMB, cpuSeconds: m.cpuSeconds };
}

export interface Step {
  name: string;
  target?: Target;
  /** Name of a step of the same run this one is compared with (seconds ratio). */
  baseline?: string;
  /**
   * Times the step is measured (default 1), for a step of about a second,
   * which a noisy machine moves by a tenth: it is reported by the median
   * run (combineRuns). `attempt` counts from 0; a step that changes the
   * database makes its change anew on each attempt.
   */
  runs?: number;
  run(ctx: BenchContext, attempt?: number): Promise<StepOutcome>;
}

/**
 * One outcome for the runs of a step: the first that did not succeed, if
 * any (with its run number); else the median run's seconds, CPU time and
 * note, the highest peak memory of all (memory bounds hold in every run),
 * and every run's seconds, listed in the note.
 */
export function combineRuns(outcomes: readonly StepOutcome[]): StepOutcome {
  if (outcomes.length === 1) return outcomes[0];
  const runs = outcomes.map((o) => o.seconds ?? NaN);
  const bad = outcomes.findIndex((o) => o.status !== 'ok');
  if (bad >= 0) {
    const o = outcomes[bad];
    return { ...o, note: `run ${bad + 1} of ${outcomes.length}: ${o.note ?? ''}`.trimEnd(), runs };
  }
  const byTime = outcomes.map((o, i) => ({ o, i })).sort((a, b) => runs[a.i] - runs[b.i]);
  const median = byTime[(byTime.length - 1) >> 1].o;
  const peaks = outcomes.map((o) => o.peakMB).filter((p): p is number => p !== undefined);
  const listed = `median of ${outcomes.length} runs: ${runs.map((s) => s.toFixed(2)).join(', ')} s`;
  return {
    ...median,
    ...(peaks.length === outcomes.length ? { peakMB: Math.max(...peaks) } : { peakMB: undefined }),
    note: median.note ? `${median.note} (${listed})` : listed,
    runs,
  };
}

/** Steps run against one context, reported under one heading. */
export interface Section {
  title: string;
  ctx: BenchContext;
  steps: readonly Step[];
}

export const READ_BASELINE = 'baseline: read + split lines';

/**
 * Runs a section's steps in order, each as many times as it asks (its runs
 * stop at the first that does not succeed); a step that throws is failed,
 * never the end of the benchmark.
 */
export async function runSection(section: Section, ran: Ran[], log: (line: string) => void = (l) => process.stderr.write(l)): Promise<void> {
  for (const step of section.steps) {
    log(`bench: ${section.title.split(' (')[0]}: ${step.name}...\n`);
    const outcomes: StepOutcome[] = [];
    for (let attempt = 0; attempt < (step.runs ?? 1); attempt++) {
      const outcome = await step.run(section.ctx, attempt).catch((e: unknown): StepOutcome => ({
        status: 'failed', note: failureLine(String((e as Error)?.message ?? e), folders(section.ctx)),
      }));
      outcomes.push(outcome);
      if (outcome.status !== 'ok') break;
    }
    ran.push({ section: section.title, step, outcome: combineRuns(outcomes) });
  }
}

/** Runs of a step of about a second (Step.runs). */
export const SHORT_RUNS = 3;

export function generateStep(): Step {
  return {
    name: 'generate',
    async run(ctx) {
      const started = process.hrtime.bigint();
      const r = await generateConfig(ctx.dir, ctx.options);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { status: 'ok', seconds, note: `${r.files} files, ${(r.bytes / 2 ** 20).toFixed(1)} MiB` };
    },
  };
}

export const CONFIG_STEPS: readonly Step[] = [
  generateStep(),
  {
    name: READ_BASELINE,
    async run(ctx) {
      const m = await measureNode(['bench/baseline-read.mjs', ctx.dir], ctx.repoRoot);
      if (m.exitCode !== 0) return { status: 'failed', note: failureReason(m, folders(ctx)), seconds: m.seconds };
      const counts = JSON.parse(m.stdout) as { files: number; lines: number };
      return { status: 'ok', ...measured(m), note: `${counts.lines} lines` };
    },
  },
  {
    name: 'load only (parse YAML + CSV)',
    baseline: READ_BASELINE,
    async run(ctx) {
      const m = await measureNode(['bench/load-only.mjs', ctx.dir], ctx.repoRoot);
      const counts = parseJson(m.stdout) as { documents: number; rates: number; problems: number } | undefined;
      if (!counts) return { status: 'not available', note: failureReason(m, folders(ctx)) };
      const note = `${counts.documents} documents, ${counts.rates} rates, ${counts.problems} problems`;
      if (counts.problems > 0) return { status: 'failed', ...measured(m), note };
      return { status: 'ok', ...measured(m), note };
    },
  },
  validateStep({ seconds: 2, peakMB: 512 }),
  {
    // the floor under every didsync step: process start and module loading, no work
    name: 'baseline: didsync start (--help)',
    runs: SHORT_RUNS,
    async run(ctx) {
      const m = await measureNode([CLI, '--help'], ctx.repoRoot);
      if (m.exitCode !== 0) return { status: 'failed', ...measured(m), note: failureReason(m, folders(ctx)) };
      return { status: 'ok', ...measured(m), note: `node ${CLI} --help` };
    },
  },
];

function validateStep(target?: Target): Step {
  return {
    name: 'validate',
    target,
    runs: SHORT_RUNS,
    async run(ctx) {
      const m = await measureNode(
        [CLI, 'validate', '-C', ctx.dir, '--format', 'json'], ctx.repoRoot);
      return validateOutcome(m, ctx);
    },
  };
}

/** validate exits 0 with `valid: true`; an invalid generated config is a failure of the run. */
function validateOutcome(m: Measured, ctx: BenchContext): StepOutcome {
  const report = parseJson(m.stdout) as { valid?: unknown; errors?: { file?: string; line?: number; message?: string }[] } | undefined;
  if (!report || typeof report.valid !== 'boolean') {
    return { status: 'not available', note: failureReason(m, folders(ctx)) };
  }
  if (!report.valid) {
    const first = report.errors?.[0];
    const where = first ? `${first.file}:${first.line}: ${first.message}` : '';
    return { status: 'failed', ...measured(m), note: `config reported invalid (${report.errors?.length ?? 0} errors) ${where}` };
  }
  return { status: 'ok', ...measured(m) };
}

/** The folders a failure line names by role. */
export function folders(ctx: BenchContext): Record<string, string> {
  return { '<config>': ctx.dir, '<scratch>': ctx.scratch, '<repo>': ctx.repoRoot };
}
