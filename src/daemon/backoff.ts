// Exponential backoff for the daemon's retries after a fault (database or git
// unreachable): 1 s, 2 s, 4 s, … capped, with a little jitter so several
// daemons that lost the same database do not reconnect in lockstep. Holds no
// timers: the caller schedules the retry.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** Fraction of the delay added at random (0 = none). */
  jitter?: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 60_000, jitter: 0.1 };

export class Backoff {
  private attempt = 0;

  constructor(private readonly opts: BackoffOptions = DEFAULT_BACKOFF, private readonly random: () => number = Math.random) {}

  /** The delay before the next attempt; each call doubles it up to the cap. */
  next(): number {
    const base = Math.min(this.opts.maxMs, this.opts.initialMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    const jitter = (this.opts.jitter ?? 0) * base * this.random();
    return Math.round(Math.min(this.opts.maxMs, base + jitter));
  }

  /** After a success: start again from the initial delay. */
  reset(): void {
    this.attempt = 0;
  }

  get failures(): number {
    return this.attempt;
  }
}
