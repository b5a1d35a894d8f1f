// The command line: argument parsing, output and exit codes only. Every
// command calls library functions; bin.ts is the single place that calls
// process.exit (STYLE: one exit point).

import { Command, CommanderError } from 'commander';
import { UserError, FaultError } from '../report/errors.js';
import { registerCommands } from './commands/index.js';

/** What a command resolves to: the process exit code. */
export type ExitCode = 0 | 1 | 2;

export async function main(argv: string[]): Promise<ExitCode> {
  const program = new Command();
  let code: ExitCode = 0;
  program
    .name('didsync')
    .description('Config-as-code for DIDTron: YAML in git, diffed and applied to PostgreSQL')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    await registerCommands(program, (c) => { code = c; }, argv);
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    return reportFailure(e);
  }
}

function reportFailure(e: unknown): ExitCode {
  if (e instanceof CommanderError) {
    // commander already printed usage errors and help
    return e.exitCode === 0 ? 0 : 1;
  }
  if (e instanceof UserError || e instanceof FaultError) {
    process.stderr.write(`didsync: ${e.message}\n`);
    return 1;
  }
  process.stderr.write(`didsync: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  return 1;
}
