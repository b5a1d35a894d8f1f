// Both drivers against real engines: the value shapes driver.ts promises,
// transactions, bulk COPY with awkward CSV, advisory locks with a timeout.

import assert from 'node:assert/strict';
import { databaseTest } from '../support/databases.js';
import { APPLY_LOCK_KEY } from '../../src/reconcile/engine.js';

databaseTest('values come back in one normalised shape', async (db) => {
  const { rows } = await db.query(
    `SELECT 1.5::numeric(12,6) AS n, '2026-03-01'::date AS d, 9007199254740993::int8 AS big, 7::int4 AS i,
            true AS b, '{"b":1,"a":[1,2]}'::jsonb AS j, 'x'::text AS t, NULL::numeric AS z,
            '2026-03-01 10:00:00+02'::timestamptz AS ts`,
  );
  const r = rows[0];
  assert.equal(r.n, '1.500000');
  assert.equal(r.d, '2026-03-01');
  assert.equal(r.big, '9007199254740993');
  assert.equal(r.i, 7);
  assert.equal(r.b, true);
  assert.deepEqual(r.j, { a: [1, 2], b: 1 });
  assert.equal(r.t, 'x');
  assert.equal(r.z, null);
  assert.match(String(r.ts), /^2026-03-01 08:00:00\+00/);
});

databaseTest('queryArrays returns rows in column order', async (db) => {
  const rows = await db.queryArrays('SELECT a, a * 2 FROM generate_series(1, 3) a WHERE a > $1', [1]);
  assert.deepEqual(rows, [[2, 4], [3, 6]]);
});

databaseTest('a transaction commits when it resolves and rolls back when it throws', async (db) => {
  await db.exec('CREATE TABLE t (v text PRIMARY KEY)');
  await db.transaction(async (tx) => {
    await tx.query('INSERT INTO t VALUES ($1)', ['kept']);
  });
  await assert.rejects(db.transaction(async (tx) => {
    await tx.query('INSERT INTO t VALUES ($1)', ['gone']);
    throw new Error('boom');
  }), /boom/);
  await assert.rejects(db.transaction(async (tx) => {
    await tx.query('INSERT INTO t VALUES ($1)', ['also gone']);
    await tx.query('INSERT INTO t VALUES ($1)', ['kept']);
  }), (e: Error & { code?: string }) => e.code === '23505' && /duplicate key/.test(e.message));
  const { rows } = await db.query<{ v: string }>('SELECT v FROM t ORDER BY v');
  assert.deepEqual(rows.map((r) => r.v), ['kept']);
});

databaseTest('a transaction whose failed statement was caught inside it rejects, and nothing of it is kept', async (db) => {
  await db.exec('CREATE TABLE t (v text PRIMARY KEY)');
  await db.query('INSERT INTO t VALUES ($1)', ['kept']);
  // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK, not an
  // error: a driver that took that for a commit would report a write it lost.
  await assert.rejects(db.transaction(async (tx) => {
    await tx.query('INSERT INTO t VALUES ($1)', ['lost']);
    await tx.query('INSERT INTO t VALUES ($1)', ['kept']).catch(() => undefined);
    return 'done';
  }), /rolled back/);
  const { rows } = await db.query<{ v: string }>('SELECT v FROM t ORDER BY v');
  assert.deepEqual(rows.map((r) => r.v), ['kept']);
  await db.transaction((tx) => tx.query('INSERT INTO t VALUES ($1)', ['next']));
  assert.equal((await db.query('SELECT count(*)::int AS n FROM t')).rows[0].n, 2, 'the driver is usable after it');
});

databaseTest('copyFrom loads CSV chunks with quotes, commas, newlines and NULLs', async (db) => {
  await db.exec('CREATE SCHEMA s; CREATE TABLE s.r (p text PRIMARY KEY, d text, rate numeric(12,6), day date)');
  function* chunks(): Generator<string> {
    yield 'a,"Quote "" and, comma",0.1,2026-01-01\n';
    yield 'b,"two\nlines",0.000001,\n';
    let big = '';
    for (let i = 0; i < 20_000; i++) big += `n${i},dest ${i},${(i % 97) / 100},\n`;
    yield big;
  }
  const loaded = await db.copyFrom('s.r', ['p', 'd', 'rate', 'day'], chunks());
  assert.equal(loaded, 20_002);
  const { rows } = await db.query('SELECT p, d, rate, day FROM s.r WHERE p IN ($1, $2) ORDER BY p', ['a', 'b']);
  assert.deepEqual(rows, [
    { p: 'a', d: 'Quote " and, comma', rate: '0.100000', day: '2026-01-01' },
    { p: 'b', d: 'two\nlines', rate: '0.000001', day: null },
  ]);
});

databaseTest('copyFrom inside a transaction is rolled back with it', async (db) => {
  await db.exec('CREATE TABLE r (p text PRIMARY KEY)');
  await assert.rejects(db.transaction(async (tx) => {
    await tx.copyFrom('r', ['p'], ['1\n2\n']);
    throw new Error('abort');
  }));
  const { rows } = await db.query('SELECT count(*)::int AS n FROM r');
  assert.equal(rows[0].n, 0);
});

databaseTest('the advisory lock times out instead of waiting forever', async (db, target) => {
  assert.equal(await db.lock(APPLY_LOCK_KEY, 1000), true);
  if (target.kind === 'postgres') {
    const other = await target.connect();
    const started = Date.now();
    assert.equal(await other.lock(APPLY_LOCK_KEY, 300), false);
    assert.ok(Date.now() - started < 5000);
    await db.unlock(APPLY_LOCK_KEY);
    assert.equal(await other.lock(APPLY_LOCK_KEY, 1000), true);
    // the lock_timeout used for waiting must not linger on the session
    const { rows } = await other.query<{ lock_timeout: string }>('SHOW lock_timeout');
    assert.equal(rows[0].lock_timeout, '0');
  } else {
    assert.equal(await db.lock(APPLY_LOCK_KEY, 200), false);
    const waiting = db.lock(APPLY_LOCK_KEY, 5000);
    await db.unlock(APPLY_LOCK_KEY);
    assert.equal(await waiting, true);
  }
});

databaseTest('the embedded database starts with a small buffer pool and keeps PGlite\'s own settings', async (db) => {
  const show = async (name: string) => (await db.query<Record<string, string>>(`SHOW ${name}`)).rows[0][name];
  assert.equal(await show('shared_buffers'), '16MB', 'PGlite\'s 128MB cost 120 MB more from the start');
  assert.equal(await show('search_path'), 'public');
  assert.equal(await show('max_worker_processes'), '0');
  assert.equal(await show('exit_on_error'), 'off');
}, { only: 'pglite' });
