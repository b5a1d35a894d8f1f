// The didsync the benchmark measures: the compiled command users run
// (bin/didsync.js over dist/, what `npm install` builds), not the sources
// through tsx, whose start-up (about a second) every step would pay. The
// run builds it once before the first step, so it measures the sources as
// they are.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The command, relative to the repository root (steps run there). */
export const CLI = 'bin/didsync.js';

/** Compiles src/ into dist/ with the project's own tsconfig; throws with the compiler's output on failure. */
export function buildCli(repoRoot: string): void {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench: building didsync failed:\n${r.stdout}${r.stderr}`);
}
