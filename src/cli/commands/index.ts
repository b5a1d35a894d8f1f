// Registers the commands. One module per command in this folder; each
// exports `register(program, setExit)`. A run loads only the module of the
// command it names (with its libraries: Ajv, the YAML parsers, the database
// drivers, git), which saves a third of a second on every run; help, or a
// name that is no command, loads them all so that commander can list them
// or suggest the nearest.

import type { Command } from 'commander';
import type { ExitCode } from '../main.js';

export type SetExit = (code: ExitCode) => void;

type CommandModule = { register(program: Command, setExit: SetExit): void };

/** Each command's first word, in the order help lists them. */
const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  validate: () => import('./validate.js'),
  plan: () => import('./plan.js'),
  apply: () => import('./apply.js'),
  status: () => import('./status.js'),
  export: () => import('./export.js'),
  db: () => import('./db-init.js'),
  daemon: () => import('./daemon.js'),
};

export async function registerCommands(program: Command, setExit: SetExit, argv: readonly string[]): Promise<void> {
  const named = argv.find((a) => !a.startsWith('-'));
  const names = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!()).register(program, setExit);
}
