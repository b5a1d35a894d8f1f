// Push webhooks from GitHub and GitLab: authenticate the request, then decide
// whether it is a push to the followed branch. Pure over (headers, raw body,
// secret, branch): no I/O, no queue. Authentication comes first and uses
// only the raw bytes; nothing in an unauthenticated body is parsed.
//
//  - GitHub signs the body: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256>`.
//  - GitLab sends the shared secret itself: `X-Gitlab-Token: <secret>`.
// Both are compared in constant time (digests of equal length, then
// timingSafeEqual), so the comparison leaks neither the secret nor how much
// of a forged value matched.

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export type Provider = 'github' | 'gitlab';

export interface WebhookAnswer {
  /** HTTP status: 401 unauthenticated, 400 unreadable, 202 run requested, 200 authenticated but nothing to do. */
  status: 200 | 202 | 400 | 401;
  body: Record<string, unknown>;
  /** Whether a sync run should be requested. */
  trigger: boolean;
  provider?: Provider;
  /** For the log: why the request was refused or ignored. */
  reason: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameSecret(a: string | Buffer, b: string | Buffer): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/** Which provider authenticated the request, or why it is refused. */
export function authenticate(
  headers: IncomingHttpHeaders, body: Buffer, secret: string | undefined,
): { provider: Provider } | { refused: string } {
  if (secret === undefined || secret === '') return { refused: 'webhooks are disabled: DIDSYNC_WEBHOOK_SECRET is not set' };
  const signature = header(headers, 'x-hub-signature-256');
  if (signature !== undefined) {
    const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    return sameSecret(signature.trim().toLowerCase(), expected) ? { provider: 'github' } : { refused: 'the signature does not match' };
  }
  const token = header(headers, 'x-gitlab-token');
  if (token !== undefined) {
    return sameSecret(token, secret) ? { provider: 'gitlab' } : { refused: 'the token does not match' };
  }
  return { refused: 'no signature (X-Hub-Signature-256) or token (X-Gitlab-Token)' };
}

/** The JSON payload of an authenticated request (GitHub may send it form-encoded). */
function payloadOf(headers: IncomingHttpHeaders, body: Buffer): Record<string, unknown> | null {
  let text = body.toString('utf8');
  if (/^application\/x-www-form-urlencoded/i.test(header(headers, 'content-type') ?? '')) {
    text = new URLSearchParams(text).get('payload') ?? '';
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function isPushEvent(provider: Provider, headers: IncomingHttpHeaders): { push: boolean; event: string } {
  const event = provider === 'github' ? header(headers, 'x-github-event') ?? '' : header(headers, 'x-gitlab-event') ?? '';
  return { push: provider === 'github' ? event === 'push' : event === 'Push Hook', event };
}

const ZERO_SHA = /^0+$/;

/**
 * The whole decision for one POST /webhook. `branch` is the followed branch,
 * or null when any push should trigger (watch mode).
 */
export function answerWebhook(
  headers: IncomingHttpHeaders, body: Buffer, secret: string | undefined, branch: string | null,
): WebhookAnswer {
  const auth = authenticate(headers, body, secret);
  if ('refused' in auth) return { status: 401, body: { error: 'unauthorized' }, trigger: false, reason: auth.refused };
  const { provider } = auth;
  const { push, event } = isPushEvent(provider, headers);
  if (provider === 'github' && event === 'ping') {
    return { status: 200, body: { ok: true, event: 'ping' }, trigger: false, provider, reason: 'ping' };
  }
  if (!push) {
    return { status: 200, body: { ignored: `event '${event}' is not a push` }, trigger: false, provider, reason: `event ${event || '(none)'}` };
  }
  const payload = payloadOf(headers, body);
  if (!payload) return { status: 400, body: { error: 'the body is not a JSON push payload' }, trigger: false, provider, reason: 'unreadable payload' };
  const ref = typeof payload.ref === 'string' ? payload.ref : '';
  if (!ref.startsWith('refs/heads/')) {
    return { status: 200, body: { ignored: 'not a branch push' }, trigger: false, provider, reason: `ref ${ref || '(none)'}` };
  }
  const pushed = ref.slice('refs/heads/'.length);
  if (branch !== null && pushed !== branch) {
    return { status: 200, body: { ignored: `push to branch '${pushed}', following '${branch}'` }, trigger: false, provider, reason: `other branch ${pushed}` };
  }
  if (payload.deleted === true || (typeof payload.after === 'string' && ZERO_SHA.test(payload.after))) {
    return { status: 200, body: { ignored: 'the branch was deleted' }, trigger: false, provider, reason: 'branch deleted' };
  }
  return { status: 202, body: { accepted: true, branch: pushed }, trigger: true, provider, reason: `push to ${pushed}` };
}
