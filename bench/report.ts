// Turns step outcomes into results: pass/fail against targets, ratios to
// baselines, the table printed to the terminal and the JSON written to
// bench/results/. The JSON names the machine by CPU and memory only, never
// by host name or path, so results can be committed and compared.

import { cpus, totalmem } from 'node:os';
import type { GenerateOptions } from './generate.js';
import type { Step, StepOutcome, Target } from './steps.js';

export interface StepResult {
  step: string;
  status: StepOutcome['status'];
  seconds: number | null;
  peakMB: number | null;
  target: Target | null;
  /** null when there is no target or nothing was measured. */
  pass: boolean | null;
  baseline: string | null;
  /** seconds / the baseline's seconds. */
  ratio: number | null;
  note: string | null;
}

export function stepResult(step: Step, outcome: StepOutcome, earlier: readonly StepResult[]): StepResult {
  const seconds = outcome.seconds ?? null;
  const peakMB = outcome.peakMB ?? null;
  const base = step.baseline ? earlier.find((r) => r.step === step.baseline) : undefined;
  let pass: boolean | null = null;
  if (step.target) {
    pass = outcome.status === 'ok' && seconds !== null && seconds < step.target.seconds
      && peakMB !== null && peakMB < step.target.peakMB;
    if (outcome.status === 'not available') pass = null;
  }
  return {
    step: step.name, status: outcome.status, seconds, peakMB, target: step.target ?? null, pass,
    baseline: base ? base.step : null,
    ratio: base?.seconds && seconds !== null ? seconds / base.seconds : null,
    note: outcome.note ?? null,
  };
}

export function formatTable(results: readonly StepResult[]): string {
  const rows = [['step', 'seconds', 'peak MB', 'target', 'result', 'vs baseline', 'note']];
  for (const r of results) {
    rows.push([
      r.step,
      r.seconds === null ? '-' : r.seconds.toFixed(2),
      r.peakMB === null ? '-' : r.peakMB.toFixed(0),
      r.target ? `< ${r.target.seconds} s, < ${r.target.peakMB} MB` : '',
      r.pass === null ? r.status === 'ok' ? '' : r.status : r.pass ? 'pass' : 'FAIL',
      r.ratio === null ? '' : `${r.ratio.toFixed(1)}x`,
      r.note ?? '',
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}

export function resultsJson(options: GenerateOptions, results: readonly StepResult[]): object {
  const cpuList = cpus();
  return {
    formatVersion: 1,
    measuredAt: new Date().toISOString(),
    machine: {
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      cpuCount: cpuList.length,
      totalMemoryMB: Math.round(totalmem() / 2 ** 20),
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    options,
    steps: results,
  };
}
