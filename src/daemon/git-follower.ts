// Follows one branch of a config repository in a work folder of its own:
// fetch origin/<branch> (forced, so a force-push is followed, not merged),
// then check its commit out exactly (detached, untracked files removed).
// It runs only fixed git commands; the user's repository location and branch
// are checked by options.ts and passed as plain arguments, never as options.
// Git's own errors are passed on with the URL's credentials removed.

import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { redactSecrets, redactUrl, urlSecrets } from '../drivers/errors.js';
import { FaultError, UserError } from '../report/errors.js';

export interface GitSourceOptions {
  repo: string;
  branch: string;
  /** Config root inside the repository ('' = its root). */
  path: string;
  workdir: string;
  /** Stops a running git command (daemon shutdown). */
  signal?: AbortSignal;
  /** Longest a git command may stay silent before it is killed. */
  timeoutMs?: number;
}

export interface Checkout {
  commit: string;
  author: string;
  subject: string;
  /** The config root: the work folder plus --path. */
  root: string;
}

export class GitFollower {
  private git: SimpleGit | null = null;
  /** The repository location for logs and errors (password removed). */
  readonly shownRepo: string;

  constructor(private readonly opts: GitSourceOptions) {
    this.shownRepo = redactUrl(opts.repo);
  }

  /** Fetch the branch and check out its newest commit; FaultError when git or the remote fails. */
  async update(): Promise<Checkout> {
    const git = await this.open();
    const { branch } = this.opts;
    const remoteRef = `refs/remotes/origin/${branch}`;
    await this.run(`fetch ${branch}`, () => git.raw(['fetch', '--quiet', '--no-tags', '--prune', 'origin', `+refs/heads/${branch}:${remoteRef}`]));
    const commit = (await this.run('rev-parse', () => git.raw(['rev-parse', '--verify', '--quiet', `${remoteRef}^{commit}`]))).trim();
    if (!/^[0-9a-f]{40,64}$/.test(commit)) throw new FaultError(`git: branch '${branch}' of ${this.shownRepo} has no commit`);
    const head = (await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).catch(() => '')).trim();
    const clean = head === commit && (await this.run('status', () => git.raw(['status', '--porcelain', '--untracked-files=all']))).trim() === '';
    if (!clean) {
      await this.run(`checkout ${commit.slice(0, 12)}`, () => git.raw(['checkout', '--quiet', '--force', '--detach', commit]));
      await this.run('clean', () => git.raw(['clean', '-ffdxq']));
    }
    const info = await this.run('show', () => git.raw(['show', '-s', '--format=%an <%ae>%x00%s', commit]));
    const [author = '', subject = ''] = info.replace(/\n$/, '').split('\u0000');
    const root = this.opts.path === '' ? this.opts.workdir : join(this.opts.workdir, this.opts.path);
    if (!(await isDirectory(root))) {
      throw new UserError(`--path '${this.opts.path}' is not a folder in commit ${commit.slice(0, 12)} of ${this.shownRepo}`);
    }
    return { commit, author, subject, root };
  }

  /** The work folder as a repository whose origin is --repo (created on first use). */
  private async open(): Promise<SimpleGit> {
    if (this.git) return this.git;
    const { workdir, repo } = this.opts;
    await mkdir(workdir, { recursive: true });
    const git = simpleGit({
      baseDir: workdir,
      maxConcurrentProcesses: 1,
      timeout: { block: this.opts.timeoutMs ?? 120_000 },
      ...(this.opts.signal ? { abort: this.opts.signal } : {}),
      allowEnvironment: ['GIT_TERMINAL_PROMPT'],
    }).env(gitEnvironment(process.env));
    const isRepo = await isDirectory(join(workdir, '.git'));
    if (!isRepo) {
      if ((await readdir(workdir)).length > 0) {
        throw new UserError(`the work folder ${workdir} is not empty and not a git repository; choose another --workdir`);
      }
      await this.run('init', () => git.raw(['init', '--quiet']));
      await this.run('remote add', () => git.raw(['remote', 'add', 'origin', repo]));
    } else {
      const current = (await git.raw(['config', '--get', 'remote.origin.url']).catch(() => '')).trim();
      if (current === '') await this.run('remote add', () => git.raw(['remote', 'add', 'origin', repo]));
      else if (current !== repo) await this.run('remote set-url', () => git.raw(['remote', 'set-url', 'origin', repo]));
    }
    this.git = git;
    return git;
  }

  private async run<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw new FaultError(`git ${what} (${this.shownRepo}) failed: ${this.clean((e as Error).message)}`, { cause: e });
    }
  }

  /** Git's message on one line, without the repository's credentials (password or token user name). */
  private clean(message: string): string {
    let text = message;
    // Like the log's scrubber, values too short to be secrets (ssh://git@…) are left to the URL patterns.
    const secrets = urlSecrets(this.opts.repo).filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
    for (const secret of secrets) text = text.split(secret).join('***');
    text = redactSecrets(text).replace(/\s+/g, ' ').trim();
    return text.length > 500 ? `${text.slice(0, 500)}…` : text;
  }
}

// simple-git refuses to run when given variables that change what git runs
// (GIT_*, EDITOR, PAGER, …); the daemon passes none of them on, and makes
// git fail instead of prompting for a password.
const GUARDED = new Set(['editor', 'pager', 'prefix', 'visual', 'ssh_askpass']);

export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    const k = key.toLowerCase();
    if (!k.startsWith('git_') && !GUARDED.has(k)) out[key] = value;
  }
  out.GIT_TERMINAL_PROMPT = '0';
  return out;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}
