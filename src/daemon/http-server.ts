// The daemon's HTTP face on --listen: GET /healthz, /readyz, /metrics,
// /status and POST /webhook, 404 for other paths and 405 for other methods.
// It owns the protocol hygiene (body limit, request and header timeouts, JSON
// answers, no stack traces) and nothing else: what each route means is
// supplied by the daemon as plain functions.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultError } from '../report/errors.js';
import type { Listen } from './options.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface Reply {
  status: number;
  body: unknown;
  /** Sent as is (metrics text) instead of JSON. */
  contentType?: string;
}

export interface Routes {
  healthz(): Reply;
  readyz(): Promise<Reply>;
  metrics(): Promise<Reply>;
  status(): Promise<Reply>;
  webhook(headers: IncomingHttpHeaders, body: Buffer): Reply;
  /** A route threw: log it; the client gets a bare 500. */
  failed(path: string, error: unknown): void;
}

export interface HttpServer {
  /** The address actually bound (port 0 becomes a free port). */
  url: string;
  /** Stop accepting connections; idle keep-alive connections close now, busy ones after their reply. */
  close(): Promise<void>;
}

const GET_ROUTES = new Set(['/healthz', '/readyz', '/metrics', '/status']);

export async function startHttpServer(listen: Listen, routes: Routes): Promise<HttpServer> {
  const server = createServer((req, res) => {
    handle(req, res, routes).catch((e: unknown) => {
      routes.failed(req.url ?? '', e);
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal error' } });
      else res.destroy();
    });
  });
  server.requestTimeout = 15_000;
  server.headersTimeout = 10_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(new FaultError(`cannot listen on ${listen.host}:${listen.port}: ${e.code === 'EADDRINUSE' ? 'the address is in use' : e.message}`));
    });
    server.listen(listen.port, listen.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return { url: `http://${host}:${addr.port}`, close: () => closeServer(server) };
}

async function handle(req: IncomingMessage, res: ServerResponse, routes: Routes): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const method = req.method ?? 'GET';
  if (path === '/webhook') {
    if (method !== 'POST') return send(res, { status: 405, body: { error: 'method not allowed' } }, 'POST');
    const body = await readBody(req, BODY_LIMIT_BYTES);
    if (body === 'too-large') {
      send(res, { status: 413, body: { error: `the body exceeds ${BODY_LIMIT_BYTES} bytes` } }, undefined, true);
      return;
    }
    return send(res, routes.webhook(req.headers, body));
  }
  if (!GET_ROUTES.has(path)) return send(res, { status: 404, body: { error: 'not found' } });
  if (method !== 'GET' && method !== 'HEAD') return send(res, { status: 405, body: { error: 'method not allowed' } }, 'GET, HEAD');
  req.resume();
  switch (path) {
    case '/healthz': return send(res, routes.healthz());
    case '/readyz': return send(res, await routes.readyz());
    case '/metrics': return send(res, await routes.metrics());
    default: return send(res, await routes.status());
  }
}

/** The request body up to `limit` bytes; 'too-large' as soon as it is exceeded (declared or sent). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply, allow?: string, closeAfter = false): void {
  const text = reply.contentType ? String(reply.body) : `${JSON.stringify(reply.body)}\n`;
  res.statusCode = reply.status;
  res.setHeader('Content-Type', reply.contentType ?? 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (allow) res.setHeader('Allow', allow);
  // After an oversized body the rest of it is not read: close rather than drain it.
  if (closeAfter) res.setHeader('Connection', 'close');
  res.end(text);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Busy connections get their reply, then a moment to take it.
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}
