// The process entry point: run the CLI and exit with its code. The only
// process.exit in didsync.
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';

// V8 lets its heap grow to about twice what was live at the last full
// collection before the next: loading a million rates, that was 400 MB of
// heap for 200 MB live. Growing by a fifth keeps the peak under 512 MB at
// the cost of a few more collections (no measurable time). Read by V8 at
// each collection, so setting it here, before any work, takes effect.
setFlagsFromString('--heap-growing-percent=20');

main(process.argv.slice(2)).then(
  (code) => exitWhenFlushed(code),
  (e: unknown) => {
    process.stderr.write(`didsync: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    exitWhenFlushed(1);
  },
);

/**
 * process.exit drops output still queued for a pipe (`didsync plan --format
 * json | jq` would get the first 64 KiB): exit once stdout and stderr have
 * flushed, or failed (a reader that went away).
 */
function exitWhenFlushed(code: number): void {
  let pending = 2;
  const done = (): void => {
    if (--pending === 0) process.exit(code);
  };
  for (const stream of [process.stdout, process.stderr]) {
    let called = false;
    const once = (): void => {
      if (!called) {
        called = true;
        done();
      }
    };
    stream.once('error', once);
    stream.write('', once);
  }
}
