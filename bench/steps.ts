// The benchmark's steps, in the order they run. A step measures one thing
// against the generated config and says how it went; to benchmark a new
// command (apply, plan, a copy baseline), append a step here. A command that
// does not exist yet, or fails for a reason other than the config, is
// 'not available', never a crash of the whole run.

import type { GenerateOptions } from './generate.js';
import { generateConfig } from './generate.js';
import { measureNode, type Measured } from './measure.js';

export interface BenchContext {
  /** The generated config root. */
  dir: string;
  /** The didsync repository (where src/ and node_modules/ are). */
  repoRoot: string;
  options: GenerateOptions;
}

export interface Target {
  seconds: number;
  peakMB: number;
}

export type StepOutcome =
  | { status: 'ok'; seconds: number; peakMB?: number; note?: string }
  | { status: 'failed' | 'not available'; note: string; seconds?: number; peakMB?: number };

export interface Step {
  name: string;
  target?: Target;
  /** Name of an earlier step this one is compared with (seconds ratio). */
  baseline?: string;
  run(ctx: BenchContext): Promise<StepOutcome>;
}

export const STEPS: readonly Step[] = [
  {
    name: 'generate',
    async run(ctx) {
      const started = process.hrtime.bigint();
      const r = await generateConfig(ctx.dir, ctx.options);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { status: 'ok', seconds, note: `${r.files} files, ${(r.bytes / 2 ** 20).toFixed(1)} MiB` };
    },
  },
  {
    name: 'baseline: read + split lines',
    async run(ctx) {
      const m = await measureNode(['--import', 'tsx', 'bench/baseline-read.ts', ctx.dir], ctx.repoRoot);
      if (m.exitCode !== 0) return { status: 'failed', note: failureLine(m.stderr, ctx), seconds: m.seconds };
      const counts = JSON.parse(m.stdout) as { files: number; lines: number };
      return { status: 'ok', seconds: m.seconds, peakMB: m.peakMB, note: `${counts.lines} lines` };
    },
  },
  {
    name: 'load only (parse YAML + CSV)',
    baseline: 'baseline: read + split lines',
    async run(ctx) {
      const m = await measureNode(['--import', 'tsx', 'bench/load-only.ts', ctx.dir], ctx.repoRoot);
      const counts = parseJson(m.stdout) as { documents: number; rates: number; problems: number } | undefined;
      if (!counts) return { status: 'not available', note: failureLine(m.stderr, ctx) || `exit code ${m.exitCode}` };
      const note = `${counts.documents} documents, ${counts.rates} rates, ${counts.problems} problems`;
      if (counts.problems > 0) return { status: 'failed', seconds: m.seconds, peakMB: m.peakMB, note };
      return { status: 'ok', seconds: m.seconds, peakMB: m.peakMB, note };
    },
  },
  {
    name: 'validate',
    target: { seconds: 2, peakMB: 512 },
    baseline: 'baseline: read + split lines',
    async run(ctx) {
      const m = await measureNode(
        ['--import', 'tsx', 'src/cli/bin.ts', 'validate', '-C', ctx.dir, '--format', 'json'], ctx.repoRoot);
      return validateOutcome(m, ctx);
    },
  },
];

/** validate exits 0 with `valid: true`; an invalid generated config is a failure of the run. */
function validateOutcome(m: Measured, ctx: BenchContext): StepOutcome {
  const report = parseJson(m.stdout) as { valid?: unknown; errors?: { file?: string; line?: number; message?: string }[] } | undefined;
  if (!report || typeof report.valid !== 'boolean') {
    return { status: 'not available', note: failureLine(m.stderr, ctx) || `exit code ${m.exitCode}, no JSON report` };
  }
  if (!report.valid) {
    const first = report.errors?.[0];
    const where = first ? `${first.file}:${first.line}: ${first.message}` : '';
    return { status: 'failed', seconds: m.seconds, peakMB: m.peakMB, note: `config reported invalid (${report.errors?.length ?? 0} errors) ${where}` };
  }
  return { status: 'ok', seconds: m.seconds, peakMB: m.peakMB };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The line of a child's stderr that says what went wrong (the error, not the
 * stack's first frame), with this machine's folders replaced: results are
 * committed and must not carry paths.
 */
function failureLine(stderr: string, ctx: BenchContext): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const line = lines.find((l) => /\b(error|Error)\b/.test(l)) ?? lines[0] ?? '';
  return line
    .replaceAll(ctx.dir, '<config>')
    .replaceAll(ctx.repoRoot.replace(/[\\/]$/, ''), '<repo>')
    .replace(/file:\/\/\S*/g, '<file>')
    .replace(/(^|[\s'"(])\/[^\s'")]+/g, '$1<path>')
    .slice(0, 200);
}
