// Tests start didsync's processes as users do, from the compiled sources
// (test/support/cli-entry.ts): compile src/ into dist/ first whenever a
// source is newer than the build, so a stale build is never what is tested.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function newest(dir) {
  return Math.max(0, ...readdirSync(dir).map((name) => {
    const s = statSync(join(dir, name));
    return s.isDirectory() ? newest(join(dir, name)) : s.mtimeMs;
  }));
}

/** Compiles when needed, from the repository root `root`; exits the process when the compiler fails. */
export function buildIfStale(root) {
  if (process.env.DIDSYNC_TEST_CLI !== undefined) return;
  let builtAt = 0;
  try {
    builtAt = statSync(join(root, 'dist', 'cli', 'bin.js')).mtimeMs;
  } catch {
    // not built yet
  }
  if (newest(join(root, 'src')) <= builtAt) return;
  console.error('compiling src/ into dist/ for the tests that start didsync as a process');
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
