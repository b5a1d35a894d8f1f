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
  // A SQLSTATE has a digit (42P01, XX000); EPIPE and ECONNRESET are the socket's words.
  const suffix = code !== undefined && /^(?=.*[0-9])[0-9A-Z]{5}$/.test(code) ? ` [SQLSTATE ${code}]` : '';
  const lost = code === 'EPIPE' || code === 'ECONNRESET' ? 'the connection to the database was lost: ' : '';
  return new DatabaseError(`${context}: ${lost}${redactSecrets(text)}${detail}${suffix}${hint}`, code, retriable, { cause: e }, failingRow);
}

// Git remotes whose user name alone may be the credential: `https://ghp_…@host/…`
// (GitHub, GitLab and Bitbucket tokens) and `ssh://token@host/…`. A database
// URL's user name is a role, not a secret, and stays readable.
const GIT_REMOTE_SCHEME = /^(?:https?|ssh|git\+ssh|ssh\+git):$/i;
const SECRET_PARAM = /pass|secret|token|key/i;

/**
 * `postgres://app:secret@db/x` -> `postgres://app:***@db/x`,
 * `https://ghp_token@host/r.git` -> `https://***@host/r.git`; other text unchanged.
 * A URL that does not parse cleanly (a password with '/', '?', '#' or '@'
 * not encoded, a bad port) loses everything between '://' and its last '@'.
 */
/** SQLSTATE in_failed_sql_transaction: what both drivers report for a COMMIT that rolled back. */
export const ROLLED_BACK = '25P02';

/**
 * A transaction whose callback resolved although a statement in it failed
 * (the callback caught that failure): the database rolled it all back.
 */
export function rolledBack(): DatabaseError {
  return new DatabaseError('the transaction was rolled back instead of committed: a statement in it failed', ROLLED_BACK, false);
}

export function redactUrl(url: string): string {
  const u = cleanUrl(url);
  if (!u) {
    return url
      .replace(/^([a-z][a-z0-9+.-]*:\/\/).*@/is, '$1***@')
      .replace(/([?&][^=&#]*(?:pass|secret|token|key)[^=&#]*=)[^&#]*/gi, '$1***');
  }
  if (u.password !== '') u.password = '***';
  else if (u.username !== '' && GIT_REMOTE_SCHEME.test(u.protocol)) u.username = '***';
  for (const key of [...u.searchParams.keys()]) {
    if (SECRET_PARAM.test(key)) u.searchParams.set(key, '***');
  }
  return u.toString();
}

/**
 * The credentials a URL carries, as literal strings to scrub wherever they
 * turn up (as written and percent-decoded): the password; the user name of a
 * git remote without one; for a URL that does not parse cleanly, all of
 * what stands between '://' and the last '@', and the part after its first ':'.
 */
export function urlSecrets(url: string | undefined): string[] {
  if (url === undefined) return [];
  const out = new Set<string>();
  const add = (s: string): void => {
    if (s === '') return;
    out.add(s);
    try {
      out.add(decodeURIComponent(s));
    } catch {
      // a '%' not followed by two hex digits: only the form as written exists
    }
  };
  const u = cleanUrl(url);
  if (u) {
    if (u.password !== '') add(u.password);
    else if (GIT_REMOTE_SCHEME.test(u.protocol)) add(u.username);
    for (const [key, value] of u.searchParams) if (SECRET_PARAM.test(key)) add(value);
    return [...out];
  }
  const m = /^[a-z][a-z0-9+.-]*:\/\/(.*)@/is.exec(url);
  if (m) {
    add(m[1]);
    const colon = m[1].indexOf(':');
    if (colon >= 0) add(m[1].slice(colon + 1));
  }
  return [...out];
}

/**
 * The URL as parsed, or null when the parser's reading cannot be trusted to
 * have found the credentials: it throws, or an '@' follows the authority it
 * found (`postgres://u:p@ss/w?rd@host/x` parses as host 'ss' with the rest
 * of the password in the path and query).
 */
function cleanUrl(url: string): URL | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (!scheme) return u;
  const rest = url.slice(scheme[0].length);
  const authorityEnd = rest.search(/[/?#\\]/);
  return authorityEnd >= 0 && rest.slice(authorityEnd).includes('@') ? null : u;
}

/**
 * Remove what looks like a credential in a URL inside free text or a JSON
 * line: a password up to the last '@' before a blank or a quote, and the
 * user name of a git remote (https://, ssh://) that has no password.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(/([a-z][a-z0-9+.-]*:\/\/[^:/@\s"'<>]*:)[^\s"'<>]*@/gi, '$1***@')
    .replace(/\b((?:https?|ssh|git\+ssh|ssh\+git):\/\/)[^\s"'<>:/@]+@/gi, '$1***@');
}
