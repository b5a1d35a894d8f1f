// Registers each command. One module per command in this folder; each
// exports `register(program, setExit)`.

import type { Command } from 'commander';
import type { ExitCode } from '../main.js';
import { register as registerValidate } from './validate.js';

export type SetExit = (code: ExitCode) => void;

export function registerCommands(program: Command, setExit: SetExit): void {
  registerValidate(program, setExit);
}
