// The daemon's log: JSON lines through pino, one object per event, with the
// run id and commit on everything a run logs. Secrets never reach the output:
// fields that may hold one are censored by path, and every line is scrubbed
// of the literal secrets the daemon knows (the webhook secret, the database
// password, a token in the repository URL: see urlSecrets) and of
// credentials inside URLs, whatever field they hid in.

import { pino, type Logger } from 'pino';
import { redactSecrets } from '../drivers/errors.js';

export type { Logger };

export interface LoggerOptions {
  /** Literal values that must never be written (the webhook secret, the database password). */
  secrets: readonly string[];
  /** Where lines go: a file descriptor (default 2, stderr) or a stream. */
  destination?: number | pino.DestinationStream;
  level?: string;
}

const CENSORED_PATHS = [
  'secret', 'password', 'token', 'webhookSecret',
  '*.secret', '*.password', '*.token', '*.webhookSecret',
  'headers.authorization', 'headers.cookie', 'headers["x-hub-signature-256"]', 'headers["x-gitlab-token"]',
];

export function createLogger(opts: LoggerOptions): Logger {
  const scrub = scrubber(opts.secrets);
  const destination = typeof opts.destination === 'object'
    ? opts.destination
    : pino.destination({ dest: opts.destination ?? 2, sync: true });
  return pino({
    level: opts.level ?? process.env.DIDSYNC_LOG_LEVEL ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: CENSORED_PATHS, censor: '***' },
    formatters: { level: (label) => ({ level: label }) },
    hooks: { streamWrite: scrub },
  }, destination);
}

/** Removes every known secret (as written, and as JSON escapes it) and URL passwords from a line. */
export function scrubber(secrets: readonly string[]): (line: string) => string {
  const forms = new Set<string>();
  for (const s of secrets) {
    // Very short values would censor innocent text; they are not secrets worth the name.
    if (s.length < 4) continue;
    forms.add(s);
    forms.add(JSON.stringify(s).slice(1, -1));
    forms.add(encodeURIComponent(s));
  }
  const list = [...forms].sort((a, b) => b.length - a.length);
  return (line: string) => {
    // Literals first: the URL patterns stop at a quote or a blank, so run
    // first they would cut a password holding one in two and hide it from the list.
    let out = line;
    for (const f of list) if (out.includes(f)) out = out.split(f).join('***');
    return redactSecrets(out);
  };
}
