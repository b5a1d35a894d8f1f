// Which database errors are the commit's fault rather than the moment's. A
// commit whose apply the database refuses by its own rules (a value out of
// range, a constraint, a trigger that raises, a statement it cannot run)
// fails the same way every time it is tried: the daemon records it failed
// once and waits for the next commit, as it does for an invalid config.
// Everything else a database throws (the connection lost, the server
// shutting down, a serialisation failure or deadlock, a lock timeout, a
// missing grant an operator can add) may pass, and is retried with backoff.

import { DatabaseError } from '../drivers/errors.js';

// SQLSTATE classes 22 (data exception) and 23 (integrity constraint
// violation), P0001 (RAISE EXCEPTION in a trigger or function), and class 42
// (syntax error or access rule violation) except 42501, insufficient privilege.
const REJECTING_CLASSES = new Set(['22', '23', '42']);
const REJECTING_CODES = new Set(['P0001']);
const NOT_REJECTING = new Set(['42501']);

export function isRejectingCode(code: string | undefined): boolean {
  if (code === undefined || NOT_REJECTING.has(code)) return false;
  return REJECTING_CODES.has(code) || REJECTING_CLASSES.has(code.slice(0, 2));
}

/** Whether `e` is the database refusing the change itself: trying again cannot help until the config changes. */
export function isRejection(e: unknown): e is DatabaseError {
  return e instanceof DatabaseError && !e.retriable && isRejectingCode(e.code);
}

/**
 * Whether a run record's error is such a refusal. DatabaseError messages end
 * in `[SQLSTATE xxxxx]`, and the apply records the message as it is; this is
 * how a restarted daemon knows not to try that commit again.
 */
export function isRejectionRecord(error: string | null | undefined): boolean {
  const m = /\[SQLSTATE ([0-9A-Z]{5})\]$/.exec(error ?? '');
  return m !== null && isRejectingCode(m[1]);
}
