// Runs every test/**/*.test.ts file with node's test runner (Node 20 has no
// glob support for --test). Extra arguments are passed to node --test, and a
// leading path filter narrows the files: `npm test -- loader`.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildIfStale } from './build-if-stale.mjs';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'fixtures' || name.startsWith('.') ? [] : walk(p);
    return p.endsWith('.test.ts') ? [p] : [];
  });
}

const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('-'));
const flags = args.filter((a) => a.startsWith('-'));
const files = walk('test').filter((f) => filters.length === 0 || filters.some((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error('no test files match');
  process.exit(1);
}
buildIfStale('.');
// File digests the runs remember (src/load/file-digests.ts) go to a folder of this run's own, not the user's cache.
const cacheDir = process.env.DIDSYNC_CACHE_DIR ?? mkdtempSync(join(tmpdir(), 'didsync-test-cache-'));
const env = { ...process.env, DIDSYNC_CACHE_DIR: cacheDir };
// Files run side by side; most of a file's time is spent waiting on child processes, the database and timers.
const concurrency = process.env.DIDSYNC_TEST_CONCURRENCY ?? '2';
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, ...flags, ...files], { stdio: 'inherit', env });
if (process.env.DIDSYNC_CACHE_DIR === undefined) rmSync(cacheDir, { recursive: true, force: true });
process.exit(r.status ?? 1);
