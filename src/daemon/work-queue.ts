// The daemon's one serial work queue. Every trigger (schedule, webhook, file
// watcher, drift check, retry) asks for a job by name; jobs run one at a
// time, never overlapping. A request for a job that is already waiting joins
// it (a burst of pushes becomes one run); a request for the job that is
// running waits for one more run after it, because the running one may have
// fetched before the newest commit arrived. The queue never runs a job after
// stop() and never lets a job's failure escape: jobs report their own errors.

export type JobRunner<K extends string> = (job: K, reasons: ReadonlySet<string>) => Promise<void>;

interface Pending {
  reasons: Set<string>;
  waiters: Array<() => void>;
}

export class WorkQueue<K extends string> {
  private readonly pending = new Map<K, Pending>();
  private running: Promise<void> | null = null;
  private current: K | null = null;
  private stopped = false;

  constructor(
    private readonly runJob: JobRunner<K>,
    /** Called when a job throws (a bug: jobs are meant to handle their errors). */
    private readonly onUnexpected: (job: K, error: unknown) => void,
  ) {}

  /**
   * Ask for `job` to run because of `reason`. Resolves when a run that began
   * after this request has finished (or at once when the queue is stopped).
   */
  request(job: K, reason: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    let entry = this.pending.get(job);
    if (!entry) {
      entry = { reasons: new Set(), waiters: [] };
      this.pending.set(job, entry);
    }
    entry.reasons.add(reason);
    const done = new Promise<void>((resolve) => entry.waiters.push(resolve));
    this.pump();
    return done;
  }

  /** The job running now, if any. */
  get active(): K | null {
    return this.current;
  }

  /** Jobs waiting to run, in order. */
  get waiting(): K[] {
    return [...this.pending.keys()];
  }

  /** Take no more work and drop what waits; resolves when the running job has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const entry of this.pending.values()) for (const w of entry.waiters) w();
    this.pending.clear();
    await this.running;
  }

  private pump(): void {
    if (this.running || this.stopped) return;
    const next = this.pending.entries().next();
    if (next.done) return;
    const [job, entry] = next.value;
    this.pending.delete(job);
    this.current = job;
    this.running = (async () => {
      try {
        await this.runJob(job, entry.reasons);
      } catch (e) {
        this.onUnexpected(job, e);
      } finally {
        this.current = null;
        this.running = null;
        for (const w of entry.waiters) w();
      }
      this.pump();
    })();
  }
}
