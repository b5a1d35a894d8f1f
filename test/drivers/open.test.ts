// Where the database is (CONTRACT §3) and what errors say about it.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { resolveTarget } from '../../src/drivers/open.js';
import { redactSecrets, redactUrl } from '../../src/drivers/errors.js';
import { openPglite } from '../../src/drivers/pglite.js';
import { openPostgres } from '../../src/drivers/postgres.js';
import { POSTGRES_URL } from '../support/databases.js';

test('--db wins over DATABASE_URL, which wins over the embedded default', () => {
  const env = { DATABASE_URL: 'postgres://env@h/db' };
  assert.deepEqual(resolveTarget('postgresql://flag@h/db', env, '/w'), { kind: 'postgres', url: 'postgresql://flag@h/db' });
  assert.deepEqual(resolveTarget(undefined, env, '/w'), { kind: 'postgres', url: 'postgres://env@h/db' });
  assert.deepEqual(resolveTarget(undefined, {}, '/w'), { kind: 'pglite', dir: join('/w', '.didsync/db'), isDefault: true });
  assert.deepEqual(resolveTarget(undefined, { DATABASE_URL: '' }, '/w'), { kind: 'pglite', dir: join('/w', '.didsync/db'), isDefault: true });
  assert.deepEqual(resolveTarget('pglite:memory', {}, '/w'), { kind: 'pglite', dir: undefined, isDefault: false });
  assert.deepEqual(resolveTarget('pglite:data/db', {}, '/w'), { kind: 'pglite', dir: join('/w', 'data/db'), isDefault: false });
});

test('an unsupported URL is refused without showing its password', () => {
  assert.throws(() => resolveTarget('mysql://u:hunter2@h/db', {}, '/w'), (e: Error) => /unsupported/.test(e.message) && !e.message.includes('hunter2'));
});

test('passwords are redacted from URLs and from free text', () => {
  assert.equal(redactUrl('postgres://app:s3cret@db:5432/x?sslpassword=p'), 'postgres://app:***@db:5432/x?sslpassword=***');
  assert.equal(redactUrl('postgres://app@db/x'), 'postgres://app@db/x');
  assert.equal(redactSecrets('failed for postgres://a:b@c/d and more'), 'failed for postgres://a:***@c/d and more');
});

test('a refused connection is a clear error without the password', async () => {
  const url = 'postgres://someone:hunter2@127.0.0.1:1/nowhere';
  await assert.rejects(openPostgres({ url, connectTimeoutMs: 2000 }), (e: Error & { retriable?: boolean }) => {
    assert.match(e.message, /cannot connect to postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/);
    assert.ok(!e.message.includes('hunter2'));
    assert.equal(e.retriable, true);
    return true;
  });
});

test('a wrong password or unknown database is reported, never the password', { skip: POSTGRES_URL === undefined }, async () => {
  const url = new URL(POSTGRES_URL!);
  url.password = 'not-the-password';
  url.pathname = '/didsync_no_such_database';
  await assert.rejects(openPostgres({ url: url.toString() }), (e: Error) => {
    assert.match(e.message, /didsync_no_such_database/);
    assert.ok(!e.message.includes('not-the-password'));
    return true;
  });
});

/**
 * A server on loopback that asks for the password the way PostgreSQL does
 * (cleartext authentication request) and refuses it with the error a real
 * server sends. The machines' PostgreSQL trusts every local connection, so
 * it can never refuse a password; the client, the socket and the protocol
 * here are the real ones.
 */
async function refusingServer(): Promise<{ port: number; passwords: string[]; close(): Promise<void> }> {
  const passwords: string[] = [];
  const server = createServer((socket) => {
    let startup = true;
    let answered = false;
    let buffered = Buffer.alloc(0);
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => {
      if (answered) return;
      buffered = Buffer.concat([buffered, chunk]);
      if (startup) {
        if (buffered.length < 4 || buffered.length < buffered.readInt32BE(0)) return;
        buffered = buffered.subarray(buffered.readInt32BE(0));
        startup = false;
        socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3])); // AuthenticationCleartextPassword
        return;
      }
      if (buffered.length < 5 || buffered.length < 1 + buffered.readInt32BE(1)) return;
      passwords.push(buffered.subarray(5, buffered.readInt32BE(1)).toString('utf8').replace(/\0$/, ''));
      const fields = Buffer.from('SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user "app"\0\0');
      const head = Buffer.alloc(5);
      head.write('E');
      head.writeInt32BE(fields.length + 4, 1);
      answered = true;
      socket.end(Buffer.concat([head, fields]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, passwords, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

test('a refused password is one clear line naming the cause, never the password', async () => {
  const server = await refusingServer();
  try {
    const url = `postgres://app:hunter2-Secret@127.0.0.1:${server.port}/didtron`;
    await assert.rejects(openPostgres({ url, connectTimeoutMs: 5000 }), (e: Error & { retriable?: boolean; code?: string }) => {
      assert.equal(e.message, `cannot connect to postgres://app:***@127.0.0.1:${server.port}/didtron: password authentication failed for user "app" [SQLSTATE 28P01]`);
      assert.equal(e.code, '28P01');
      assert.equal(e.retriable, false, 'a wrong password does not get right by retrying');
      return true;
    });
    assert.deepEqual(server.passwords, ['hunter2-Secret'], 'the password did reach the server, so the refusal is about it');
  } finally {
    await server.close();
  }
});

test('an embedded data folder is claimed by one process at a time', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'didsync-lock-'));
  try {
    const db = await openPglite({ dataDir: dir });
    await assert.rejects(openPglite({ dataDir: dir }), /already open in this process/);
    await db.close();
    // a lock file left by a dead process does not block
    await writeFile(join(dir, 'didsync.lock'), '999999999');
    const again = await openPglite({ dataDir: dir });
    const { rows } = await again.query<{ one: number }>('SELECT 1 AS one');
    assert.equal(rows[0].one, 1);
    await again.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a socket error is said to be a lost connection, and is not shown as a SQLSTATE', async () => {
  const { databaseError } = await import('../../src/drivers/errors.js');
  const e = databaseError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }), 'database error');
  assert.equal(e.message, 'database error: the connection to the database was lost: write EPIPE');
  assert.equal(e.retriable, true);
  assert.match(databaseError(Object.assign(new Error('x'), { code: 'XX000' }), 'database error').message, /\[SQLSTATE XX000\]$/);
});
