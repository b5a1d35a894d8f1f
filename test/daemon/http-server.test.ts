// The HTTP layer on a real loopback socket: the five routes, 404 and 405
// for everything else, the body limits (a real 413 answer, for the webhook
// and for bodies sent with other requests), a route's failure as a bare 500,
// and a client sending its headers, or a webhook body, slowly cut off with
// 408 in about the configured time.

import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import { test } from 'node:test';
import { BODY_LIMIT_BYTES, OTHER_BODY_LIMIT_BYTES, startHttpServer, type Routes } from '../../src/daemon/http-server.js';
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
  // A real answer each time: a connection error is a failure, not a 413.
  for (let i = 0; i < 5; i++) {
    const big = await call(url, 'POST', '/webhook', Buffer.alloc(BODY_LIMIT_BYTES + 1, 'a'));
    assert.equal(big.status, 413);
    assert.match(big.text, /exceeds/);
  }
  const chunked = await call(url, 'POST', '/webhook', Buffer.alloc(BODY_LIMIT_BYTES + 1, 'a'), { 'transfer-encoding': 'chunked' });
  assert.equal(chunked.status, 413, 'a body without a declared length is counted as it comes');
  assert.equal(seen.length, 1, 'an oversized body reaches no route');
  recordResult({
    area: 'Exposure', fault: 'HTTP requests to the daemon: unknown paths, path traversal, wrong methods, an oversized body, a failing route', database: '-', cases: 12,
    outcome: `404 or 405 with nothing run; a body over ${BODY_LIMIT_BYTES} bytes refused with 413 before any route; a failure answered 500 with no message or stack`,
    test: 'routes, unknown paths, wrong methods, body limit and failures',
  });
});

test('bodies of other requests are limited too; a small one is dropped and the request answered', async (t) => {
  let asked = 0;
  const routes = { healthz: () => { asked++; return { status: 200, body: { status: 'ok' } }; }, failed: () => undefined } as unknown as Routes;
  const server = await startHttpServer({ host: '127.0.0.1', port: 0 }, routes);
  t.after(() => server.close());
  // Node's client sends a GET body without a length unless told: declare it.
  const sized = (n: number) => ({ 'content-length': String(n) });
  assert.equal((await call(server.url, 'GET', '/healthz', Buffer.alloc(100, 'a'), sized(100))).status, 200);
  for (const [method, path] of [['GET', '/healthz'], ['PUT', '/status'], ['GET', '/nowhere'], ['GET', '/webhook']]) {
    const big = await call(server.url, method, path, Buffer.alloc(OTHER_BODY_LIMIT_BYTES + 1, 'a'), sized(OTHER_BODY_LIMIT_BYTES + 1));
    assert.equal(big.status, 413, `${method} ${path}`);
    const streamed = await call(server.url, method, path, Buffer.alloc(OTHER_BODY_LIMIT_BYTES * 4, 'a'), { 'transfer-encoding': 'chunked' });
    assert.equal(streamed.status, 413, `${method} ${path} chunked`);
  }
  assert.equal(asked, 1, 'no oversized request reached a route');
  // A declared length far past the limit is answered before a byte of the body is sent.
  const { hostname, port } = new URL(server.url);
  const answer = await new Promise<string>((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write('POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n'));
    let text = '';
    socket.on('data', (c: Buffer) => { text += c.toString(); });
    socket.on('close', () => resolve(text));
  });
  assert.match(answer, /^HTTP\/1\.1 413 [^]*\r\nConnection: close\r\n/);
  // The connection is still usable after each refusal (the agent reuses it).
  assert.equal((await call(server.url, 'GET', '/healthz')).status, 200);
  assert.equal(asked, 2);
});

/** A raw client that sends `head` at once and then one more header line every `everyMs`; resolves with what it got and when. */
function slowHeaders(url: string, everyMs: number): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const socket = connect(Number(port), hostname);
    let text = '';
    let n = 0;
    const timer = setInterval(() => { if (!socket.destroyed) socket.write(`X-Slow-${n++}: still coming\r\n`); }, everyMs);
    socket.on('connect', () => socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
    socket.on('data', (c: Buffer) => { text += c.toString(); });
    socket.on('error', () => undefined);
    socket.on('close', () => { clearInterval(timer); resolve({ text, ms: performance.now() - t0 }); });
    setTimeout(() => { clearInterval(timer); socket.destroy(); reject(new Error(`no answer in 20 s; got: ${text}`)); }, 20_000).unref();
  });
}

test('headers sent one line a second get 408 within moments of the headers timeout', async (t) => {
  const routes = { healthz: () => ({ status: 200, body: { status: 'ok' } }), failed: () => undefined } as unknown as Routes;
  const headersTimeoutMs = 2_000;
  const server = await startHttpServer({ host: '127.0.0.1', port: 0 }, routes, { headersTimeoutMs, requestTimeoutMs: 4_000 });
  t.after(() => server.close());
  const { text, ms } = await slowHeaders(server.url, 1_000);
  t.diagnostic(`408 after ${Math.round(ms)} ms (headers timeout ${headersTimeoutMs} ms)`);
  assert.match(text, /^HTTP\/1\.1 408 /);
  assert.ok(ms >= headersTimeoutMs - 100 && ms < headersTimeoutMs + 2_500, `answered after ${Math.round(ms)} ms`);
  recordResult({
    area: 'Exposure', fault: 'HTTP client sending its request headers one line a second (slowloris)', database: '-', cases: 1,
    outcome: `408 and the connection closed after ${Math.round(ms)} ms, headers timeout ${headersTimeoutMs} ms`,
    test: 'headers sent one line a second get 408 within moments of the headers timeout',
  });
});

test('a webhook body trickled slower than the request timeout gets 408 and never reaches the route', async (t) => {
  let called = 0;
  const routes = {
    webhook: () => { called++; return { status: 202, body: { accepted: true } }; },
    failed: () => undefined,
  } as unknown as Routes;
  const requestTimeoutMs = 2_000;
  const server = await startHttpServer({ host: '127.0.0.1', port: 0 }, routes, { headersTimeoutMs: 1_000, requestTimeoutMs, checkIntervalMs: 250 });
  t.after(() => server.close());
  const { hostname, port } = new URL(server.url);
  // The head at once, with a declared length of 64 bytes; then one byte of the body every 250 ms (16 s in all).
  const { text, ms, sent } = await new Promise<{ text: string; ms: number; sent: number }>((resolve, reject) => {
    const t0 = performance.now();
    const socket = connect(Number(port), hostname);
    let text = '';
    let sent = 0;
    const timer = setInterval(() => { if (!socket.destroyed && sent < 64) { socket.write('a'); sent++; } }, 250);
    socket.on('connect', () => socket.write('POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 64\r\n\r\n'));
    socket.on('data', (c: Buffer) => { text += c.toString(); });
    socket.on('error', () => undefined);
    socket.on('close', () => { clearInterval(timer); resolve({ text, ms: performance.now() - t0, sent }); });
    setTimeout(() => { clearInterval(timer); socket.destroy(); reject(new Error(`not cut off in 20 s; got: ${text}`)); }, 20_000).unref();
  });
  t.diagnostic(`answered after ${Math.round(ms)} ms with ${sent} of 64 body bytes sent: ${JSON.stringify(text.split('\r\n')[0])}`);
  assert.ok(text === '' || /^HTTP\/1\.1 408 /.test(text), `408 or a closed connection, got: ${text}`);
  assert.ok(sent < 64, 'cut off before the body was complete');
  assert.ok(ms >= requestTimeoutMs - 100 && ms < requestTimeoutMs + 4_000, `cut off after ${Math.round(ms)} ms`);
  assert.equal(called, 0, 'the webhook route was never called');
  recordResult({
    area: 'Exposure', fault: 'HTTP client trickling a webhook body one byte every 250 ms (slow body)', database: '-', cases: 1,
    outcome: `${text === '' ? 'the connection closed' : '408 and the connection closed'} after ${Math.round(ms)} ms with ${sent} of 64 bytes sent, request timeout ${requestTimeoutMs} ms; the webhook route was never called`,
    test: 'a webhook body trickled slower than the request timeout gets 408 and never reaches the route',
  });
});

test('a port in use is a clear fault', async (t) => {
  const first = await startHttpServer({ host: '127.0.0.1', port: 0 }, {} as Routes);
  t.after(() => first.close());
  const port = Number(new URL(first.url).port);
  await assert.rejects(startHttpServer({ host: '127.0.0.1', port }, {} as Routes), /cannot listen on 127\.0\.0\.1:\d+: the address is in use/);
});
