// didsync installs the way the CI recipes and the container image install
// it: a tarball made by `npm pack` from this tree, installed globally into
// an empty prefix, must run `didsync validate` on the examples. This is what
// catches a file the package leaves out (the built code, the schemas, the
// shipped defaults, the data folder a new embedded database starts from). The recipes must install that tarball, never a bare
// package name from the public registry.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openPglite } from '../../src/drivers/pglite.js';
import { readTemplate } from '../../src/drivers/pglite-template.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'didsync-install-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });

test('npm pack of this tree installs into an empty prefix, validates the examples and makes an embedded database', { timeout: 240_000 }, async () => {
  // The tree as git sees it (tracked and new files), not the build output lying around.
  const tree = join(scratch, 'tree');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(tree, f)), { recursive: true });
    try {
      cpSync(join(REPO, f), join(tree, f));
    } catch {
      // a file deleted in the working tree but still tracked
    }
  }
  symlinkSync(join(REPO, 'node_modules'), join(tree, 'node_modules'));
  const pack = npm(['pack', '--pack-destination', scratch], tree);
  assert.equal(pack.status, 0, pack.stderr);
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  assert.ok(tarball, 'npm pack made a tarball');
  const listing = execFileSync('tar', ['-tzf', join(scratch, tarball)], { encoding: 'utf8' });
  for (const needed of ['package/bin/didsync.js', 'package/dist/cli/bin.js', 'package/schemas/carrier.schema.json', 'package/config/defaults.yaml', 'package/dist/validate/deck-worker.js',
    'package/assets/pglite-initdb.tar.gz', 'package/assets/pglite-initdb.json']) {
    assert.ok(listing.includes(needed), `the package holds ${needed}`);
  }
  assert.ok(!/package\/(test|src|bench)\//.test(listing), 'no tests, sources or benchmark in the package');

  const prefix = join(scratch, 'prefix');
  const install = npm(['install', '--global', '--prefix', prefix, '--prefer-offline', join(scratch, tarball)], scratch);
  assert.equal(install.status, 0, install.stderr);
  const run = spawnSync(join(prefix, 'bin', 'didsync'), ['validate', '-C', join(REPO, 'examples')], { encoding: 'utf8', cwd: scratch });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^config is valid: \d+ objects, \d+ rates\n$/);

  // A deck large enough to be checked in a worker thread: the package must hold the worker's
  // module, and the worker's finding (a repeated rate on the last line) must reach the output.
  const big = join(scratch, 'big');
  mkdirSync(join(big, 'rates'), { recursive: true });
  writeFileSync(join(big, 'plan.yaml'), 'kind: RatingPlan\nname: World\ncurrency: USD\nratesFile: rates/world.csv\n');
  const rows = Array.from({ length: 40_000 }, (_, i) => `${1_000_000 + i},Destination ${i % 50},0.0125`);
  writeFileSync(join(big, 'rates', 'world.csv'), ['prefix,destination,rate', ...rows, rows[0], ''].join('\n'));
  const checked = spawnSync(join(prefix, 'bin', 'didsync'), ['validate', '-C', big], { encoding: 'utf8', cwd: scratch });
  assert.equal(checked.status, 1, checked.stderr);
  assert.match(checked.stdout, /rates\/world\.csv:40002:1: error\[duplicate\]: a rate for prefix 1000000 without effectiveDate is also defined at line 2/);

  // The installed package makes a new embedded database from the data folder it ships (pglite-template.ts),
  // which keeps the folder's system identifier: initdb would have drawn a new one.
  const dataDir = join(scratch, 'embedded');
  const init = spawnSync(join(prefix, 'bin', 'didsync'), ['db', 'init', '--db', `pglite:${dataDir}`], { encoding: 'utf8', cwd: scratch });
  assert.equal(init.status, 0, init.stderr);
  const ids = await Promise.all([openPglite({ dataDir }), openPglite({ loadDataDir: (await readTemplate(REPO))! })].map(async (opening) => {
    const db = await opening;
    try {
      return (await db.query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()')).rows[0].id;
    } finally {
      await db.close();
    }
  }));
  assert.equal(ids[0], ids[1]);
});

test('the CI recipes install the package tarball, never a bare name from the public registry', () => {
  for (const recipe of ['examples/ci/github/didsync.yml', 'examples/ci/gitlab/.gitlab-ci.yml']) {
    const text = readFileSync(join(REPO, recipe), 'utf8');
    const installs = text.split('\n').filter((l) => /npm (install|i) /.test(l));
    assert.ok(installs.length > 0, `${recipe} installs didsync`);
    for (const line of installs) assert.match(line, /npm install --global "\$DIDSYNC_PACKAGE"/, `${recipe}: ${line.trim()}`);
    assert.match(text, /DIDSYNC_PACKAGE: "https:\/\/[^"]+\.tgz"/);
  }
});
