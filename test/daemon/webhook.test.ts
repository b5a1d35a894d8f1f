// Webhook authentication and the push decision, as a pure function: GitHub
// signatures, GitLab tokens, refusals that trigger nothing, other branches.

import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { answerWebhook } from '../../src/daemon/webhook.js';
import { recordResult } from '../hardening/support/results.js';

const SECRET = 'hook-secret-for-tests';
const push = (ref: string, extra: Record<string, unknown> = {}) => Buffer.from(JSON.stringify({ ref, after: 'a'.repeat(40), ...extra }));
const sign = (body: Buffer, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

test('a GitHub push to the followed branch with a valid signature triggers a run', () => {
  const body = push('refs/heads/main');
  const a = answerWebhook({ 'x-github-event': 'push', 'x-hub-signature-256': sign(body) }, body, SECRET, 'main');
  assert.equal(a.status, 202);
  assert.equal(a.trigger, true);
  assert.equal(a.provider, 'github');
});

test('unsigned, forged and wrong-secret requests get 401 and trigger nothing', () => {
  const body = push('refs/heads/main');
  const cases: Array<Record<string, string>> = [
    { 'x-github-event': 'push' },
    { 'x-github-event': 'push', 'x-hub-signature-256': 'sha256=' + '0'.repeat(64) },
    { 'x-github-event': 'push', 'x-hub-signature-256': sign(body, 'another-secret') },
    { 'x-github-event': 'push', 'x-hub-signature-256': sign(Buffer.from('other body')) },
    { 'x-github-event': 'push', 'x-hub-signature-256': 'garbage' },
    { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': 'not-the-secret' },
    { 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': '' },
  ];
  for (const headers of cases) {
    const a = answerWebhook(headers, body, SECRET, 'main');
    assert.equal(a.status, 401, JSON.stringify(headers));
    assert.equal(a.trigger, false);
    assert.deepEqual(a.body, { error: 'unauthorized' }, 'the answer does not say what was wrong');
  }
  recordResult({
    area: 'Exposure', fault: 'webhooks unsigned, forged, signed with another secret or over another body, with a wrong GitLab token', database: '-', cases: cases.length,
    outcome: '401 with a body that does not say why; nothing triggered',
    test: 'unsigned, forged and wrong-secret requests get 401 and trigger nothing',
  });
});

test('without a configured secret every request is refused', () => {
  const body = push('refs/heads/main');
  for (const secret of [undefined, '']) {
    const a = answerWebhook({ 'x-github-event': 'push', 'x-hub-signature-256': sign(body, '') }, body, secret, 'main');
    assert.equal(a.status, 401);
    assert.match(a.reason, /DIDSYNC_WEBHOOK_SECRET/);
  }
});

test('a GitLab push with the right token triggers; the body is not needed for authentication', () => {
  const body = push('refs/heads/main');
  const a = answerWebhook({ 'x-gitlab-event': 'Push Hook', 'x-gitlab-token': SECRET }, body, SECRET, 'main');
  assert.equal(a.status, 202);
  assert.equal(a.provider, 'gitlab');
});

test('pushes to other branches, tags, deletions, pings and other events are accepted but ignored', () => {
  const check = (headers: Record<string, string>, body: Buffer, want: number, reason: RegExp) => {
    const a = answerWebhook({ ...headers, 'x-hub-signature-256': sign(body) }, body, SECRET, 'main');
    assert.equal(a.status, want, a.reason);
    assert.equal(a.trigger, false);
    assert.match(a.reason, reason);
  };
  check({ 'x-github-event': 'push' }, push('refs/heads/feature/x'), 200, /other branch feature\/x/);
  check({ 'x-github-event': 'push' }, push('refs/tags/v1'), 200, /ref refs\/tags\/v1/);
  check({ 'x-github-event': 'push' }, push('refs/heads/main', { deleted: true, after: '0'.repeat(40) }), 200, /deleted/);
  check({ 'x-github-event': 'ping' }, Buffer.from('{"zen":"x"}'), 200, /ping/);
  check({ 'x-github-event': 'issues' }, Buffer.from('{}'), 200, /event issues/);
  check({ 'x-github-event': 'push' }, Buffer.from('not json'), 400, /unreadable/);
});

test('GitHub form-encoded payloads are read after the signature of the raw body is checked', () => {
  const body = Buffer.from(`payload=${encodeURIComponent(JSON.stringify({ ref: 'refs/heads/release' }))}`);
  const a = answerWebhook({
    'x-github-event': 'push', 'x-hub-signature-256': sign(body), 'content-type': 'application/x-www-form-urlencoded',
  }, body, SECRET, 'release');
  assert.equal(a.status, 202);
});

test('in watch mode (no branch) any authenticated push triggers', () => {
  const body = push('refs/heads/anything');
  assert.equal(answerWebhook({ 'x-github-event': 'push', 'x-hub-signature-256': sign(body) }, body, SECRET, null).trigger, true);
});
