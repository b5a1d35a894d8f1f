// The daemon's commit-to-applied time: the generated config becomes a git
// repository the daemon follows; once it has synced, one carrier line is
// committed and a signed GitHub push webhook sent, and the step measures
// from the webhook to /status reporting that commit applied. The daemon is
// a real process on loopback, as production runs it; its schedules are set
// far apart so that only the webhook can start the run.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from './cli.js';
import { changeOneCarrier } from './edits.js';
import type { BenchContext, Step, StepOutcome, Target } from './steps.js';

export const DAEMON_STEP = 'daemon: one carrier line, webhook to applied';
const SECRET = 'bench-webhook-secret';
const RARELY = '0 0 1 1 *';

export function daemonStep(target?: Target): Step {
  return {
    name: DAEMON_STEP,
    target,
    async run(ctx) {
      if (ctx.databaseUrl === undefined) return { status: 'not available', note: 'needs a database' };
      const base = commitAll(ctx.dir, 'benchmark config');
      if (typeof base !== 'string') return base;
      const workdir = await mkdtemp(join(tmpdir(), 'didsync-bench-daemon-'));
      const port = await freePort();
      const daemon = spawn(process.execPath, [
        CLI, 'daemon', '--repo', ctx.dir, '--branch', 'main', '--workdir', join(workdir, 'repo'), '--db', ctx.databaseUrl,
        '--schedule', RARELY, '--drift-schedule', RARELY, '--listen', `127.0.0.1:${port}`,
      ], { cwd: ctx.repoRoot, env: { ...process.env, DIDSYNC_WEBHOOK_SECRET: SECRET }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      daemon.stderr!.setEncoding('utf8').on('data', (s: string) => { stderr = (stderr + s).slice(-4000); });
      try {
        const url = `http://127.0.0.1:${port}`;
        // the first sync (at start-up) takes the base commit
        if (!await settled(url, base, 600_000, daemon)) return failed('the daemon did not sync the base commit', stderr);
        const file = await changeOneCarrier(ctx.dir);
        const head = commitAll(ctx.dir, `raise the capacity in ${file}`);
        if (typeof head !== 'string') return head;
        const started = performance.now();
        const answer = await webhook(url, head);
        if (answer !== 202) return failed(`the webhook was answered ${answer}`, stderr);
        if (!await settled(url, head, 120_000, daemon)) return failed('the commit was not applied', stderr);
        const seconds = (performance.now() - started) / 1000;
        return { status: 'ok', seconds, note: `capacityLimit in ${file}, committed, pushed by webhook, applied (from /status)` };
      } finally {
        await stop(daemon);
        await rm(workdir, { recursive: true, force: true });
      }
    },
  };
}

function failed(note: string, stderr: string): StepOutcome {
  const last = stderr.trim().split('\n').pop() ?? '';
  return { status: 'failed', note: last ? `${note}: ${last.slice(0, 300)}` : note };
}

/** Commits every file of `dir` on main (making it a repository first); answers the commit or a failure. */
function commitAll(dir: string, message: string): string | StepOutcome {
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
  if (spawnSync('git', ['rev-parse', '--git-dir'], { cwd: dir }).status !== 0) {
    const init = git('init', '-q', '-b', 'main');
    if (init.status !== 0) return { status: 'not available', note: `git init failed: ${init.stderr.trim()}` };
  }
  for (const args of [['add', '-A'], ['commit', '-q', '--allow-empty', '-m', message]]) {
    const r = git(...args);
    if (r.status !== 0) return { status: 'failed', note: `git ${args[0]} failed: ${r.stderr.trim()}` };
  }
  return git('rev-parse', 'HEAD').stdout.trim();
}

/** Waits until /status says the last run took `commit` and ended (applied or nothing to apply). */
async function settled(url: string, commit: string, timeoutMs: number, daemon: ChildProcess): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && daemon.exitCode === null) {
    const status = await fetch(`${url}/status`).then((r) => r.json() as Promise<{ lastRun?: { commit?: string; status?: string; finishedAt?: string | null } | null }>).catch(() => undefined);
    const run = status?.lastRun;
    if (run?.commit === commit && run.finishedAt) return run.status === 'applied' || run.status === 'no-changes';
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

async function webhook(url: string, commit: string): Promise<number> {
  const body = JSON.stringify({ ref: 'refs/heads/main', after: commit });
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const r = await fetch(`${url}/webhook`, {
    method: 'POST', body, headers: { 'content-type': 'application/json', 'x-github-event': 'push', 'x-hub-signature-256': signature },
  });
  return r.status;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}

async function stop(daemon: ChildProcess): Promise<void> {
  if (daemon.exitCode !== null) return;
  const exited = new Promise((r) => daemon.once('exit', r));
  daemon.kill('SIGTERM');
  const timer = setTimeout(() => daemon.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}
