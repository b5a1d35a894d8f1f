// Where the database is (CONTRACT §3) and what errors say about it.

import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
