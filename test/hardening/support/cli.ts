// didsync as the user runs it: a real child process of the CLI entry point,
// its output collected, its exit code and time measured, and a handle to
// kill it at a chosen moment.

import { spawn, type ChildProcess } from 'node:child_process';
import { REPO_ROOT, cliArgs } from '../../support/cli-entry.js';

export { REPO_ROOT };

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface CliProcess {
  child: ChildProcess;
  startedAt: number;
  /** When the first byte of standard output arrived (performance.now()); undefined when it ended without output. */
  firstOutput: Promise<number | undefined>;
  done: Promise<CliResult>;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Standard input; closed at once when absent (no terminal, as in CI). */
  input?: string;
}

/** Start `didsync ARGS` from the repository. */
export function startCli(args: readonly string[], opts: CliOptions = {}): CliProcess {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', DATABASE_URL: undefined, ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const startedAt = performance.now();
  const child = spawn(process.execPath, [...cliArgs(), ...args], {
    cwd: REPO_ROOT, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (c: string) => { stdout += c; });
  child.stderr!.setEncoding('utf8').on('data', (c: string) => { stderr += c; });
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(opts.input ?? '');
  const firstOutput = new Promise<number | undefined>((resolve) => {
    child.stdout!.once('data', () => resolve(performance.now()));
    child.once('close', () => resolve(undefined));
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - startedAt }));
  });
  return { child, startedAt, firstOutput, done };
}

export function runCli(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  return startCli(args, opts).done;
}

/** What a user sees when a command fails: exactly one `didsync: ...` line, no stack trace. */
export function isOneLineError(stderr: string): boolean {
  const lines = stderr.split('\n').filter((l) => l !== '');
  return lines.length === 1 && lines[0].startsWith('didsync: ') && !/internal error|\n\s+at |\bat .+:\d+:\d+\)?$/.test(stderr);
}
