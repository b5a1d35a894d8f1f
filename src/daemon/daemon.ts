// The daemon: wires the sources (git follower or folder watcher), the
// schedules, the webhook and the drift check into one serial work queue, and
// owns the process's life: listen, connect (retrying until the database
// answers), work, and on stop take no new work, let the running job finish
// (or close its connection after a grace period, which rolls its transaction
// back), release leadership, close. Faults in a job are retried with capped
// exponential backoff, per job; while a retry is pending, schedule ticks of
// that job wait for it (a webhook or a file edit still runs at once: it
// brings news). The process never exits because git or the database went
// away. The CLI command is the only caller.

import type { IncomingHttpHeaders } from 'node:http';
import type { Driver } from '../drivers/driver.js';
import { DatabaseError, redactUrl } from '../drivers/errors.js';
import { resolveTarget, type Target } from '../drivers/open.js';
import { initDatabase, schemaReady } from '../db/init.js';
import { readStatus } from '../reconcile/status.js';
import { FaultError, UserError } from '../report/errors.js';
import { settingsDefaults } from '../validate/settings-defaults.js';
import { Backoff, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js';
import { DatabaseHandle, RUN_OWNER } from './database.js';
import { GitFollower } from './git-follower.js';
import { startHttpServer, type HttpServer, type Reply } from './http-server.js';
import { Jobs, type Source } from './jobs.js';
import { AdvisoryLockLeader, SoleLeader, type Leadership } from './leader.js';
import type { Logger } from './logger.js';
import { DaemonMetrics } from './metrics.js';
import { checkDrift, type DaemonOptions, type DriftPolicy } from './options.js';
import { Schedules } from './schedules.js';
import { closeInterruptedRuns } from './sync-run.js';
import { watchConfigRoot, type ConfigWatcher } from './watcher.js';
import { answerWebhook } from './webhook.js';
import { WorkQueue } from './work-queue.js';

type Job = 'sync' | 'drift';

export interface DaemonTiming {
  /** Quiet time before a burst of file edits is applied (--watch). */
  debounceMs: number;
  backoff: BackoffOptions;
  /** How long stop() waits for the running job before closing its connection. */
  stopGraceMs: number;
  /** How long /readyz waits for the database. */
  readyTimeoutMs: number;
}

const DEFAULT_TIMING: DaemonTiming = { debounceMs: 500, backoff: DEFAULT_BACKOFF, stopGraceMs: 20_000, readyTimeoutMs: 3_000 };

export interface DaemonContext {
  log: Logger;
  /** Human output in --watch mode (plans applied, problems); null elsewhere. */
  out?: ((text: string) => void) | null;
  timing?: Partial<DaemonTiming>;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export class Daemon {
  readonly metrics = new DaemonMetrics();
  private readonly log: Logger;
  private readonly timing: DaemonTiming;
  private readonly target: Target;
  private readonly queue: WorkQueue<Job>;
  private readonly backoffs: Record<Job, Backoff>;
  private readonly schedules: Schedules;
  private readonly abort = new AbortController();
  private readonly work: DatabaseHandle;
  private readonly reader: DatabaseHandle;
  private readonly leader: Leadership;
  private readonly source: Source;
  private readonly jobs: Jobs;
  private http: HttpServer | null = null;
  private watcher: ConfigWatcher | null = null;
  /** The pending retry of each job that failed with a fault. */
  private readonly retries = new Map<Job, NodeJS.Timeout>();
  private connected = false;
  private stopping = false;
  private driftPolicy: DriftPolicy = 'report';
  private statusRead: Promise<Reply> | null = null;
  private stopRequested!: () => void;
  private readonly stopSignal = new Promise<void>((resolve) => { this.stopRequested = resolve; });
  private listening!: (url: string) => void;
  /** Resolves with the HTTP address once the server listens. */
  readonly url = new Promise<string>((resolve) => { this.listening = resolve; });

  constructor(private readonly opts: DaemonOptions, private readonly ctx: DaemonContext) {
    this.log = ctx.log;
    this.timing = { ...DEFAULT_TIMING, ...ctx.timing };
    this.backoffs = { sync: new Backoff(this.timing.backoff), drift: new Backoff(this.timing.backoff) };
    this.target = resolveTarget(opts.db, ctx.env ?? process.env, ctx.cwd ?? process.cwd());
    this.queue = new WorkQueue<Job>((job, reasons) => this.runJob(job, reasons), (job, e) => this.log.error({ job, err: e }, 'internal error in a job'));
    this.schedules = new Schedules(this.log);
    this.work = new DatabaseHandle(this.target, this.log, { purpose: 'work', onOpen: (db) => this.prepare(db) });
    if (this.target.kind === 'postgres') {
      this.reader = new DatabaseHandle(this.target, this.log, { purpose: 'status' });
      this.leader = new AdvisoryLockLeader(new DatabaseHandle(this.target, this.log, { purpose: 'leader' }), this.log, (l) => this.metrics.leader.set(l ? 1 : 0));
    } else {
      // One embedded connection per process: it serves everything, and this process leads.
      this.reader = this.work;
      this.leader = new SoleLeader();
      this.metrics.leader.set(1);
    }
    const src = opts.source;
    this.source = src.kind === 'git'
      ? { kind: 'git', follower: new GitFollower({ repo: src.repo, branch: src.branch, path: src.path, workdir: src.workdir, signal: this.abort.signal }) }
      : { kind: 'watch', dir: src.dir };
    this.jobs = new Jobs({
      source: this.source, work: this.work, leader: this.leader, metrics: this.metrics, log: this.log, out: ctx.out ?? null,
      driftPolicy: () => this.driftPolicy, onSettings: (s) => this.applySettings(s),
    });
  }

  /** Run until stop(): resolves after a clean shutdown; rejects when it cannot start (UserError, FaultError). */
  async run(): Promise<void> {
    try {
      const src = this.opts.source;
      this.log.info({
        source: src.kind === 'git' ? { repo: redactUrl(src.repo), branch: src.branch, path: src.path || '.', workdir: src.workdir } : { watch: src.dir },
        database: this.target.kind === 'postgres' ? redactUrl(this.target.url) : `pglite:${this.target.dir ?? 'memory'}`,
        webhook: this.opts.webhookSecret ? 'enabled' : 'disabled (DIDSYNC_WEBHOOK_SECRET is not set)',
      }, 'didsync daemon starting');
      this.http = await startHttpServer(this.opts.listen, {
        healthz: () => ({ status: 200, body: { status: 'ok' } }),
        readyz: () => this.readyz(),
        metrics: async () => ({ status: 200, ...(await this.metrics.text()) }),
        status: () => this.status(),
        webhook: (headers, body) => this.webhook(headers, body),
        failed: (path, e) => this.log.error({ path, err: e }, 'internal error answering an HTTP request'),
      });
      this.log.info({ url: this.http.url }, `listening on ${this.http.url} (status: ${this.http.url}/status)`);
      this.listening(this.http.url);
      await this.connect();
      if (!this.stopping) await this.startWork();
      await this.stopSignal;
    } finally {
      await this.shutdown();
    }
  }

  /** Take no new work; run() resolves once the running job is done. Safe to call more than once. */
  stop(reason: string): void {
    if (this.stopping) return;
    this.stopping = true;
    this.log.info({ reason }, 'stopping: no new work; letting the running job finish');
    this.stopRequested();
  }

  /** Ask for a sync now (as a webhook would). Resolves when a run that began after it has finished. */
  requestSync(reason: string): Promise<void> {
    return this.queue.request('sync', reason);
  }

  requestDriftCheck(): Promise<void> {
    return this.queue.request('drift', 'request');
  }

  private async connect(): Promise<void> {
    const backoff = new Backoff(this.timing.backoff);
    while (!this.stopping) {
      try {
        await this.work.get();
        this.connected = true;
        return;
      } catch (e) {
        if (!(e instanceof FaultError)) throw e;
        const wait = backoff.next();
        this.log.warn({ error: e.message, retryInMs: wait }, 'cannot reach the database; retrying');
        await Promise.race([sleep(wait), this.stopSignal]);
      }
    }
  }

  /** Schema check on every new work connection; runs a lost connection interrupted are closed. */
  private async prepare(db: Driver): Promise<void> {
    if (!(await schemaReady(db))) {
      if (this.target.kind !== 'pglite') {
        throw new UserError(`the database ${db.description} lacks didsync's schema or part of it (a table or one of its triggers); run 'didsync db init --db URL' first`);
      }
      const { created, fresh } = await initDatabase(db);
      if (fresh) this.log.info({ database: db.description }, 'created the embedded database');
      else this.log.info({ database: db.description, created }, 'brought the embedded database up to date');
    }
    const closed = await closeInterruptedRuns(db, RUN_OWNER);
    if (closed.applied + closed.rolledBack > 0) this.log.warn(closed, 'closed the run(s) a lost connection interrupted');
  }

  private async startWork(): Promise<void> {
    this.applySettings(settingsDefaults());
    if (this.source.kind === 'watch') {
      this.watcher = await watchConfigRoot(this.source.dir, {
        debounceMs: this.timing.debounceMs,
        onSettled: () => void this.queue.request('sync', 'watch'),
        onError: (e) => this.log.warn({ error: (e as Error).message }, 'file watcher error'),
      });
      this.ctx.out?.(`didsync daemon: watching ${this.source.dir}; status at ${this.http!.url}/status\n`);
    }
    if (!this.stopping) void this.queue.request('sync', 'startup');
  }

  /** Flags win; else the config's Settings; else the shipped defaults. */
  private applySettings(settings: Record<string, unknown>): void {
    const defaults = settingsDefaults();
    const pick = (flag: string | undefined, key: string): string => flag ?? String(settings[key] ?? defaults[key]);
    try {
      this.driftPolicy = this.opts.drift ?? checkDrift(String(settings.drift ?? defaults.drift));
    } catch {
      this.driftPolicy = 'report';
    }
    if (this.stopping) return;
    if (this.source.kind === 'git') this.schedules.set('sync', pick(this.opts.schedule, 'schedule'), () => this.tick('sync'));
    this.schedules.set('drift', pick(this.opts.driftSchedule, 'driftSchedule'), () => this.tick('drift'));
  }

  /** A schedule tick: runs the job unless a retry after a fault is pending, which comes at its backed-off time. */
  private tick(job: Job): void {
    if (this.retries.has(job)) {
      this.log.debug({ job }, `${job} schedule tick skipped: a retry after a fault is pending`);
      return;
    }
    void this.queue.request(job, 'schedule');
  }

  private async runJob(job: Job, reasons: ReadonlySet<string>): Promise<void> {
    if (this.stopping) return;
    try {
      if (job === 'sync') await this.jobs.sync(reasons);
      else await this.jobs.drift();
      this.backoffs[job].reset();
      clearTimeout(this.retries.get(job));
      this.retries.delete(job);
    } catch (e) {
      await this.failed(job, e);
    }
  }

  private async failed(job: Job, e: unknown): Promise<void> {
    if (this.stopping) {
      this.log.info({ job, error: (e as Error).message }, `the shutdown interrupted the ${job} job; the next start takes it up again`);
      return;
    }
    if (e instanceof DatabaseError && e.retriable) await this.work.reset();
    if (job === 'sync') this.metrics.runs.inc({ outcome: 'failed' });
    const run = job === 'sync' ? this.jobs.runFields : {};
    if (e instanceof FaultError) {
      const backoff = this.backoffs[job];
      const wait = backoff.next();
      this.log.warn({ job, ...run, error: e.message, retryInMs: wait, failures: backoff.failures }, `${job} failed; retrying`);
      clearTimeout(this.retries.get(job));
      this.retries.set(job, setTimeout(() => {
        this.retries.delete(job);
        void this.queue.request(job, 'retry');
      }, wait));
      return;
    }
    if (e instanceof UserError) {
      this.log.error({ job, ...run, error: e.message }, `${job} refused`);
      return;
    }
    this.log.error({ job, ...run, err: e }, `internal error in ${job}`);
  }

  private async readyz(): Promise<Reply> {
    const ok = this.connected && !this.stopping && (await this.reader.reachable(this.timing.readyTimeoutMs));
    return { status: ok ? 200 : 503, body: { ready: ok, role: this.leader.leading ? 'leader' : 'standby' } };
  }

  /** The status JSON (CONTRACT §4) plus this daemon's view; concurrent requests share one read. */
  private status(): Promise<Reply> {
    this.statusRead ??= (async (): Promise<Reply> => {
      try {
        // Read only: anyone who can reach --listen may GET /status; marking drift is the drift job's.
        const report = await readStatus(await this.reader.get(), { mark: false });
        const src = this.opts.source;
        return {
          status: 200,
          body: {
            ...report,
            daemon: {
              role: this.leader.leading ? 'leader' : 'standby',
              source: src.kind === 'git' ? { repo: redactUrl(src.repo), branch: src.branch, head: this.jobs.head } : { watch: src.dir },
              busy: this.queue.active, driftPolicy: this.driftPolicy,
            },
          },
        };
      } catch (e) {
        if (e instanceof DatabaseError && e.retriable && this.reader !== this.work) await this.reader.reset();
        if (!(e instanceof FaultError)) throw e;
        return { status: 503, body: { error: e.message } };
      } finally {
        this.statusRead = null;
      }
    })();
    return this.statusRead;
  }

  private webhook(headers: IncomingHttpHeaders, body: Buffer): Reply {
    const branch = this.opts.source.kind === 'git' ? this.opts.source.branch : null;
    const answer = answerWebhook(headers, body, this.opts.webhookSecret, branch);
    const delivery = headers['x-github-delivery'] ?? headers['x-gitlab-event-uuid'];
    this.metrics.webhooks.inc({ result: answer.status === 202 ? 'accepted' : answer.status === 401 ? 'unauthorized' : 'ignored' });
    if (answer.status === 401) this.log.warn({ reason: answer.reason, delivery }, 'webhook refused (401); nothing triggered');
    else this.log.info({ provider: answer.provider, reason: answer.reason, delivery, trigger: answer.trigger }, 'webhook');
    if (answer.trigger && !this.stopping) void this.queue.request('sync', 'webhook');
    if (answer.trigger && !this.leader.leading) answer.body.note = 'standing by: the leader applies this push on its next schedule tick';
    return { status: answer.status, body: answer.body };
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    const httpClosed = this.http?.close();
    await this.schedules.stop();
    await this.watcher?.close().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      this.queue.stop().then(() => true),
      new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), this.timing.stopGraceMs); }),
    ]);
    clearTimeout(timer);
    if (!finished) this.log.warn('the running job did not finish in time; closing its connection rolls its transaction back');
    await this.leader.release().catch(() => undefined);
    await this.reader.close();
    await this.work.close();
    await httpClosed;
    this.log.info('stopped');
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
