// The process entry point: run the CLI and exit with its code. The only
// process.exit in didsync.
import { growHeapSlowlyPast } from './heap-growth.js';
import { main } from './main.js';

growHeapSlowlyPast();

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
