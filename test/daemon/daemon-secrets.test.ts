// Credentials in the daemon's URLs never show, in its real log output or
// in what it serves (/status, /metrics, /readyz, /healthz):
//  - a token as the user name of the repository URL (https://ghp_…@host/…),
//    or as the password of x-access-token, against a real HTTP server on
//    loopback that asks for authentication, so git itself fails and prints
//    the URL in its errors;
//  - a database password with '@', '/' and '?' not percent-encoded, which
//    the URL parser misreads (host 'ss', the rest in the path and query),
//    given by --db and by DATABASE_URL; that daemon, its database out of
//    reach, answers /readyz with 503 and /healthz with 200.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { databaseTest } from '../support/databases.js';
import { writeConfig } from '../support/config.js';
import { SECRET, withCapacity } from './fixtures.js';
import { httpCall, startDaemon, type DaemonProcess } from './process-support.js';
import { recordResult } from '../hardening/support/results.js';

const EVERY_SECOND = '* * * * * *';
const NEVER = '0 0 1 1 *';

/** Everything a daemon said and served: its stderr and stdout, and one GET of each read route. */
async function exposure(d: DaemonProcess): Promise<Array<{ what: string; text: string }>> {
  const out = [{ what: 'stderr', text: d.lines.join('\n') }, { what: 'stdout', text: d.stdout() }];
  for (const path of ['/status', '/metrics', '/readyz', '/healthz']) {
    const r = await httpCall(`${d.url}${path}`, 'GET');
    out.push({ what: `GET ${path} (${r.status})`, text: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) });
  }
  return out;
}

function assertAbsent(scans: Array<{ what: string; text: string }>, secrets: readonly string[]): void {
  for (const s of scans) {
    for (const secret of secrets) assert.ok(!s.text.includes(secret), `${secret} shows in ${s.what}:\n${s.text.slice(0, 3000)}`);
  }
}

/** A git server that only ever asks for credentials (and refuses them). */
async function authenticatingGitServer(): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="config"', 'Content-Type': 'text/plain' }).end('authentication required\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

databaseTest('a token in the repository URL, as user name or password, never shows in logs or /status', async (db, target, t) => {
  const git = await authenticatingGitServer();
  t.after(() => git.close());
  if (target.kind === 'pglite') await db.close();
  const token = `ghp_${randomBytes(12).toString('hex')}`;
  const accessToken = `gho${randomBytes(12).toString('hex')}`;
  const repos = [
    { url: `http://${token}@127.0.0.1:${git.port}/org/config.git`, shown: `http://***@127.0.0.1:${git.port}/org/config.git` },
    { url: `http://x-access-token:${accessToken}@127.0.0.1:${git.port}/org/config.git`, shown: `http://x-access-token:***@127.0.0.1:${git.port}/org/config.git` },
  ];
  const all: DaemonProcess[] = [];
  t.after(async () => { for (const d of all) await d.stop('SIGKILL'); });
  let lines = 0;
  for (const [i, repo] of repos.entries()) {
    const d = await startDaemon(['--repo', repo.url, '--workdir', join(await writeConfig({}), `work-${i}`), '--db', target.url,
      '--schedule', EVERY_SECOND, '--drift-schedule', NEVER], { DIDSYNC_WEBHOOK_SECRET: SECRET });
    all.push(d);
    const failed = await d.waitForLog((e) => e.msg === 'sync failed; retrying', 'git refused');
    t.diagnostic(String(failed.error));
    assert.match(String(failed.error), /^git fetch main \(http:\/\/[^)]*\*\*\*@127\.0\.0\.1:\d+\/org\/config\.git\) failed: /);
    const status = await httpCall(`${d.url}/status`, 'GET');
    assert.equal(status.status, 200);
    assert.equal(status.body.daemon.source.repo, repo.shown);
    const scans = await exposure(d);
    assert.equal((await d.stop()).code, 0);
    assertAbsent(scans, [token, accessToken, SECRET]);
    lines += d.lines.length;
  }
  recordResult({
    area: 'Secrets', fault: 'a token in the repository URL as its user name (https://ghp_…@host) or as the password of x-access-token, git refused by a server asking for credentials',
    database: target.kind, cases: repos.length,
    outcome: `${lines} log lines, /status, /metrics, /readyz, /healthz scanned; the token in none; /status shows the URL masked`,
    test: `a token in the repository URL, as user name or password, never shows in logs or /status [${target.kind}]`,
  });
}, { init: true, timeout: 90_000 });

test('a database password that breaks its URL never shows in logs or /status', { timeout: 90_000 }, async (t) => {
  const unique = `rd${randomBytes(8).toString('hex')}`;
  // Unencoded '@', '/' and '?': the URL parser reads host 'ss', path '/w' and the rest as a query.
  const url = `postgres://postgres:p@ss/w?${unique}@127.0.0.1:5432/didsync_nowhere`;
  const root = await writeConfig(withCapacity(120));
  const all: DaemonProcess[] = [];
  t.after(async () => { for (const d of all) await d.stop('SIGKILL'); });
  let lines = 0;
  for (const via of ['--db', 'DATABASE_URL']) {
    const args = ['--watch', root, '--drift-schedule', NEVER, ...(via === '--db' ? ['--db', url] : [])];
    const d = await startDaemon(args, { DIDSYNC_WEBHOOK_SECRET: SECRET, ...(via === 'DATABASE_URL' ? { DATABASE_URL: url } : {}) });
    all.push(d);
    const starting = d.logs().find((e) => e.msg === 'didsync daemon starting')!;
    assert.equal(starting.database, 'postgres://***@127.0.0.1:5432/didsync_nowhere', via);
    await d.waitForLog((e) => e.msg === 'cannot reach the database; retrying', 'the connection refused');
    const scans = await exposure(d);
    // Alive but not ready: a probe must not route traffic to (or restart) a daemon waiting for its database.
    const ready = await httpCall(`${d.url}/readyz`, 'GET');
    assert.equal(ready.status, 503, via);
    assert.equal(ready.body.ready, false);
    assert.equal((await httpCall(`${d.url}/healthz`, 'GET')).status, 200, via);
    assert.equal((await d.stop()).code, 0);
    assertAbsent(scans, [unique, 'p@ss/w', SECRET]);
    lines += d.lines.length;
  }
  recordResult({
    area: 'Secrets', fault: "a database password with '@', '/' and '?' not encoded (the URL misparsed), via --db and DATABASE_URL, in the daemon",
    database: '-', cases: 2,
    outcome: `${lines} log lines, /status, /metrics, /readyz, /healthz scanned; no part of the password in any`,
    test: 'a database password that breaks its URL never shows in logs or /status',
  });
});
