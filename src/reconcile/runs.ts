// didsync.runs: one row per run (success, failure, refusal), opened outside
// the apply transaction so a rolled-back apply still leaves its record; the
// outcome of an apply is written inside its transaction (engine.ts). A run
// ends at clock_timestamp(), the moment it is recorded: now() is the start
// of the transaction, which for an apply is before all of its work. Times
// are read back as ISO 8601 in UTC, the same on PostgreSQL and PGlite.

import { hostname } from 'node:os';
import type { Queryable } from '../drivers/driver.js';
import { publicPlan, type Plan } from './plan.js';

export interface RunInfo {
  trigger: 'cli' | 'daemon' | 'watch' | 'webhook' | 'drift';
  command: string;
  commit?: string | null;
  author?: string | null;
  subject?: string | null;
  /** Told the run's id as soon as its record exists, so a caller's logs can name the run even when it then fails. */
  onRecorded?: (runId: number) => void;
}

export type RunStatus = 'running' | 'applied' | 'no-changes' | 'failed' | 'refused' | 'error';

export async function startRun(db: Queryable, run: RunInfo): Promise<number> {
  const res = await db.query<{ id: string }>(
    `INSERT INTO didsync.runs (trigger, command, commit, author, subject, status, host, pid)
     VALUES ($1, $2, $3, $4, $5, 'running', $6, $7) RETURNING id`,
    [run.trigger, run.command, run.commit ?? null, run.author ?? null, run.subject ?? null, hostname(), process.pid],
  );
  const id = Number(res.rows[0].id);
  run.onRecorded?.(id);
  return id;
}

export async function finishRun(
  db: Queryable, id: number, end: { status: RunStatus; plan?: Plan; error?: string },
): Promise<void> {
  await db.query(
    `UPDATE didsync.runs SET finished_at = clock_timestamp(), status = $2, summary = $3::jsonb, plan = $4, error = $5 WHERE id = $1`,
    [
      id, end.status,
      end.plan ? JSON.stringify(end.plan.summary) : null,
      end.plan ? JSON.stringify(publicPlan(end.plan)) : null,
      end.error ?? null,
    ],
  );
}

/**
 * Close the runs an apply left 'running' when its process or its connection
 * died. Call only while holding the apply lock: then no other apply is
 * under way, and because an apply writes its outcome in its own
 * transaction, a record still 'running' is one whose change never committed.
 */
export async function closeAbandonedRuns(db: Queryable): Promise<number> {
  const res = await db.query(
    `UPDATE didsync.runs SET finished_at = clock_timestamp(), status = 'error',
            error = 'interrupted: the process or its database connection ended before the run finished; nothing of it was applied'
      WHERE status = 'running'`,
  );
  return res.affected;
}

export interface LastRun {
  id: number;
  trigger: string;
  commit: string | null;
  author: string | null;
  subject: string | null;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  summary: unknown;
  error: string | null;
}

export async function lastRun(db: Queryable): Promise<LastRun | null> {
  const res = await db.query<Record<string, unknown>>(
    `SELECT id, trigger, commit, author, subject, status, ${isoTime('started_at')} AS started_at, ${isoTime('finished_at')} AS finished_at,
            summary, error
       FROM didsync.runs WHERE command IS DISTINCT FROM 'plan' ORDER BY id DESC LIMIT 1`,
  );
  const r = res.rows[0];
  if (!r) return null;
  return {
    id: Number(r.id), trigger: String(r.trigger), commit: (r.commit as string) ?? null, author: (r.author as string) ?? null,
    subject: (r.subject as string) ?? null, status: String(r.status), startedAt: String(r.started_at),
    finishedAt: (r.finished_at as string) ?? null, summary: r.summary ?? null, error: (r.error as string) ?? null,
  };
}

/** A timestamptz column as ISO 8601 in UTC with milliseconds (`2026-12-01T21:41:28.233Z`), whatever the session's time zone. */
function isoTime(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The commit of the last successful apply (the daemon resumes from it). */
export async function lastAppliedCommit(db: Queryable): Promise<string | null> {
  const res = await db.query<{ commit: string | null }>(
    `SELECT commit FROM didsync.runs WHERE status IN ('applied', 'no-changes') AND commit IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
  return res.rows[0]?.commit ?? null;
}
