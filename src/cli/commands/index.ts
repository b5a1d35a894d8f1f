// Registers each command. One module per command in this folder; each
// exports `register(program, setExit)`.

import type { Command } from 'commander';
import type { ExitCode } from '../main.js';
import { register as registerValidate } from './validate.js';
import { register as registerPlan } from './plan.js';
import { register as registerApply } from './apply.js';
import { register as registerStatus } from './status.js';
import { register as registerExport } from './export.js';
import { register as registerDbInit } from './db-init.js';
import { register as registerDaemon } from './daemon.js';

export type SetExit = (code: ExitCode) => void;

export function registerCommands(program: Command, setExit: SetExit): void {
  registerValidate(program, setExit);
  registerPlan(program, setExit);
  registerApply(program, setExit);
  registerStatus(program, setExit);
  registerExport(program, setExit);
  registerDbInit(program, setExit);
  registerDaemon(program, setExit);
}
