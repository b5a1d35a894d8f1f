// `didsync apply`: show the plan, confirm, apply it in one transaction.
// Without a terminal and without --yes it refuses (CONTRACT §4). Every
// refusal is recorded as a run, like an apply that failed.

import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { SetExit } from './index.js';
import { planConfig, today, withDatabase } from '../session.js';
import { applyPlan, recordRefusal } from '../../reconcile/engine.js';
import type { Plan } from '../../reconcile/plan.js';
import type { Driver } from '../../drivers/driver.js';
import type { RunInfo } from '../../reconcile/runs.js';
import { renderPlanText } from '../../render/plan-text.js';
import { commitInfo, type CommitInfo } from '../../sources/git-info.js';
import { UserError } from '../../report/errors.js';

interface ApplyFlags {
  config: string;
  plan?: string;
  db?: string;
  yes?: boolean;
  prune?: boolean;
  force?: boolean;
}

export function register(program: Command, setExit: SetExit): void {
  program
    .command('apply')
    .description('apply the config (or a saved plan) to the database in one transaction')
    .option('-C, --config <dir>', 'config root', '.')
    .option('--plan <file>', 'apply exactly this plan, saved by `plan --out`')
    .option('--db <url>', 'database URL (default: $DATABASE_URL, else the embedded database)')
    .option('--yes', 'do not ask for confirmation')
    .option('--prune', 'delete managed objects that are no longer in the config')
    .option('--no-prune', 'do not delete them, whatever Settings say')
    .option('--force', 'apply even when a safety guard refuses')
    .action(async (flags: ApplyFlags, command: Command) => {
      if (flags.plan && command.getOptionValueSource('config') === 'cli') {
        throw new UserError('apply takes either -C DIR or --plan FILE, not both: a saved plan already holds its config');
      }
      if (flags.plan && flags.prune !== undefined) {
        throw new UserError('--prune and --no-prune do not apply to a saved plan: it was made with or without them');
      }
      // git answers while the database connection opens
      const gitInfo = flags.plan ? undefined : commitInfo(flags.config);
      await withDatabase(flags.db, async (db) => {
        const run: RunInfo = { trigger: 'cli', command: 'apply' };
        let plan: Plan;
        let lockTimeoutSeconds: number;
        try {
          ({ plan, lockTimeoutSeconds } = flags.plan ? await savedPlan(flags.plan, run) : await freshPlan(flags, db, run, await gitInfo!));
          process.stdout.write(renderPlanText(plan, { colour: process.stdout.isTTY === true }));
          if (plan.changes.length > 0 && !flags.yes && !(await confirm(db.description))) {
            throw new UserError('apply cancelled; nothing was changed');
          }
        } catch (e) {
          if (e instanceof UserError) await recordRefusal(db, run, e.message);
          throw e;
        }
        const outcome = await applyPlan(db, plan, { force: flags.force === true, lockTimeoutSeconds, run, today: today() });
        process.stdout.write(outcome.status === 'applied'
          ? `Applied: ${outcome.changes.length} object change(s) in run ${outcome.runId}.\n`
          : `Nothing to apply (run ${outcome.runId}).\n`);
      });
      setExit(0);
    });
}

async function freshPlan(flags: ApplyFlags, db: Driver, run: RunInfo, git: CommitInfo): Promise<{ plan: Plan; lockTimeoutSeconds: number }> {
  Object.assign(run, { commit: git.commit, author: git.author, subject: git.subject });
  const { plan } = await planConfig(db, flags.config, { prune: flags.prune, today: today(), createdAt: new Date().toISOString(), commit: git.commit });
  return { plan, lockTimeoutSeconds: plan.settings.lockTimeoutSeconds };
}

async function savedPlan(file: string, run: RunInfo): Promise<{ plan: Plan; lockTimeoutSeconds: number }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read plan ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // Loaded here: checking a plan file needs Ajv, which a fresh plan does not.
  const { readPlanFile } = await import('../../reconcile/plan-file.js');
  const plan = readPlanFile(text, file);
  run.commit = plan.source.commit ?? null;
  return { plan, lockTimeoutSeconds: plan.settings?.lockTimeoutSeconds ?? 30 };
}

async function confirm(target: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new UserError('refusing to apply without confirmation: no terminal to ask on; pass --yes to apply non-interactively');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`Apply these changes to ${target}? Only 'yes' is accepted: `);
    return answer.trim() === 'yes';
  } finally {
    rl.close();
  }
}
