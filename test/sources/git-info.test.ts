// commitInfo (src/sources/git-info.ts) against real repositories in temp
// folders: HEAD's commit, author and subject; dirty for edits under the
// config root only; nulls outside git or before the first commit, and never
// an error.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commitInfo } from '../../src/sources/git-info.js';

const NONE = { commit: null, author: null, subject: null, dirty: false };

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Ada Lovelace', '-c', 'user.email=ada@example.com', ...args], { cwd: dir, encoding: 'utf8' }).trim();
}

const made: string[] = [];
after(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'didsync-git-info-'));
  made.push(dir);
  return dir;
}

async function repository(carrier = 'Acme'): Promise<string> {
  const dir = await scratchDir();
  git(dir, 'init', '-q');
  await mkdir(join(dir, 'config'));
  await writeFile(join(dir, 'config', 'a.yaml'), `kind: Carrier\nname: ${carrier}\n`);
  await writeFile(join(dir, 'README'), 'outside the config root\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Add Acme\n\nWith a body that is not the subject.');
  return dir;
}

test('a clean checkout: the HEAD commit, author and subject line, not dirty', async () => {
  const dir = await repository();
  assert.deepEqual(await commitInfo(join(dir, 'config')), {
    commit: git(dir, 'rev-parse', 'HEAD'), author: 'Ada Lovelace <ada@example.com>', subject: 'Add Acme', dirty: false,
  });
});

test('dirty counts edits and new files under the config root, not elsewhere in the repository', async () => {
  const dir = await repository();
  await writeFile(join(dir, 'README'), 'edited\n');
  assert.equal((await commitInfo(join(dir, 'config'))).dirty, false);
  await writeFile(join(dir, 'config', 'new.yaml'), 'kind: Carrier\n');
  assert.equal((await commitInfo(join(dir, 'config'))).dirty, true);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'More');
  await writeFile(join(dir, 'config', 'a.yaml'), 'kind: Service\n');
  const info = await commitInfo(join(dir, 'config'));
  assert.equal(info.dirty, true);
  assert.equal(info.subject, 'More');
});

test('outside git, before the first commit, or a missing folder: nulls, never an error', async () => {
  const plain = await scratchDir();
  assert.deepEqual(await commitInfo(plain), NONE);
  git(plain, 'init', '-q');
  assert.deepEqual(await commitInfo(plain), NONE);
  assert.deepEqual(await commitInfo(join(plain, 'missing')), NONE);
});

test('GIT_DIR in the environment (as inside a git hook) does not point it at another repository', async () => {
  const dir = await repository();
  const other = await repository('Other');
  const head = git(dir, 'rev-parse', 'HEAD');
  assert.notEqual(git(other, 'rev-parse', 'HEAD'), head);
  const saved = process.env.GIT_DIR;
  process.env.GIT_DIR = join(other, '.git');
  try {
    assert.equal((await commitInfo(join(dir, 'config'))).commit, head);
  } finally {
    if (saved === undefined) delete process.env.GIT_DIR;
    else process.env.GIT_DIR = saved;
  }
});
