// The CLI lets V8's heap grow freely while small and by a fifth once a
// collection leaves more than a threshold in use (src/cli/heap-growth.ts).
// What is tested here is the trigger: collections are watched, and the
// switch happens past the threshold and not below it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { growHeapSlowlyPast } from '../../src/cli/heap-growth.js';

/** Allocates short-lived objects until young-generation collections have run, yielding so observers hear of them. */
async function collect(rounds = 20): Promise<void> {
  let keep: unknown[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 200_000; i++) keep.push({ i, s: `x${i}` });
    keep = [];
    await sleep(5);
  }
}

test('past the threshold, the first collection switches the heap to slow growth', async () => {
  const watch = growHeapSlowlyPast(1);
  let switched = false;
  void watch.tightened.then(() => (switched = true));
  await collect();
  watch.stop();
  assert.equal(switched, true);
});

test('below the threshold, collections leave the heap growing as V8 likes', async () => {
  const watch = growHeapSlowlyPast(Number.MAX_SAFE_INTEGER);
  let switched = false;
  void watch.tightened.then(() => (switched = true));
  await collect();
  watch.stop();
  assert.equal(switched, false);
});
