// The daemon's settings, checked once at start: where the config comes from
// (a git repository or a watched folder), where to listen, the schedules and
// the drift policy. Everything a user types that later reaches git or the
// network is refused here when unsafe: a repository "URL" that is a git
// option (`-…`) or a remote-helper transport (`ext::…`, `fd::…`), a branch
// that is not a plain branch name, a --path that leaves the checkout.

import { isAbsolute, normalize, resolve, sep } from 'node:path';
import cron from 'node-cron';
import { UserError } from '../report/errors.js';

export type DriftPolicy = 'report' | 'revert';

export type ConfigSource =
  | { kind: 'git'; repo: string; branch: string; path: string; workdir: string }
  | { kind: 'watch'; dir: string };

export interface Listen {
  host: string;
  port: number;
}

export interface DaemonOptions {
  source: ConfigSource;
  /** --db, else DATABASE_URL, else the embedded database. */
  db: string | undefined;
  /** Set only by flags; unset ones follow the config's Settings. */
  schedule?: string;
  driftSchedule?: string;
  drift?: DriftPolicy;
  listen: Listen;
  webhookSecret: string | undefined;
}

export const DEFAULT_LISTEN = '127.0.0.1:9464';
export const DEFAULT_WORKDIR = '.didsync/repo';

/** Refuses repository locations git would treat as options or as programs to run. */
export function checkRepo(repo: string): string {
  const shown = JSON.stringify(repo.length > 80 ? `${repo.slice(0, 80)}…` : repo);
  if (repo === '') throw new UserError('--repo is empty');
  if (repo.startsWith('-')) throw new UserError(`--repo ${shown} starts with '-': git would read it as an option`);
  if (/[\u0000-\u001f\u007f]/.test(repo)) throw new UserError('--repo contains control characters');
  // `<transport>::<address>` runs the remote helper git-remote-<transport>; ext:: runs any command.
  if (/^[A-Za-z0-9+.-]+::/.test(repo)) {
    throw new UserError(`--repo uses the '${repo.slice(0, repo.indexOf('::'))}::' transport, which didsync refuses; use https://, ssh://, git@host:path or a local path`);
  }
  return repo;
}

/** A plain branch name (no option, no revision syntax). */
export function checkBranch(branch: string): string {
  const ok = /^[A-Za-z0-9._/-]+$/.test(branch) && !branch.startsWith('-') && !branch.startsWith('/') && !branch.endsWith('/')
    && !branch.endsWith('.') && !branch.endsWith('.lock') && !branch.includes('..') && !branch.includes('//')
    && !branch.split('/').some((part) => part.startsWith('.'));
  if (!ok) throw new UserError(`--branch '${branch}' is not a valid branch name`);
  return branch;
}

/** A folder inside the checkout, as a normalised relative path ('' for the root). */
export function checkSubPath(path: string): string {
  if (path === '' || path === '.') return '';
  const clean = normalize(path).split(sep).join('/').replace(/\/+$/, '');
  if (isAbsolute(path) || clean === '..' || clean.startsWith('../')) {
    throw new UserError(`--path '${path}' must be a folder inside the repository`);
  }
  return clean === '.' ? '' : clean;
}

/**
 * A local path is made absolute (git runs in the work folder, not here);
 * URLs and scp-like `user@host:path` locations are kept as written.
 */
export function repoLocation(repo: string, cwd: string): string {
  const url = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(repo);
  const scpLike = /^[^/]*:/.test(repo);
  return url || scpLike ? repo : resolve(cwd, repo);
}

export function parseListen(value: string): Listen {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\s]+)):(\d{1,5})$/.exec(value.trim());
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new UserError(`--listen '${value}' is not HOST:PORT (e.g. ${DEFAULT_LISTEN}, 0.0.0.0:9464, [::1]:9464)`);
  return { host: m[1] ?? m[2], port };
}

export function checkCron(value: string, flag: string): string {
  if (!cron.validate(value)) throw new UserError(`${flag} '${value}' is not a cron expression (5 fields, or 6 with seconds first)`);
  return value;
}

export function checkDrift(value: string): DriftPolicy {
  if (value !== 'report' && value !== 'revert') throw new UserError(`--drift '${value}' must be report or revert`);
  return value;
}

export interface DaemonFlags {
  repo?: string;
  branch?: string;
  path?: string;
  watch?: string;
  workdir?: string;
  db?: string;
  schedule?: string;
  drift?: string;
  driftSchedule?: string;
  listen?: string;
}

/** The command line's flags (and environment) as checked options. */
export function daemonOptions(flags: DaemonFlags, env: NodeJS.ProcessEnv, cwd: string): DaemonOptions {
  if ((flags.repo === undefined) === (flags.watch === undefined)) {
    throw new UserError('give exactly one of --repo URL|PATH (follow a git branch) or --watch DIR (apply local edits)');
  }
  if (flags.watch !== undefined && (flags.branch !== undefined || flags.path !== undefined || flags.workdir !== undefined || flags.schedule !== undefined)) {
    throw new UserError('--branch, --path, --workdir and --schedule go with --repo, not --watch');
  }
  const source: ConfigSource = flags.repo !== undefined
    ? {
      kind: 'git', repo: repoLocation(checkRepo(flags.repo), cwd), branch: checkBranch(flags.branch ?? 'main'),
      path: checkSubPath(flags.path ?? ''), workdir: resolve(cwd, flags.workdir ?? DEFAULT_WORKDIR),
    }
    : { kind: 'watch', dir: resolve(cwd, flags.watch!) };
  return {
    source,
    db: flags.db,
    ...(flags.schedule !== undefined ? { schedule: checkCron(flags.schedule, '--schedule') } : {}),
    ...(flags.driftSchedule !== undefined ? { driftSchedule: checkCron(flags.driftSchedule, '--drift-schedule') } : {}),
    ...(flags.drift !== undefined ? { drift: checkDrift(flags.drift) } : {}),
    listen: parseListen(flags.listen ?? DEFAULT_LISTEN),
    webhookSecret: env.DIDSYNC_WEBHOOK_SECRET || undefined,
  };
}
