// Runs a command in a child process and measures its wall time and peak
// memory. Peak memory comes from GNU time (`/usr/bin/time -v`) when present,
// else from a preload module that records process.resourceUsage().maxRSS;
// either way it is the child's own peak, not the benchmark runner's.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Measured {
  seconds: number;
  /** Peak resident set size in MiB; undefined when it could not be read. */
  peakMB?: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const PRELOAD = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url));
const MAX_RSS = /Maximum resident set size \(kbytes\): (\d+)/;

/** Runs `node <args>` in `cwd`. */
export async function measureNode(args: string[], cwd: string): Promise<Measured> {
  if (existsSync(GNU_TIME)) {
    const r = await run(GNU_TIME, ['-v', process.execPath, ...args], cwd, {});
    const kb = MAX_RSS.exec(r.stderr)?.[1];
    return { ...r, stderr: withoutTimeReport(r.stderr), peakMB: kb ? Number(kb) / 1024 : undefined };
  }
  const scratch = await mkdtemp(join(tmpdir(), 'didsync-bench-rss-'));
  const file = join(scratch, 'maxrss');
  try {
    const r = await run(process.execPath, ['--import', PRELOAD, ...args], cwd, { BENCH_PEAK_RSS_FILE: file });
    const kb = await readFile(file, 'utf8').catch(() => '');
    return { ...r, peakMB: kb ? Number(kb) / 1024 : undefined };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Omit<Measured, 'peakMB'>> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      exitCode: code ?? 1,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
    }));
  });
}

/** GNU time appends its report (and a note on a non-zero exit) to stderr. */
function withoutTimeReport(stderr: string): string {
  const at = stderr.search(/^(Command exited with non-zero status \d+\n)?\tCommand being timed:/m);
  return at < 0 ? stderr : stderr.slice(0, at);
}
