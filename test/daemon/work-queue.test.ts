// The serial work queue: jobs never overlap, a burst of requests coalesces
// into one run, a request during a run gets exactly one run after it, and
// stop() lets the running job finish and drops the rest.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkQueue } from '../../src/daemon/work-queue.js';
import { Backoff } from '../../src/daemon/backoff.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => { open = r; });
  return { open, opened };
}

test('a burst of requests while a job runs becomes one more run, never an overlapping one', async () => {
  const runs: Array<string[]> = [];
  let active = 0;
  let maxActive = 0;
  const first = gate();
  const q = new WorkQueue<'sync'>(async (_job, reasons) => {
    active++;
    maxActive = Math.max(maxActive, active);
    runs.push([...reasons].sort());
    if (runs.length === 1) await first.opened;
    active--;
  }, (_j, e) => { throw e; });
  const waits = [q.request('sync', 'startup')];
  for (let i = 0; i < 20; i++) waits.push(q.request('sync', i % 2 ? 'webhook' : 'schedule'));
  assert.equal(q.active, 'sync');
  assert.deepEqual(q.waiting, ['sync']);
  first.open();
  await Promise.all(waits);
  assert.deepEqual(runs, [['startup'], ['schedule', 'webhook']]);
  assert.equal(maxActive, 1);
});

test('different jobs run one after the other in request order', async () => {
  const order: string[] = [];
  const q = new WorkQueue<'sync' | 'drift'>(async (job) => {
    order.push(`start ${job}`);
    await new Promise((r) => setTimeout(r, 10));
    order.push(`end ${job}`);
  }, () => undefined);
  await Promise.all([q.request('sync', 'a'), q.request('drift', 'b'), q.request('sync', 'c')]);
  assert.deepEqual(order, ['start sync', 'end sync', 'start drift', 'end drift', 'start sync', 'end sync']);
});

test('a failing job is reported and the queue goes on', async () => {
  const errors: unknown[] = [];
  let n = 0;
  const q = new WorkQueue<'sync'>(async () => {
    n++;
    if (n === 1) throw new Error('boom');
  }, (_j, e) => errors.push(e));
  await q.request('sync', 'a');
  await q.request('sync', 'b');
  assert.equal(n, 2);
  assert.equal(errors.length, 1);
});

test('stop waits for the running job, drops waiting ones and ignores new requests', async () => {
  const g = gate();
  let runs = 0;
  const q = new WorkQueue<'sync' | 'drift'>(async () => {
    runs++;
    await g.opened;
  }, () => undefined);
  void q.request('sync', 'a');
  const dropped = q.request('drift', 'b');
  let stopped = false;
  const stopping = q.stop().then(() => { stopped = true; });
  await dropped;
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(stopped, false, 'stop waits for the running job');
  g.open();
  await stopping;
  await q.request('sync', 'late');
  assert.equal(runs, 1);
});

test('backoff doubles up to its cap and starts again after a success', () => {
  const b = new Backoff({ initialMs: 100, maxMs: 1000 }, () => 0);
  assert.deepEqual([b.next(), b.next(), b.next(), b.next(), b.next(), b.next()], [100, 200, 400, 800, 1000, 1000]);
  b.reset();
  assert.equal(b.next(), 100);
  const jittered = new Backoff({ initialMs: 100, maxMs: 1000, jitter: 0.5 }, () => 1);
  assert.equal(jittered.next(), 150);
});
