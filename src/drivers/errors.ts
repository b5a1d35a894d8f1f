// How database failures reach the rest of didsync: one error class carrying
// the SQLSTATE, a message without secrets, and whether retrying can help
// (the daemon retries those). Connection strings are shown only redacted.

import { FaultError } from '../report/errors.js';

export class DatabaseError extends FaultError {
  constructor(
    message: string,
    /** SQLSTATE when the server sent one (`23505`, `55P03`, …). */
    readonly code: string | undefined,
    /** Connection lost, server shutting down, out of resources, lock or serialisation failure. */
    readonly retriable: boolean,
    options?: { cause?: unknown },
    /**
     * For a row a constraint refused: the first value of the row the server
     * reported (the id, in every table didsync writes), so the caller can
     * name the object; the row itself is never put in a message.
     */
    readonly failingRow?: string,
  ) {
    super(message, options);
  }
}

const RETRIABLE_CLASSES = ['08', '40', '53', '57'];
const RETRIABLE_CODES = new Set(['55P03', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/** Wrap anything a driver threw into a DatabaseError (idempotent). */
export function databaseError(e: unknown, context: string): DatabaseError {
  if (e instanceof DatabaseError) return e;
  const err = e as { code?: unknown; message?: unknown; detail?: unknown };
  const code = typeof err.code === 'string' ? err.code : undefined;
  const text = typeof err.message === 'string' && err.message !== '' ? err.message : String(e);
  const rawDetail = typeof err.detail === 'string' ? err.detail : '';
  // "Failing row contains (…)" is the whole row: balances, addresses, ids. It names no object and
  // may carry what a log must not, so only its first value (the id) is kept, for the caller.
  const failingRow = /^Failing row contains \(([^,)]*)/.exec(rawDetail)?.[1];
  const detail = rawDetail !== '' && failingRow === undefined ? ` (${rawDetail})` : '';
  const hint = code === '42P01' ? "; run 'didsync db init' to create what is missing" : '';
  const retriable = code !== undefined && (RETRIABLE_CODES.has(code) || RETRIABLE_CLASSES.includes(code.slice(0, 2)))
    || /Connection terminated|connection is closed|Client was closed|not queryable/i.test(text);
  const suffix = code !== undefined && /^[0-9A-Z]{5}$/.test(code) ? ` [SQLSTATE ${code}]` : '';
  return new DatabaseError(`${context}: ${redactSecrets(text)}${detail}${suffix}${hint}`, code, retriable, { cause: e }, failingRow);
}

/** `postgres://app:secret@db/x` -> `postgres://app:***@db/x`; other text unchanged. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    for (const key of [...u.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key)) u.searchParams.set(key, '***');
    }
    return u.toString();
  } catch {
    // Not a URL the parser accepts (a password with '/', '?' or '@' not encoded, a bad port):
    // the whole string is the URL, so the password runs from 'user:' to the last '@'.
    return url
      .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:).*@/is, '$1***@')
      .replace(/([?&][^=&#]*(?:pass|secret|token|key)[^=&#]*=)[^&#]*/gi, '$1***');
  }
}

/**
 * Remove anything that looks like a password in a URL inside free text or a
 * JSON line: up to the last '@' before a blank or a quote.
 */
export function redactSecrets(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s"'<>]*:)[^\s"'<>]*@/gi, '$1***@');
}
