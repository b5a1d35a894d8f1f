// How far V8 lets its heap grow past what was live at the last full
// collection. By default about twice: loading a million rates, that was
// 400 MB of heap for 200 MB live, and the first apply peaked at 588 MB.
// Growing by a fifth keeps it under 512 MB, but costs a full collection at
// every fifth more while a heap is being filled: 0.8 s more CPU (about a
// fifth) on an apply that reads a million rates, and most of those
// collections find little to free. So the heap grows freely while small
// and by a fifth once it is large; V8 reads the flag at each collection.

import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** Past this much live heap, the heap grows by a fifth (see above). */
export const LARGE_HEAP_BYTES = 128 * 1024 * 1024;

/**
 * Watch the collections and, at the first that leaves more than `threshold`
 * bytes in use, make the heap grow by a fifth from then on. Resolves then
 * (never, if the heap stays smaller); `stop()` stops watching.
 */
export function growHeapSlowlyPast(threshold = LARGE_HEAP_BYTES): { tightened: Promise<void>; stop(): void } {
  let stop = (): void => undefined;
  const tightened = new Promise<void>((resolve) => {
    const observer = new PerformanceObserver(() => {
      if (getHeapStatistics().used_heap_size <= threshold) return;
      setFlagsFromString('--heap-growing-percent=20');
      observer.disconnect();
      resolve();
    });
    observer.observe({ entryTypes: ['gc'] });
    stop = () => observer.disconnect();
  });
  return { tightened, stop };
}
