// The daemon's HTTP face on --listen: GET /healthz, /readyz, /metrics,
// /status and POST /webhook, 404 for other paths and 405 for other methods.
// It owns the protocol hygiene (body limits, request and header timeouts,
// JSON answers, no stack traces) and nothing else: what each route means is
// supplied by the daemon as plain functions.
//
// Bodies: only POST /webhook has one worth reading (up to BODY_LIMIT_BYTES);
// any other request may bring at most OTHER_BODY_LIMIT_BYTES, read and
// dropped. A body over its limit is answered 413 at once; the client is
// still sending it, so up to DISCARD_LIMIT_BYTES of it are read and dropped
// for it to see that answer (closing on unread data resets the connection,
// and the client would see a reset instead), and past that it is cut.

import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultError } from '../report/errors.js';
import type { Listen } from './options.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
export const OTHER_BODY_LIMIT_BYTES = 16 * 1024;
const DISCARD_LIMIT_BYTES = 2 * BODY_LIMIT_BYTES;

export interface HttpLimits {
  /** The whole request head must arrive within this (then 408). */
  headersTimeoutMs: number;
  /** The whole request, head and body, must arrive within this (then 408). */
  requestTimeoutMs: number;
  /**
   * How often the server checks connections against the two timeouts. Node's
   * default is 30 s, which lets a slow client hold a connection that much
   * longer than the timeouts say.
   */
  checkIntervalMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 15_000, checkIntervalMs: 1_000 };

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

export async function startHttpServer(listen: Listen, routes: Routes, limits: Partial<HttpLimits> = {}): Promise<HttpServer> {
  const l = { ...DEFAULT_HTTP_LIMITS, ...limits };
  const server = createServer({
    headersTimeout: l.headersTimeoutMs, requestTimeout: l.requestTimeoutMs, connectionsCheckingInterval: l.checkIntervalMs,
  }, (req, res) => {
    handle(req, res, routes).catch((e: unknown) => {
      routes.failed(req.url ?? '', e);
      if (!res.headersSent) send(res, { status: 500, body: { error: 'internal error' } });
      else res.destroy();
    });
  });
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
  const webhook = path === '/webhook' && method === 'POST';
  const limit = webhook ? BODY_LIMIT_BYTES : OTHER_BODY_LIMIT_BYTES;
  const body = await readBody(req, limit, webhook);
  if (body === 'too-large') return refuseBody(req, res, limit);
  if (webhook) return send(res, routes.webhook(req.headers, body));
  if (path === '/webhook') return send(res, { status: 405, body: { error: 'method not allowed' } }, 'POST');
  if (!GET_ROUTES.has(path)) return send(res, { status: 404, body: { error: 'not found' } });
  if (method !== 'GET' && method !== 'HEAD') return send(res, { status: 405, body: { error: 'method not allowed' } }, 'GET, HEAD');
  switch (path) {
    case '/healthz': return send(res, routes.healthz());
    case '/readyz': return send(res, await routes.readyz());
    case '/metrics': return send(res, await routes.metrics());
    default: return send(res, await routes.status());
  }
}

/**
 * The request body: up to `limit` bytes, kept only when `keep` (otherwise
 * read and dropped); 'too-large' as soon as the limit is exceeded, declared
 * or sent, after which the rest is left for refuseBody.
 */
function readBody(req: IncomingMessage, limit: number, keep: boolean): Promise<Buffer | 'too-large'> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve('too-large');
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData).off('end', onEnd).off('error', reject);
        req.pause();
        resolve('too-large');
      } else if (keep) chunks.push(chunk);
    };
    const onEnd = (): void => resolve(Buffer.concat(chunks));
    req.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

/** 413 now; then the rest of the body is dropped up to DISCARD_LIMIT_BYTES, and the connection cut past it. */
function refuseBody(req: IncomingMessage, res: ServerResponse, limit: number): void {
  // A declared body is still all unread (readBody refused it by its length): too much of it is not worth
  // reading, and the answer closes the connection.
  const hopeless = Number(req.headers['content-length'] ?? 0) > DISCARD_LIMIT_BYTES;
  send(res, { status: 413, body: { error: `the body exceeds ${limit} bytes` } }, undefined, hopeless);
  if (hopeless) return;
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DISCARD_LIMIT_BYTES) req.socket.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

function send(res: ServerResponse, reply: Reply, allow?: string, closeAfter = false): void {
  const text = reply.contentType ? String(reply.body) : `${JSON.stringify(reply.body)}\n`;
  res.statusCode = reply.status;
  res.setHeader('Content-Type', reply.contentType ?? 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (allow) res.setHeader('Allow', allow);
  // After an oversized body too large to drop: close rather than read it.
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
