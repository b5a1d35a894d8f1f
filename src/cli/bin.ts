// The process entry point: run the CLI and exit with its code. The only
// process.exit in didsync.
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`didsync: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
