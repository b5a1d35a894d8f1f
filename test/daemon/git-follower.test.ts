// The git follower on real repositories: clones into its work folder,
// follows new commits and force-pushes exactly, serves a sub-folder, and
// reports an unreachable remote as a fault without its password.

import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { GitFollower } from '../../src/daemon/git-follower.js';
import { FaultError, UserError } from '../../src/report/errors.js';
import { makeOrigin } from './git-support.js';

const made: string[] = [];
after(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function workdir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'didsync-workdir-'));
  made.push(dir);
  return join(dir, 'repo');
}

test('follows the branch: new commits, then a force-push replacing its history', async (t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  const first = await origin.commit({ 'a.yaml': 'one\n', 'b.yaml': 'b\n' }, 'first');
  const dir = await workdir();
  const follower = new GitFollower({ repo: origin.bare, branch: 'main', path: '', workdir: dir });
  const c1 = await follower.update();
  assert.equal(c1.commit, first);
  assert.equal(c1.author, 'Dana Ops <dana@example.test>');
  assert.equal(c1.subject, 'first');
  assert.equal(c1.root, dir);
  assert.equal(await readFile(join(dir, 'a.yaml'), 'utf8'), 'one\n');

  const second = await origin.commit({ 'a.yaml': 'two\n' }, 'second');
  await origin.commit({ 'a.yaml': 'elsewhere\n' }, 'on another branch', 'feature');
  // A stray file in the checkout does not survive an update.
  await writeFile(join(dir, 'stray.yaml'), 'x');
  const c2 = await follower.update();
  assert.equal(c2.commit, second);
  assert.equal(await readFile(join(dir, 'a.yaml'), 'utf8'), 'two\n');
  assert.ok(!(await readdir(dir)).includes('stray.yaml'));

  const rewritten = await origin.forcePush({ 'c.yaml': 'three\n' }, 'rewritten');
  const c3 = await follower.update();
  assert.equal(c3.commit, rewritten);
  assert.deepEqual((await readdir(dir)).filter((f) => !f.startsWith('.')).sort(), ['c.yaml']);

  // A new follower (a restart) opens the existing work folder.
  const again = await new GitFollower({ repo: origin.bare, branch: 'main', path: '', workdir: dir }).update();
  assert.equal(again.commit, rewritten);
});

test('--path serves a folder inside the repository, and a missing one is the user\'s error', async (t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  await origin.commit({ 'config/a.yaml': 'x\n', 'README.md': 'hi\n' }, 'init');
  const dir = await workdir();
  const c = await new GitFollower({ repo: origin.bare, branch: 'main', path: 'config', workdir: dir }).update();
  assert.equal(c.root, join(dir, 'config'));
  await assert.rejects(new GitFollower({ repo: origin.bare, branch: 'main', path: 'nope', workdir: dir }).update(), UserError);
});

test('a missing branch or an unreachable remote is a fault, and a URL password never shows', async (t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  await origin.commit({ 'a.yaml': 'x\n' }, 'init');
  await assert.rejects(new GitFollower({ repo: origin.bare, branch: 'nope', path: '', workdir: await workdir() }).update(), FaultError);
  const err = await new GitFollower({ repo: 'https://deploy:sup3rs3cret@127.0.0.1:1/org/config.git', branch: 'main', path: '', workdir: await workdir(), timeoutMs: 10_000 })
    .update().then(() => null, (e: unknown) => e as Error);
  assert.ok(err instanceof FaultError, String(err));
  assert.doesNotMatch(err.message, /sup3rs3cret/);
  assert.match(err.message, /deploy:\*\*\*@127\.0\.0\.1/);
});

test('a work folder that holds something else is refused, not overwritten', async (t) => {
  const origin = await makeOrigin();
  t.after(() => origin.dispose());
  await origin.commit({ 'a.yaml': 'x\n' }, 'init');
  const dir = await workdir();
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'precious.txt'), 'keep me');
  await assert.rejects(new GitFollower({ repo: origin.bare, branch: 'main', path: '', workdir: dir }).update(), /not empty and not a git repository/);
  assert.equal(await readFile(join(dir, 'precious.txt'), 'utf8'), 'keep me');
  await rm(dir, { recursive: true });
});
