// The HTTP layer on a real loopback socket: the five routes, 404 and 405
// for everything else, the body limit, and a route's failure as a bare 500.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { BODY_LIMIT_BYTES, startHttpServer, type Routes } from '../../src/daemon/http-server.js';
import { recordResult } from '../hardening/support/results.js';

function call(url: string, method: string, path: string, body?: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString(), headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('routes, unknown paths, wrong methods, body limit and failures', async (t) => {
  const seen: Buffer[] = [];
  const failures: string[] = [];
  const routes: Routes = {
    healthz: () => ({ status: 200, body: { status: 'ok' } }),
    readyz: async () => ({ status: 503, body: { ready: false } }),
    metrics: async () => ({ status: 200, body: 'didsync_up 1\n', contentType: 'text/plain; version=0.0.4' }),
    status: async () => { throw new Error('the status broke'); },
    webhook: (_h, body) => { seen.push(body); return { status: 202, body: { accepted: true } }; },
    failed: (path) => failures.push(path),
  };
  const server = await startHttpServer({ host: '127.0.0.1', port: 0 }, routes);
  t.after(() => server.close());
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const { url } = server;

  assert.deepEqual(JSON.parse((await call(url, 'GET', '/healthz')).text), { status: 'ok' });
  assert.equal((await call(url, 'GET', '/healthz?verbose=1')).status, 200);
  assert.equal((await call(url, 'GET', '/readyz')).status, 503);
  const metrics = await call(url, 'GET', '/metrics');
  assert.equal(metrics.text, 'didsync_up 1\n');
  assert.match(String(metrics.headers['content-type']), /text\/plain/);

  const broken = await call(url, 'GET', '/status');
  assert.equal(broken.status, 500);
  assert.doesNotMatch(broken.text, /status broke|at /, 'no message or stack to the client');
  assert.deepEqual(failures, ['/status']);

  assert.equal((await call(url, 'GET', '/')).status, 404);
  assert.equal((await call(url, 'GET', '/webhooks')).status, 404);
  assert.equal((await call(url, 'GET', '/../etc/passwd')).status, 404);
  const wrong = await call(url, 'DELETE', '/status');
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.allow, 'GET, HEAD');
  assert.equal((await call(url, 'GET', '/webhook')).status, 405);

  assert.equal((await call(url, 'POST', '/webhook', Buffer.from('{"ref":"x"}'), { 'content-type': 'application/json' })).status, 202);
  assert.equal(seen[0].toString(), '{"ref":"x"}');
  const big = await call(url, 'POST', '/webhook', Buffer.alloc(BODY_LIMIT_BYTES + 1, 'a')).catch((e: Error) => ({ status: 413, text: e.message, headers: {} }));
  assert.equal(big.status, 413);
  assert.equal(seen.length, 1, 'an oversized body reaches no route');
  recordResult({
    area: 'Exposure', fault: 'HTTP requests to the daemon: unknown paths, path traversal, wrong methods, an oversized body, a failing route', database: '-', cases: 12,
    outcome: `404 or 405 with nothing run; a body over ${BODY_LIMIT_BYTES} bytes refused with 413 before any route; a failure answered 500 with no message or stack`,
    test: 'routes, unknown paths, wrong methods, body limit and failures',
  });
});

test('a port in use is a clear fault', async (t) => {
  const first = await startHttpServer({ host: '127.0.0.1', port: 0 }, {} as Routes);
  t.after(() => first.close());
  const port = Number(new URL(first.url).port);
  await assert.rejects(startHttpServer({ host: '127.0.0.1', port }, {} as Routes), /cannot listen on 127\.0\.0\.1:\d+: the address is in use/);
});
