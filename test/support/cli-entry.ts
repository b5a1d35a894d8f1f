// How the tests start didsync as a process: as users run it, the installed
// entry point over the compiled sources (bin/didsync.js over dist/), which
// the test runner builds first whenever src/ is newer (scripts/build-if-stale.mjs).
// DIDSYNC_TEST_CLI names another entry point; one ending in .ts (the
// sources, src/cli/bin.ts) runs through tsx, at about a second of CPU more
// per process.

import { join, resolve } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../..');

const ENTRY = resolve(REPO_ROOT, process.env.DIDSYNC_TEST_CLI ?? 'bin/didsync.js');

/** node's arguments that run didsync, before didsync's own; `imports` are preloaded (--import) after tsx, if any. */
export function cliArgs(...imports: string[]): string[] {
  const tsx = ENTRY.endsWith('.ts') ? ['--import', import.meta.resolve('tsx')] : [];
  return [...tsx, ...imports.flatMap((m) => ['--import', m]), ENTRY];
}
