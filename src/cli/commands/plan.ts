// `didsync plan`: what apply would do, as text, JSON or markdown; `--out`
// saves it for `apply --plan`. Never writes to DIDTron's tables; it records
// drift in uncommitted_changes (CONTRACT §5) when the role may.

import type { Command } from 'commander';
import type { SetExit } from './index.js';
import { planConfig, today, withDatabase } from '../session.js';
import { markDrift } from '../../reconcile/drift.js';
import { publicPlan, type Plan } from '../../reconcile/plan.js';
import { renderPlanText } from '../../render/plan-text.js';
import { renderPlanMarkdown } from '../../render/plan-markdown.js';
import { commitInfo } from '../../sources/git-info.js';
import { UserError } from '../../report/errors.js';

interface PlanFlags {
  config: string;
  db?: string;
  format: string;
  out?: string;
  detailedExitcode?: boolean;
  prune?: boolean;
  fullComparison?: boolean;
}

export function register(program: Command, setExit: SetExit): void {
  program
    .command('plan')
    .description('show what apply would change in the database')
    .option('-C, --config <dir>', 'config root', '.')
    .option('--db <url>', 'database URL (default: $DATABASE_URL, else the embedded database)')
    .option('--format <format>', 'text | json | markdown', 'text')
    .option('--out <file>', 'save the plan for `apply --plan`')
    .option('--detailed-exitcode', 'exit 2 when there are changes')
    .option('--prune', 'plan deletes of managed objects that are no longer in the config')
    .option('--no-prune', 'plan no deletes, whatever Settings say')
    .option('--full-comparison', 'read and compare every file and row, trusting no record of the last apply')
    .action(async (flags: PlanFlags) => {
      if (!['text', 'json', 'markdown'].includes(flags.format)) throw new UserError(`unknown --format '${flags.format}' (text, json or markdown)`);
      // A plan can take a while: a place it cannot be saved is said before it is made.
      if (flags.out) await (await import('../../reconcile/plan-file.js')).checkPlanFileTarget(flags.out);
      // git answers while the database connection opens
      const gitInfo = commitInfo(flags.config);
      const plan = await withDatabase(flags.db, async (db) => {
        const git = await gitInfo;
        const { plan: p } = await planConfig(db, flags.config, {
          prune: flags.prune, today: today(), createdAt: new Date().toISOString(), commit: git.commit,
          fullComparison: flags.fullComparison === true,
        });
        await markDrift(db, p.drift);
        return p;
      });
      if (flags.out) {
        const { writePlanFile } = await import('../../reconcile/plan-file.js');
        await writePlanFile(flags.out, plan);
      }
      process.stdout.write(render(plan, flags.format));
      if (plan.conflicts.length > 0) setExit(1);
      else if (flags.detailedExitcode && plan.changes.length > 0) setExit(2);
    });
}

function render(plan: Plan, format: string): string {
  if (format === 'json') return `${JSON.stringify(publicPlan(plan), null, 2)}\n`;
  if (format === 'markdown') return renderPlanMarkdown(plan);
  return renderPlanText(plan, { colour: process.stdout.isTTY === true });
}
