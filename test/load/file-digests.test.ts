// File digests remembered by stat (src/load/file-digests.ts): a remembered
// digest stands only while the file's size, mtime, ctime and inode are
// unchanged, a file changed within the racy window is not remembered, and
// the cache file is only a cache (missing, corrupt or another root's: empty).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openFileDigests } from '../../src/load/file-digests.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const WHOLE_SECOND = 1_767_225_600; // 2026-01-01T00:00:00Z

const made: string[] = [];
after(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function folders(): Promise<{ root: string; cache: string }> {
  const base = await mkdtemp(join(tmpdir(), 'didsync-digests-'));
  made.push(base);
  return { root: base, cache: join(base, '.cache') };
}

/** Opens, asks for each file, saves: one run of a plan. */
function run(root: string, cache: string, files: string[], racyMs = 20) {
  const digests = openFileDigests(root, { dir: cache, racyMs });
  const answers = files.map((f) => digests.digest(join(root, f), f));
  digests.save();
  return answers;
}

test('a digest is remembered once the file is older than the racy window, and read again after any edit', async () => {
  const { root, cache } = await folders();
  await writeFile(join(root, 'a.csv'), 'prefix,rate\n44,0.10\n');
  await utimes(join(root, 'a.csv'), WHOLE_SECOND, WHOLE_SECOND);
  await sleep(50);
  const [first] = run(root, cache, ['a.csv']);
  assert.equal(first!.sha256, sha('prefix,rate\n44,0.10\n'));
  assert.ok(first!.bytes, 'nothing remembered yet: the file is read');
  const [second] = run(root, cache, ['a.csv']);
  assert.equal(second!.sha256, first!.sha256);
  assert.equal(second!.bytes, undefined, 'remembered: the file is not read');

  // Same size, same mtime put back: only the ctime tells, and it is enough.
  await writeFile(join(root, 'a.csv'), 'prefix,rate\n44,0.19\n');
  await utimes(join(root, 'a.csv'), WHOLE_SECOND, WHOLE_SECOND);
  const [third] = run(root, cache, ['a.csv']);
  assert.equal(third!.sha256, sha('prefix,rate\n44,0.19\n'));
  assert.ok(third!.bytes);
});

test('a file replaced by another of the same size and mtime (a new inode, as git checkout and editors write) is read again', async () => {
  const { root, cache } = await folders();
  await writeFile(join(root, 'a.yaml'), 'kind: A\n');
  await utimes(join(root, 'a.yaml'), WHOLE_SECOND, WHOLE_SECOND);
  await sleep(50);
  run(root, cache, ['a.yaml']);
  assert.equal(run(root, cache, ['a.yaml'])[0]!.bytes, undefined);
  await writeFile(join(root, 'b.tmp'), 'kind: B\n');
  await utimes(join(root, 'b.tmp'), WHOLE_SECOND, WHOLE_SECOND);
  await rename(join(root, 'b.tmp'), join(root, 'a.yaml'));
  assert.equal(run(root, cache, ['a.yaml'])[0]!.sha256, sha('kind: B\n'));
});

test('a file changed within the racy window is not remembered: the next run reads it again', async () => {
  const { root, cache } = await folders();
  await writeFile(join(root, 'a.yaml'), 'kind: A\n');
  run(root, cache, ['a.yaml'], 60_000);
  const [again] = run(root, cache, ['a.yaml'], 60_000);
  assert.ok(again!.bytes, 'fresh files are always read');
  assert.deepEqual(await readdir(cache).catch(() => []), [], 'nothing to remember, nothing written');
});

test('a corrupt cache, another root\'s cache or no cache folder is an empty cache, never an error', async () => {
  const { root, cache } = await folders();
  await writeFile(join(root, 'a.yaml'), 'kind: A\n');
  await sleep(50);
  run(root, cache, ['a.yaml']);
  const [file] = await readdir(cache);
  const path = join(cache, file!);
  const saved = JSON.parse(await readFile(path, 'utf8')) as { root: string; files: Record<string, string[]> };
  assert.equal(saved.files['a.yaml']![4], sha('kind: A\n'));

  // A wrong digest under another root's name is not taken.
  saved.files['a.yaml']![4] = sha('forged');
  await writeFile(path, JSON.stringify({ ...saved, root: '/elsewhere' }));
  assert.equal(run(root, cache, ['a.yaml'])[0]!.sha256, sha('kind: A\n'));
  await writeFile(path, '{"format": 1, "root": ');
  assert.equal(run(root, cache, ['a.yaml'])[0]!.sha256, sha('kind: A\n'));

  const none = openFileDigests(root, { dir: null, racyMs: 20 });
  assert.equal(none.digest(join(root, 'a.yaml'), 'a.yaml').sha256, sha('kind: A\n'));
  none.save();
});

test('files no longer asked about are dropped from the cache', async () => {
  const { root, cache } = await folders();
  await writeFile(join(root, 'a.yaml'), 'kind: A\n');
  await writeFile(join(root, 'b.yaml'), 'kind: B\n');
  await sleep(50);
  run(root, cache, ['a.yaml', 'b.yaml']);
  run(root, cache, ['a.yaml']);
  const [file] = await readdir(cache);
  const saved = JSON.parse(await readFile(join(cache, file!), 'utf8')) as { files: Record<string, unknown> };
  assert.deepEqual(Object.keys(saved.files), ['a.yaml']);
});
