// `didsync validate`: checks the config root without a database and prints
// every problem as text, JSON (CONTRACT §4), GitHub annotations or a GitLab
// Code Quality report. Exit 0 when valid, 1 when not; a user's mistake is
// output, never a stack trace.

import { relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import type { SetExit } from './index.js';
import { checkRoot, type Check } from '../../validate/index.js';
import { formatProblemsGithub, formatProblemsGitlab, formatProblemsJson, formatProblemsText, formatValidSummary } from '../../report/format-problems.js';
import { UserError } from '../../report/errors.js';

const FORMATS = ['text', 'json', 'github', 'gitlab'];

interface ValidateFlags {
  config: string;
  format: string;
}

export function register(program: Command, setExit: SetExit): void {
  program
    .command('validate')
    .description('check the config (schemas, identities, references, rates) without a database')
    .option('-C, --config <dir>', 'config root', '.')
    .option('--format <format>', 'text | json | github | gitlab', 'text')
    .action(async (flags: ValidateFlags) => {
      if (!FORMATS.includes(flags.format)) throw new UserError(`unknown --format '${flags.format}' (text, json, github or gitlab)`);
      const root = resolve(flags.config);
      const check = await checkRoot(root);
      process.stdout.write(await render(flags.format, root, check));
      setExit(check.problems.length > 0 ? 1 : 0);
    });
}

async function render(format: string, root: string, check: Check): Promise<string> {
  const { problems } = check;
  if (format === 'json') return formatProblemsJson(problems);
  if (format === 'github') return formatProblemsGithub(problems, repositoryPrefix(root));
  if (format === 'gitlab') return formatProblemsGitlab(problems, repositoryPrefix(root));
  if (problems.length > 0) return formatProblemsText(root, problems, { colour: process.stdout.isTTY === true && !process.env.NO_COLOR });
  return `${formatValidSummary(check)}\n`;
}

/** The config root as seen from the working directory (the checkout in CI), for annotation and report paths. */
function repositoryPrefix(root: string): string {
  const rel = relative(process.cwd(), root);
  if (rel === '' || rel.startsWith('..') || resolve(rel) !== root) return '';
  return rel.split(sep).join('/');
}
