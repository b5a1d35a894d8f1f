// `didsync daemon` as a real child process for the tests: started through
// the CLI entry point, its JSON log lines collected and parsed as they come,
// waited on by predicate, stopped by signal with its exit code and time.

import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { Driver } from '../../src/drivers/driver.js';
import { openPglite } from '../../src/drivers/pglite.js';
import type { TestTarget } from '../support/databases.js';
import { cliArgs } from '../support/cli-entry.js';

const ROOT = join(import.meta.dirname, '../..');

export type LogEntry = Record<string, unknown> & { msg: string; level: string };

export interface DaemonProcess {
  child: ChildProcess;
  url: string;
  /** Every stderr line as written. */
  lines: string[];
  stdout(): string;
  /** Parsed log entries (throws on a line that is not JSON). */
  logs(): LogEntry[];
  waitForLog(pred: (e: LogEntry) => boolean, what: string, timeoutMs?: number): Promise<LogEntry>;
  /** Signal the process and wait for it to end: its exit code and how long it took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; ms: number }>;
}

export interface StartOptions {
  /** Working directory (default: the project root); the embedded database goes below it. */
  cwd?: string;
  /** Variables of this environment the daemon must not inherit (DATABASE_URL, say). */
  unset?: string[];
}

export async function startDaemon(args: string[], env: Record<string, string> = {}, opts: StartOptions = {}): Promise<DaemonProcess> {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  for (const name of opts.unset ?? []) delete inherited[name];
  const spawnArgs = [...cliArgs(), 'daemon', '--listen', '127.0.0.1:0', ...args];
  const child = spawn(process.execPath, spawnArgs, {
    cwd: opts.cwd ?? ROOT, env: { ...inherited, DIDSYNC_LOG_LEVEL: 'debug', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let out = '';
  let partial = '';
  const listeners = new Set<() => void>();
  child.stdout!.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => {
    partial += c.toString();
    const parts = partial.split('\n');
    partial = parts.pop()!;
    lines.push(...parts.filter((l) => l !== ''));
    for (const l of listeners) l();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { for (const l of listeners) l(); resolve(code); }));
  const parse = (): LogEntry[] => lines.map((l) => {
    try {
      return JSON.parse(l) as LogEntry;
    } catch {
      throw new Error(`not a JSON log line: ${l}`);
    }
  });
  const waitForLog = (pred: (e: LogEntry) => boolean, what: string, timeoutMs = 30_000) => new Promise<LogEntry>((resolve, reject) => {
    const check = () => {
      const hit = parse().find(pred);
      if (hit) {
        done();
        resolve(hit);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        done();
        reject(new Error(`the daemon exited (${child.exitCode ?? child.signalCode}) before: ${what}\n${lines.join('\n')}`));
      }
    };
    const timer = setTimeout(() => { done(); reject(new Error(`timed out waiting for: ${what}\n${lines.slice(-30).join('\n')}`)); }, timeoutMs);
    const done = () => { clearTimeout(timer); listeners.delete(check); };
    listeners.add(check);
    check();
  });
  const listening = await waitForLog((e) => typeof e.url === 'string' && e.msg.startsWith('listening'), 'listening');
  return {
    child, url: String(listening.url), lines, stdout: () => out, logs: parse, waitForLog,
    async stop(signal = 'SIGTERM') {
      const t0 = Date.now();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - t0 };
    },
  };
}

export interface HttpAnswer {
  status: number;
  body: any;
}

export function httpCall(url: string, method: string, body?: Buffer, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* metrics text */ }
        resolve({ status: res.statusCode!, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A GitHub push delivery for `branch`, signed with `secret` (or with the given signature). */
export function githubPush(url: string, branch: string, secret: string | null, signature?: string): Promise<HttpAnswer> {
  const body = Buffer.from(JSON.stringify({ ref: `refs/heads/${branch}`, after: 'f'.repeat(40), repository: { full_name: 'org/config' } }));
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': `d-${Date.now()}` };
  if (signature !== undefined) headers['x-hub-signature-256'] = signature;
  else if (secret !== null) headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  return httpCall(`${url}/webhook`, 'POST', body, headers);
}

/** Poll `fn` until it returns a value (not undefined) or time runs out. */
export async function eventually<T>(fn: () => Promise<T | undefined>, what: string, timeoutMs = 30_000, everyMs = 150): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** The status JSON's last run, once it is for `commit` and finished (with status `want`, when given). */
export function lastRunOf(url: string, commit: string, want?: string): Promise<{ status: string; error: string | null; trigger: string }> {
  return eventually(async () => {
    const s = await httpCall(`${url}/status`, 'GET');
    const run = s.body?.lastRun;
    return run && run.commit === commit && run.status !== 'running' && (want === undefined || run.status === want) ? run : undefined;
  }, `a finished run of ${commit.slice(0, 12)}${want ? ` (${want})` : ''}`);
}

/** Starts daemons with `args`, each killed when the test ends; `started` lists them in order. */
export function daemonStarter(
  t: TestContext, args: string[], env: Record<string, string> = {},
): (() => Promise<DaemonProcess>) & { started: readonly DaemonProcess[] } {
  const started: DaemonProcess[] = [];
  t.after(async () => { for (const d of started) await d.stop('SIGKILL'); });
  const start = async () => {
    const d = await startDaemon(args, env);
    started.push(d);
    return d;
  };
  return Object.assign(start, { started });
}

/**
 * Runs `fn` on the test's database while daemons may hold it: the test's own
 * connection for PostgreSQL; for PGlite, whose folder one process opens at a
 * time, a connection opened for the call and closed after it.
 */
export function databaseInspector(db: Driver, target: TestTarget): <T>(fn: (d: Driver) => Promise<T>) => Promise<T> {
  return async (fn) => {
    if (target.kind === 'postgres') return fn(db);
    const d = await openPglite({ dataDir: target.url.slice('pglite:'.length) });
    try {
      return await fn(d);
    } finally {
      await d.close();
    }
  };
}
