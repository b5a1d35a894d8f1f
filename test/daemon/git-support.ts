// Real git repositories in temp folders for the daemon tests: a bare
// "origin" and a working clone to commit and push from, driven by the git
// CLI. Nothing is mocked.

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, {
    cwd,
    env: { ...process.env, GIT_AUTHOR_NAME: 'Dana Ops', GIT_AUTHOR_EMAIL: 'dana@example.test', GIT_COMMITTER_NAME: 'Dana Ops', GIT_COMMITTER_EMAIL: 'dana@example.test' },
  });
  return stdout.trim();
}

export interface Origin {
  /** Temp folder holding everything below; removed by dispose(). */
  base: string;
  /** The bare repository the daemon follows. */
  bare: string;
  /** A clone to commit in. */
  clone: string;
  /** Write (or with null delete) files, commit them with `message` and push the branch; returns the commit. */
  commit(files: Record<string, string | null>, message: string, branch?: string): Promise<string>;
  /** Replace the branch with a new root commit holding `files` (a force-push). */
  forcePush(files: Record<string, string>, message: string, branch?: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function makeOrigin(): Promise<Origin> {
  const base = await mkdtemp(join(tmpdir(), 'didsync-git-'));
  const bare = join(base, 'origin.git');
  const clone = join(base, 'clone');
  await mkdir(bare);
  await git(bare, 'init', '--quiet', '--bare', '--initial-branch=main');
  await mkdir(clone);
  await git(clone, 'init', '--quiet', '--initial-branch=main');
  await git(clone, 'remote', 'add', 'origin', bare);
  const write = async (files: Record<string, string | null>) => {
    for (const [path, text] of Object.entries(files)) {
      const full = join(clone, path);
      if (text === null) await rm(full, { force: true });
      else {
        await mkdir(dirname(full), { recursive: true });
        await writeFile(full, text);
      }
    }
  };
  return {
    base, bare, clone,
    async commit(files, message, branch = 'main') {
      const current = await git(clone, 'rev-parse', '--abbrev-ref', 'HEAD').catch(() => 'main');
      if (current !== branch) await git(clone, 'checkout', '--quiet', '-B', branch);
      await write(files);
      await git(clone, 'add', '-A');
      await git(clone, 'commit', '--quiet', '--allow-empty', '-m', message);
      await git(clone, 'push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`);
      return git(clone, 'rev-parse', 'HEAD');
    },
    async forcePush(files, message, branch = 'main') {
      await git(clone, 'checkout', '--quiet', '--orphan', `rewrite-${Date.now()}`);
      await git(clone, 'rm', '-rq', '--cached', '.').catch(() => '');
      await git(clone, 'clean', '-fdxq');
      await write(files);
      await git(clone, 'add', '-A');
      await git(clone, 'commit', '--quiet', '-m', message);
      await git(clone, 'push', '--quiet', '--force', 'origin', `HEAD:refs/heads/${branch}`);
      await git(clone, 'checkout', '--quiet', '-B', branch);
      return git(clone, 'rev-parse', 'HEAD');
    },
    dispose: () => rm(base, { recursive: true, force: true }),
  };
}
