// Which commit a config root is at, for run records and plans: the HEAD
// commit, its author and subject, and whether the tree has uncommitted
// edits. Read-only; a root outside git gives nulls, never an error.
//
// Two plain git commands, run side by side, on every plan and apply: the
// simple-git wrapper the daemon's follower uses cost about 60 ms to load
// and ran its commands one after another, a fifth of a one-line plan.

import { execFile } from 'node:child_process';

export interface CommitInfo {
  commit: string | null;
  author: string | null;
  subject: string | null;
  dirty: boolean;
}

const NONE: CommitInfo = { commit: null, author: null, subject: null, dirty: false };

export async function commitInfo(root: string): Promise<CommitInfo> {
  const [head, status] = await Promise.all([
    git(root, ['log', '-1', '--format=%H%x00%an%x00%ae%x00%s']),
    // --no-optional-locks: a status must not take the index lock a pull in the same checkout needs.
    git(root, ['--no-optional-locks', 'status', '--porcelain', '--', '.']),
  ]);
  const fields = head?.replace(/\n$/, '').split('\0');
  if (!fields || fields.length !== 4 || !/^[0-9a-f]{40,64}$/.test(fields[0]!)) return NONE;
  const [commit, name, email, subject] = fields as [string, string, string, string];
  return { commit, author: `${name} <${email}>`, subject, dirty: status === undefined || status.length > 0 };
}

/** What git printed, or undefined when it failed (no git, not a repository, no commit yet). */
function git(root: string, args: string[]): Promise<string | undefined> {
  // Variables that would point git at another repository than the root's (as in a git hook) are dropped.
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_COMMON_DIR']) delete env[name];
  return new Promise((resolve) => {
    execFile('git', args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout);
    });
  });
}
