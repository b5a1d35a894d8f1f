// Turns step outcomes into results: ratios to baselines, pass/fail against
// targets, the table printed to the terminal and the JSON written to
// bench/results/. The JSON names the machine by CPU, memory and versions
// only, never by host name or path, so results can be committed and compared.

import { cpus, totalmem } from 'node:os';
import type { GenerateOptions } from './generate.js';
import type { Step, StepOutcome, Target } from './steps.js';

export interface StepResult {
  /** The heading the step is reported under: the config, or a database. */
  section: string;
  step: string;
  status: StepOutcome['status'];
  seconds: number | null;
  peakMB: number | null;
  /** The measured process's own CPU time (not a database server's). */
  cpuSeconds: number | null;
  target: Target | null;
  /** null when there is no target, or a bound could not be checked and none failed. */
  pass: boolean | null;
  baseline: string | null;
  /** seconds / the baseline's seconds. */
  ratio: number | null;
  note: string | null;
  /** Each run's seconds, for a step measured more than once (`seconds` is their median). */
  runs?: number[];
}

export interface Ran {
  section: string;
  step: Step;
  outcome: StepOutcome;
}

/** Results of a whole run; baselines may come after the steps compared with them. */
export function stepResults(ran: readonly Ran[]): StepResult[] {
  return ran.map(({ section, step, outcome }) => {
    const seconds = outcome.seconds ?? null;
    const base = step.baseline ? ran.find((r) => r.step.name === step.baseline) : undefined;
    const baseSeconds = base?.outcome.status === 'ok' ? base.outcome.seconds : undefined;
    const ratio = baseSeconds && seconds !== null ? seconds / baseSeconds : null;
    const result = {
      section, step: step.name, status: outcome.status, seconds, peakMB: outcome.peakMB ?? null,
      cpuSeconds: outcome.cpuSeconds ?? null,
      target: step.target ?? null, pass: null, baseline: step.baseline ?? null, ratio, note: outcome.note ?? null,
      ...(outcome.runs ? { runs: outcome.runs } : {}),
    };
    return { ...result, pass: passes(result) };
  });
}

function passes(r: Omit<StepResult, 'pass'>): boolean | null {
  if (!r.target || r.status === 'not available') return null;
  if (r.status === 'failed') return false;
  const checks = [
    bound(r.seconds, r.target.seconds, (v, max) => v < max),
    bound(r.peakMB, r.target.peakMB, (v, max) => v < max),
    bound(r.ratio, r.target.ratio, (v, max) => v <= max),
  ];
  if (checks.includes(false)) return false;
  return checks.includes(null) ? null : true;
}

/** true/false when the bound applies and was measured; null when unmeasured; true when unbounded. */
function bound(value: number | null, max: number | undefined, ok: (v: number, max: number) => boolean): boolean | null {
  if (max === undefined) return true;
  return value === null ? null : ok(value, max);
}

export function baselineLabel(name: string): string {
  return name.replace(/^baseline: /, '').replace(/ \(.*\)$/, '').replace(/,.*$/, '');
}

export function targetText(t: Target | null, baseline: string | null): string {
  if (!t) return '';
  const parts: string[] = [];
  if (t.seconds !== undefined) parts.push(`< ${t.seconds} s`);
  if (t.ratio !== undefined && baseline) parts.push(`<= ${t.ratio}x ${baselineLabel(baseline)}`);
  if (t.peakMB !== undefined) parts.push(`< ${t.peakMB} MB`);
  return parts.join(', ');
}

/** The cells of one result, shared by the terminal table and the README's. */
export function resultCells(r: StepResult): string[] {
  return [
    r.step,
    r.seconds === null ? '-' : r.seconds.toFixed(2),
    r.cpuSeconds === null ? '-' : r.cpuSeconds.toFixed(2),
    r.peakMB === null ? '-' : r.peakMB.toFixed(0),
    r.ratio === null || !r.baseline ? '' : `${r.ratio.toFixed(2)}x ${baselineLabel(r.baseline)}`,
    targetText(r.target, r.baseline),
    r.pass === null ? r.status === 'ok' ? '' : r.status : r.pass ? 'pass' : 'FAIL',
    r.note ?? '',
  ];
}

export const COLUMNS = ['step', 'seconds', 'cpu s', 'peak MB', 'ratio', 'target', 'result', 'note'];

export function formatTable(results: readonly StepResult[]): string {
  const rows = [COLUMNS, ...results.map(resultCells)];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  const line = (row: string[]): string => row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  const out = [line(COLUMNS)];
  let section: string | undefined;
  for (const r of results) {
    if (r.section !== section) out.push('', `== ${r.section}`);
    section = r.section;
    out.push(line(resultCells(r)));
  }
  return out.join('\n');
}

export interface RunFacts {
  options: GenerateOptions;
  /** The PGlite section's own sizes, when it ran. */
  pgliteOptions?: GenerateOptions;
  postgresVersion?: string;
  /** The 1-minute load average before and after the run: other work on the machine skews the times. */
  loadAverage: { start: number; end: number };
}

export function resultsJson(facts: RunFacts, results: readonly StepResult[]): ResultsJson {
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
      ...(facts.postgresVersion ? { postgres: facts.postgresVersion } : {}),
    },
    loadAverage: facts.loadAverage,
    options: facts.options,
    ...(facts.pgliteOptions ? { pgliteOptions: facts.pgliteOptions } : {}),
    steps: [...results],
  };
}

export interface ResultsJson {
  formatVersion: 1;
  measuredAt: string;
  machine: { cpuModel: string; cpuCount: number; totalMemoryMB: number; node: string; platform: string; postgres?: string };
  loadAverage: { start: number; end: number };
  options: GenerateOptions;
  pgliteOptions?: GenerateOptions;
  steps: StepResult[];
}
