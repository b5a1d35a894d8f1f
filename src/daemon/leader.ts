// Which of several daemons on one database applies: the holder of a
// session-level PostgreSQL advisory lock, taken with pg_try_advisory_lock on
// a connection used for nothing else, so the lock lives exactly as long as
// that session. When the leader dies its session ends, the server releases
// the lock, and the next standby to try (on its next schedule tick) leads.
// The key differs from the apply lock: leading is not applying, and a CLI
// `apply` still serialises with the leader through the apply lock.
// The embedded database is open in one process only: that process leads.

import type { DatabaseHandle } from './database.js';
import type { Logger } from './logger.js';

/** The leadership lock: "didsynl". */
export const LEADER_LOCK_KEY = 0x6469_6473_796e_6cn;

export interface Leadership {
  readonly leading: boolean;
  /** Confirm or take leadership; false while another instance leads (or the database is away). */
  ensure(): Promise<boolean>;
  /** Give leadership up (shutdown). */
  release(): Promise<void>;
}

export class SoleLeader implements Leadership {
  readonly leading = true;
  async ensure(): Promise<boolean> {
    return true;
  }
  async release(): Promise<void> {}
}

export class AdvisoryLockLeader implements Leadership {
  private held = false;
  private announcedStandby = false;

  constructor(
    private readonly handle: DatabaseHandle,
    private readonly log: Logger,
    private readonly onChange: (leading: boolean) => void,
  ) {}

  get leading(): boolean {
    return this.held;
  }

  async ensure(): Promise<boolean> {
    if (this.held) {
      try {
        await (await this.handle.get()).query('SELECT 1');
        return true;
      } catch (e) {
        // The session is gone, and the server released the lock with it.
        this.set(false);
        this.log.warn({ error: (e as Error).message }, 'lost the leadership connection; trying to lead again');
        await this.handle.reset();
      }
    }
    try {
      const db = await this.handle.get();
      const res = await db.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1::bigint) AS ok', [LEADER_LOCK_KEY.toString()]);
      if (res.rows[0]?.ok === true) {
        this.set(true);
        this.log.info('leading: this instance applies');
      } else if (!this.announcedStandby) {
        this.announcedStandby = true;
        this.log.info('standing by: another instance leads');
      }
    } catch (e) {
      this.log.warn({ error: (e as Error).message }, 'cannot reach the database to take the leadership');
      await this.handle.reset();
    }
    return this.held;
  }

  async release(): Promise<void> {
    this.set(false);
    // Closing the session releases the lock; an explicit unlock would only add a round trip.
    await this.handle.close();
  }

  private set(leading: boolean): void {
    if (leading !== this.held) {
      this.held = leading;
      this.announcedStandby = false;
      this.onChange(leading);
    }
  }
}
