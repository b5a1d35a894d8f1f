// Runs a command in a child process and measures its wall time and peak
// memory. Peak memory comes from GNU time (`/usr/bin/time -v`) when present,
// else, for node children, from a preload module that records
// process.resourceUsage().maxRSS; either way it is the child's own peak, not
// the benchmark runner's (nor a database server's). A child that outlives its
// time limit is killed with its process group and reported, never waited for.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Measured {
  seconds: number;
  /** Peak resident set size in MiB; undefined when it could not be read. */
  peakMB?: number;
  /** The child's own CPU time (user + system), known where GNU time is. */
  cpuSeconds?: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  /** Kill the child after this many seconds (exit code 124). */
  timeoutSeconds?: number;
  env?: Record<string, string>;
}

const GNU_TIME = '/usr/bin/time';
const PRELOAD = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));
const MAX_RSS = /Maximum resident set size \(kbytes\): (\d+)/;
const CPU_TIME = /(User|System) time \(seconds\): ([\d.]+)/g;
const DEFAULT_TIMEOUT_SECONDS = 30 * 60;

/** Runs `node <args>` in `cwd`. */
export async function measureNode(args: string[], cwd: string, options: MeasureOptions = {}): Promise<Measured> {
  if (existsSync(GNU_TIME)) return measureCommand(process.execPath, args, cwd, options);
  const scratch = await mkdtemp(join(tmpdir(), 'didsync-bench-rss-'));
  const file = join(scratch, 'maxrss');
  try {
    const env = { ...options.env, BENCH_PEAK_RSS_FILE: file };
    const r = await run(process.execPath, ['--import', PRELOAD, ...args], cwd, { ...options, env });
    const kb = await readFile(file, 'utf8').catch(() => '');
    return { ...r, peakMB: kb ? Number(kb) / 1024 : undefined };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Runs any program (psql, say); its peak memory is known only where GNU time is. */
export async function measureCommand(command: string, args: string[], cwd: string, options: MeasureOptions = {}): Promise<Measured> {
  if (!existsSync(GNU_TIME)) return run(command, args, cwd, options);
  const r = await run(GNU_TIME, ['-v', command, ...args], cwd, options);
  const kb = MAX_RSS.exec(r.stderr)?.[1];
  const cpu = [...r.stderr.matchAll(CPU_TIME)].map((m) => Number(m[2]));
  return {
    ...r, stderr: withoutTimeReport(r.stderr), peakMB: kb ? Number(kb) / 1024 : undefined,
    cpuSeconds: cpu.length === 2 ? cpu[0] + cpu[1] : undefined,
  };
}

/**
 * stdout goes to a file, not a pipe: a child that ends with process.exit()
 * may drop what a slow pipe has not taken yet, and a benchmark must read the
 * whole report (CI redirecting to a file sees it whole too).
 */
async function run(command: string, args: string[], cwd: string, options: MeasureOptions): Promise<Omit<Measured, 'peakMB'>> {
  const scratch = await mkdtemp(join(tmpdir(), 'didsync-bench-out-'));
  const outFile = join(scratch, 'stdout');
  const out = await open(outFile, 'w');
  try {
    const r = await spawnAndWait(command, args, cwd, options, out.fd);
    await out.close();
    return { ...r, stdout: await readFile(outFile, 'utf8') };
  } finally {
    await out.close().catch(() => undefined);
    await rm(scratch, { recursive: true, force: true });
  }
}

function spawnAndWait(command: string, args: string[], cwd: string, options: MeasureOptions, stdoutFd: number): Promise<Omit<Measured, 'peakMB' | 'stdout'>> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, {
      cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', stdoutFd, 'pipe'], detached: true,
    });
    const err: Buffer[] = [];
    let timedOut = false;
    const limit = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, limit * 1000);
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      resolve({
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        exitCode: timedOut ? 124 : code ?? 1,
        stderr: timedOut ? `error: timed out after ${limit} s\n${stderr}` : stderr,
      });
    });
  });
}

/** GNU time appends its report (and a note on a non-zero exit) to stderr. */
function withoutTimeReport(stderr: string): string {
  const at = stderr.search(/^(Command (exited with non-zero status \d+|terminated by signal \d+)\n)?\tCommand being timed:/m);
  return at < 0 ? stderr : stderr.slice(0, at);
}
