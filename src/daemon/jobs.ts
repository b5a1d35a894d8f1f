// What the daemon does when its queue runs a job. `sync`: find the config to
// apply (the followed branch's newest commit, or the watched folder), skip a
// commit that was already applied (also by an earlier process: the database
// names it) or already refused or rejected, else sync it and report. Every
// log line about one run carries its correlation id (runRef, from the start
// of the job) and, once its record exists, its runId. `drift`: compare
// the database with the last apply, mark and report, and under the revert
// policy sync git again. Both run only on the leader; a standby keeps its
// checkout current to learn the schedules from the config's Settings.
// Faults are thrown to the daemon, which retries with backoff.

import { randomBytes } from 'node:crypto';
import type { Driver } from '../drivers/driver.js';
import { detectDrift, markDrift } from '../reconcile/drift.js';
import { lastAppliedCommit, lastRun, type RunInfo } from '../reconcile/runs.js';
import { renderPlanText } from '../render/plan-text.js';
import { commitInfo } from '../sources/git-info.js';
import { validateRoot } from '../validate/index.js';
import type { DatabaseHandle } from './database.js';
import type { Checkout, GitFollower } from './git-follower.js';
import type { Leadership } from './leader.js';
import type { Logger } from './logger.js';
import type { DaemonMetrics } from './metrics.js';
import type { DriftPolicy } from './options.js';
import { isRejectionRecord } from './rejection.js';
import { INVALID_CONFIG, syncConfig, type SyncResult } from './sync-run.js';

export type Source = { kind: 'git'; follower: GitFollower } | { kind: 'watch'; dir: string };

export interface JobContext {
  source: Source;
  work: DatabaseHandle;
  leader: Leadership;
  metrics: DaemonMetrics;
  log: Logger;
  /** Human output (watch mode): the plan applied, the problems found. */
  out: ((text: string) => void) | null;
  driftPolicy(): DriftPolicy;
  /** The config's Settings, after each commit that validates. */
  onSettings(settings: Record<string, unknown>): void;
}

/** Why a sync was asked for: the queue's reasons. */
export type Reason = 'startup' | 'schedule' | 'webhook' | 'watch' | 'retry' | 'drift';

export class Jobs {
  /** The commit this process last applied, found applied, or refused: not tried again. */
  private settled: string | null = null;
  private seeded = false;
  /** The commit whose Settings a standby last read. */
  private settingsCommit: string | null = null;
  /** The newest commit seen on the branch. */
  head: string | null = null;
  /** The run the current (or last) sync job is about: for its log lines and the daemon's retry warning. */
  private trace: { runRef: string; runId?: number } = { runRef: newRunRef() };

  constructor(private readonly ctx: JobContext) {}

  /** runRef, and runId once the run is recorded: the fields that tie a log line to its run. */
  get runFields(): { runRef: string; runId?: number } {
    return { ...this.trace };
  }

  async sync(reasons: ReadonlySet<string>): Promise<void> {
    const { ctx } = this;
    this.trace = { runRef: newRunRef() };
    ctx.log.debug({ reasons: [...reasons], runRef: this.trace.runRef }, 'sync job');
    if (!(await ctx.leader.ensure())) return this.standby();
    const db = await ctx.work.get({ check: true });
    const revert = reasons.has('drift');
    const trigger: RunInfo['trigger'] = revert ? 'drift' : reasons.has('webhook') ? 'webhook' : ctx.source.kind === 'watch' ? 'watch' : 'daemon';
    if (ctx.source.kind === 'watch') {
      const info = await commitInfo(ctx.source.dir);
      // Uncommitted edits are not the commit: record them without one.
      const commit = info.dirty ? null : info.commit;
      await this.syncRoot(db, ctx.source.dir, this.traced({ trigger, command: 'daemon', commit, author: info.author, subject: info.subject }), false);
      return;
    }
    const checkout = await ctx.source.follower.update();
    this.head = checkout.commit;
    if (!this.seeded) await this.seed(db);
    const log = ctx.log.child({ commit: checkout.commit.slice(0, 12), runRef: this.trace.runRef });
    if (revert) {
      if (this.settled === checkout.commit && (await lastAppliedCommit(db)) !== checkout.commit) {
        log.warn('drift not reverted: the newest commit was refused and the last good one is not checked out');
        return;
      }
    } else {
      if (this.settled === checkout.commit) return;
      if ((await lastAppliedCommit(db)) === checkout.commit) {
        this.settled = checkout.commit;
        log.info('up to date: this commit is already applied');
        await this.readSettings(checkout);
        return;
      }
      log.info({ author: checkout.author, subject: checkout.subject, trigger }, 'new commit');
    }
    const run = this.traced({ trigger, command: 'daemon', commit: checkout.commit, author: checkout.author, subject: checkout.subject });
    await this.syncRoot(db, checkout.root, run, true);
    this.settled = checkout.commit;
    this.settingsCommit = checkout.commit;
  }

  async drift(): Promise<void> {
    const { ctx } = this;
    if (!(await ctx.leader.ensure())) return;
    const db = await ctx.work.get({ check: true });
    const drift = await detectDrift(db);
    const marked = await markDrift(db, drift);
    ctx.metrics.drifted.set(drift.length);
    if (drift.length === 0) {
      ctx.log.debug('drift check: the database matches the last apply');
      return;
    }
    const objects = drift.map((d) => ({ kind: d.kind, key: d.key, fields: [...d.fields, ...(d.rates ? ['rates'] : [])] }));
    const policy = ctx.driftPolicy();
    ctx.log.warn({ drift: objects, policy, marked }, `drift: ${drift.length} object(s) differ from the last apply`);
    if (policy === 'revert') await this.sync(new Set(['drift']));
  }

  private async syncRoot(db: Driver, root: string, run: RunInfo, recordUnchanged: boolean): Promise<void> {
    const result = await syncConfig(db, { root, run, recordUnchanged });
    this.report(result, run);
    if (result.outcome !== 'invalid') this.ctx.onSettings(result.settings);
  }

  /** `run` with its record's id noted in the trace as soon as it is written. */
  private traced(run: RunInfo): RunInfo {
    const trace = this.trace;
    return { ...run, onRecorded: (runId) => { trace.runId = runId; } };
  }

  private report(result: SyncResult, run: RunInfo): void {
    const { metrics, out } = this.ctx;
    const log = this.ctx.log.child({ ...(run.commit ? { commit: run.commit.slice(0, 12) } : {}), trigger: run.trigger, ...this.runFields });
    switch (result.outcome) {
      case 'invalid':
        metrics.runs.inc({ outcome: 'invalid' });
        log.error({ problems: result.problems.slice(0, 20).map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`), count: result.problems.length },
          'the config is invalid; nothing was applied, the database keeps its last good state');
        out?.(result.report);
        return;
      case 'refused':
        metrics.runs.inc({ outcome: 'refused' });
        log.error({ error: result.error }, 'the apply was refused; the database keeps its last good state');
        out?.(`${renderPlanText(result.plan, { colour: false })}${result.error}\n`);
        return;
      case 'rejected':
        metrics.runs.inc({ outcome: 'rejected' });
        log.error({ error: result.error, sqlstate: result.code },
          'the database rejected the apply; recorded as failed and not tried again before the next commit; the database keeps its last good state');
        out?.(`${renderPlanText(result.plan, { colour: false })}${result.error}\n`);
        return;
      case 'unchanged':
        log.info('no changes: the database matches the config');
        out?.(`${renderPlanText(result.plan, { colour: false })}`);
        return;
      default:
        metrics.runs.inc({ outcome: result.outcome });
        metrics.lastSuccess.setToCurrentTime();
        metrics.applyDuration.observe(result.seconds);
        metrics.changesApplied.inc(result.changes);
        log.info({ status: result.outcome, changes: result.changes, summary: result.plan.summary, seconds: round(result.seconds) },
          result.outcome === 'applied' ? `applied ${result.changes} change(s)` : 'nothing to apply');
        out?.(`${renderPlanText(result.plan, { colour: false })}${result.outcome === 'applied' ? `Applied in run ${result.runId}.\n` : ''}`);
    }
  }

  /** After a restart: a newest commit that was already refused or rejected is not tried again until a new one comes. */
  private async seed(db: Driver): Promise<void> {
    const last = await lastRun(db);
    this.seeded = true;
    const settledFailure = last?.status === 'failed' && (last.error?.startsWith(INVALID_CONFIG) === true || isRejectionRecord(last.error));
    if (last?.commit && (last.status === 'refused' || settledFailure)) {
      this.settled = last.commit;
      if (last.commit === this.head) {
        this.ctx.log.info({ commit: last.commit.slice(0, 12), status: last.status }, 'the newest commit was already refused; waiting for the next one');
      }
    }
  }

  /** A standby follows the branch too: its checkout stays warm and its schedules follow the Settings. */
  private async standby(): Promise<void> {
    if (this.ctx.source.kind !== 'git') return;
    const checkout = await this.ctx.source.follower.update();
    this.head = checkout.commit;
    await this.readSettings(checkout);
  }

  private async readSettings(checkout: Checkout): Promise<void> {
    if (this.settingsCommit === checkout.commit) return;
    this.settingsCommit = checkout.commit;
    const { desired } = await validateRoot(checkout.root);
    if (desired) this.ctx.onSettings(desired.settings);
  }
}

/** A run's correlation id before (and besides) its database id: 8 hex digits. */
function newRunRef(): string {
  return randomBytes(4).toString('hex');
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
