// The didsync steps against one database, each a whole CLI process (start,
// load, database, output): db init, the first apply, a plan with no changes,
// 1% of the rates changed (planned, applied) and one carrier line changed
// (planned, applied). Plans must show exactly the edits made: a plan that
// misses or invents a change fails its step, however fast it was.

import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { failureReason, parseJson } from './child-output.js';
import { CLI } from './cli.js';
import { changeOneCarrier, changeRates } from './edits.js';
import { measureNode, type Measured } from './measure.js';
import { SHORT_RUNS, folders, measured, type BenchContext, type Step, type StepOutcome, type Target } from './steps.js';

export interface DatabaseStepsOptions {
  /** Targets by step: only PostgreSQL's steps have them. */
  targets?: Partial<Record<DatabaseStepName, Target>>;
  /** Baselines by step (names of other steps of the run). */
  baselines?: Partial<Record<DatabaseStepName, string>>;
  /** Steps run right after the first apply, on the same rows (the copy baselines). */
  afterFirstApply?: readonly Step[];
}

export type DatabaseStepName = 'db init' | 'first apply' | 'plan, no change' | 'plan, 1% of rates'
  | 'plan --out, 1% of rates' | 'apply, 1% of rates' | 'plan, one carrier line' | 'apply, one carrier line';

interface PlanJson {
  changes?: { action: string; kind: string; key: string; fields?: object; rates?: { added: number; removed: number; changed: number } }[];
  drift?: unknown[];
  conflicts?: unknown[];
}

export function databaseSteps(o: DatabaseStepsOptions = {}): Step[] {
  const step = (name: DatabaseStepName, run: Step['run'], runs?: number): Step =>
    ({ name, target: o.targets?.[name], baseline: o.baselines?.[name], run, ...(runs ? { runs } : {}) });
  return [
    step('db init', async (ctx) => applied(await didsync(ctx, ['db', 'init']), ctx)),
    step('first apply', async (ctx) => applied(await didsync(ctx, ['apply', '-C', ctx.dir, '--yes']), ctx)),
    ...(o.afterFirstApply ?? []),
    step('plan, no change', async (ctx) => planned(ctx, 'no change', () => undefined), SHORT_RUNS),
    step('plan, 1% of rates', async (ctx) => {
      const edits = await changeRates(ctx.dir);
      const outcome = await planned(ctx, 'rates', (p) => expectRates(p, edits.rows));
      return withNote(outcome, `${edits.rows} rates edited in ${edits.decks} decks`);
    }),
    // The same plan saved for review (CI's `plan --out`, then `apply --plan`): it carries every changed deck, as edits of the deck applied.
    step('plan --out, 1% of rates', async (ctx) => saved(ctx)),
    step('apply, 1% of rates', async (ctx) => applied(await didsync(ctx, ['apply', '-C', ctx.dir, '--yes']), ctx)),
    // Each run raises the limit again: the database still has the value from before the first.
    step('plan, one carrier line', async (ctx) => {
      const file = await changeOneCarrier(ctx.dir);
      const outcome = await planned(ctx, 'carrier', expectOneCarrierLine);
      return withNote(outcome, `capacityLimit in ${file}`);
    }, SHORT_RUNS),
    // The first run applies the plan step's edit; each later one makes a new edit first.
    step('apply, one carrier line', async (ctx, attempt = 0) => {
      if (attempt > 0) await changeOneCarrier(ctx.dir);
      return applied(await didsync(ctx, ['apply', '-C', ctx.dir, '--yes']), ctx, expectOneUpdate);
    }, SHORT_RUNS),
  ];
}

function didsync(ctx: BenchContext, args: string[]): Promise<Measured> {
  if (ctx.databaseUrl === undefined) throw new Error('database steps need a database');
  return measureNode([CLI, ...args, '--db', ctx.databaseUrl], ctx.repoRoot);
}

/** A command that writes: ok on exit 0 (and what `expect` says of its summary), noted with its plan's summary line. */
function applied(m: Measured, ctx: BenchContext, expect?: (summary: string | undefined) => string | undefined): StepOutcome {
  if (m.exitCode !== 0) return { status: 'failed', ...measured(m), note: failureReason(m, folders(ctx)) };
  const summary = /^Plan: (.*)$/m.exec(m.stdout)?.[1];
  const wrong = expect?.(summary);
  if (wrong) return { status: 'failed', ...measured(m), note: `unexpected apply: ${wrong}` };
  return { status: 'ok', ...measured(m), note: summary };
}

/** An apply of exactly one object update (a run that applied nothing would be quick for nothing). */
function expectOneUpdate(summary: string | undefined): string | undefined {
  return summary === '0 to create, 1 to update, 0 to delete, 0 to adopt.' ? undefined : `${summary ?? 'no plan summary'}, expected one update`;
}

/** `plan --out FILE`: ok on exit 0 with a plan file of this format written, noted with its size. */
async function saved(ctx: BenchContext): Promise<StepOutcome> {
  const file = join(ctx.scratch, 'plan-1pct.json');
  const m = await didsync(ctx, ['plan', '-C', ctx.dir, '--out', file]);
  const taken = measured(m);
  if (m.exitCode !== 0) return { status: 'failed', ...taken, note: failureReason(m, folders(ctx)) };
  const text = await readFile(file, 'utf8').catch(() => '');
  await rm(file, { force: true });
  const plan = parseJson(text) as { formatVersion?: unknown; changes?: unknown[] } | undefined;
  if (plan?.formatVersion !== 1 || !Array.isArray(plan.changes)) return { status: 'failed', ...taken, note: 'no plan file of format version 1 written' };
  return { status: 'ok', ...taken, note: `${plan.changes.length} object changes; plan file ${(text.length / 2 ** 20).toFixed(1)} MiB` };
}

/**
 * `plan --detailed-exitcode` (0 no changes, 2 changes) with its JSON checked
 * by `expect`, which returns what is wrong with the plan or undefined.
 */
async function planned(ctx: BenchContext, expecting: 'no change' | 'rates' | 'carrier',
  expect: (plan: PlanJson) => string | undefined): Promise<StepOutcome> {
  const m = await didsync(ctx, ['plan', '-C', ctx.dir, '--format', 'json', '--detailed-exitcode']);
  const taken = measured(m);
  const plan = parseJson(m.stdout) as PlanJson | undefined;
  if (m.exitCode !== 0 && m.exitCode !== 2) return { status: 'failed', ...taken, note: failureReason(m, folders(ctx)) };
  if (plan === undefined) {
    return { status: 'failed', ...taken, note: `exit code ${m.exitCode} but no whole JSON plan on stdout (${m.stdout.length} characters)` };
  }
  const wrong = (m.exitCode === 0) !== (expecting === 'no change')
    ? `exit code ${m.exitCode}: ${describe(plan)}` : expect(plan);
  if (wrong) return { status: 'failed', ...taken, note: `unexpected plan: ${wrong}` };
  return { status: 'ok', ...taken, note: describe(plan) };
}

function expectRates(plan: PlanJson, edited: number): string | undefined {
  const others = (plan.changes ?? []).filter((c) => c.kind !== 'RatingPlan' || Object.keys(c.fields ?? {}).length > 0);
  const rates = rateCount(plan);
  if (others.length > 0 || rates.changed !== edited || rates.added + rates.removed > 0) {
    return `${describe(plan)}, expected ${edited} changed rates only`;
  }
  return undefined;
}

function expectOneCarrierLine(plan: PlanJson): string | undefined {
  const changes = plan.changes ?? [];
  const only = changes.length === 1 ? changes[0] : undefined;
  if (only?.kind !== 'Carrier' || Object.keys(only.fields ?? {}).join() !== 'capacityLimit' || only.rates) {
    return `${describe(plan)}, expected one Carrier capacityLimit update`;
  }
  return undefined;
}

function rateCount(plan: PlanJson): { added: number; removed: number; changed: number } {
  const total = { added: 0, removed: 0, changed: 0 };
  for (const c of plan.changes ?? []) {
    total.added += c.rates?.added ?? 0;
    total.removed += c.rates?.removed ?? 0;
    total.changed += c.rates?.changed ?? 0;
  }
  return total;
}

function describe(plan: PlanJson): string {
  const r = rateCount(plan);
  const parts = [`${plan.changes?.length ?? 0} object changes`, `rates +${r.added} ~${r.changed} -${r.removed}`];
  if (plan.drift?.length) parts.push(`${plan.drift.length} drift`);
  if (plan.conflicts?.length) parts.push(`${plan.conflicts.length} conflicts`);
  return parts.join(', ');
}

function withNote(outcome: StepOutcome, note: string): StepOutcome {
  return { ...outcome, note: outcome.note ? `${note}; ${outcome.note}` : note };
}
