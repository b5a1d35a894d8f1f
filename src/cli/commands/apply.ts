// `didsync apply`: show the plan, confirm, apply it in one transaction.
// Without a terminal and without --yes it refuses (CONTRACT §4).

import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import type { SetExit } from './index.js';
import { loadDesired, today, withDatabase } from '../session.js';
import { applyPlan, makePlan, settingsOf } from '../../reconcile/engine.js';
import { readKnownDecks } from '../../reconcile/deck-records.js';
import { PLAN_FORMAT_VERSION, type Plan } from '../../reconcile/plan.js';
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
    .option('--force', 'apply even when a safety guard refuses')
    .action(async (flags: ApplyFlags) => {
      await withDatabase(flags.db, async (db) => {
        const { plan, git, lockTimeoutSeconds } = flags.plan ? await savedPlan(flags.plan) : await freshPlan(flags, db);
        process.stdout.write(renderPlanText(plan, { colour: process.stdout.isTTY === true }));
        if (plan.changes.length > 0 && !flags.yes && !(await confirm(db.description))) {
          throw new UserError('apply cancelled; nothing was changed');
        }
        const outcome = await applyPlan(db, plan, {
          force: flags.force === true, lockTimeoutSeconds,
          run: { trigger: 'cli', command: 'apply', commit: git.commit, author: git.author, subject: git.subject },
        });
        process.stdout.write(outcome.status === 'applied'
          ? `Applied: ${outcome.changes.length} object change(s) in run ${outcome.runId}.\n`
          : `Nothing to apply (run ${outcome.runId}).\n`);
      });
      setExit(0);
    });
}

async function freshPlan(flags: ApplyFlags, db: Parameters<typeof makePlan>[0] & { description: string }) {
  const { root, desired } = await loadDesired(flags.config, await readKnownDecks(db));
  const settings = settingsOf(desired);
  const git = await commitInfo(root);
  const plan = await makePlan(db, desired, {
    prune: flags.prune ?? settings.prune, guards: settings.guards, today: today(),
    createdAt: new Date().toISOString(), commit: git.commit, dbDescription: db.description,
  });
  return { plan, git, lockTimeoutSeconds: settings.lockTimeoutSeconds };
}

async function savedPlan(file: string): Promise<{ plan: Plan; git: CommitInfo; lockTimeoutSeconds: number }> {
  let plan: Plan;
  try {
    plan = JSON.parse(await readFile(file, 'utf8')) as Plan;
  } catch (e) {
    throw new UserError(`cannot read plan ${file}: ${(e as Error).message}`);
  }
  if (plan?.formatVersion !== PLAN_FORMAT_VERSION || !Array.isArray(plan.changes) || !plan.database?.digests) {
    throw new UserError(`${file} is not a didsync plan of format version ${PLAN_FORMAT_VERSION} (saved by \`didsync plan --out\`)`);
  }
  return { plan, git: { commit: plan.source?.commit ?? null, author: null, subject: null, dirty: false }, lockTimeoutSeconds: 30 };
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
