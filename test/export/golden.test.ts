// Golden files for `export --into`: each folder under cases/ holds a config
// (before/), the SQL someone ran in the database after it was applied
// (out-of-band.sql), and the expected result: every file of the config
// after the write-back (after/) and the command's output (expected.txt).
// An optional `args` file holds extra flags (`--all`). UPDATE_GOLDEN=1
// rewrites after/ and expected.txt; review the diff like code.
//
// Each case also checks the point of the write-back: afterwards the config
// validates, plan shows nothing to change (rows the config did not have are
// adopted, unchanged), and a second write-back finds nothing to write.

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { databaseTest } from '../support/databases.js';
import { applyConfig, desiredOf, planConfig } from '../support/config.js';
import { describeWriteBack, planWriteBack } from '../../src/export/write-back.js';
import { writeChanges } from '../../src/export/file-edits.js';
import type { Queryable } from '../../src/drivers/driver.js';

const CASES = fileURLToPath(new URL('./cases/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const names = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const roots: string[] = [];
after(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

for (const name of names) {
  databaseTest(`export --into golden: ${name}`, async (db) => {
    const dir = join(CASES, name);
    const root = await mkdtemp(join(tmpdir(), `didsync-golden-${name}-`));
    roots.push(root);
    await cp(join(dir, 'before'), root, { recursive: true });
    await applyConfig(db, root);
    await db.exec(readFileSync(join(dir, 'out-of-band.sql'), 'utf8'));
    const all = existsSync(join(dir, 'args')) && readFileSync(join(dir, 'args'), 'utf8').includes('--all');

    const output = await writeBack(db, root, all);
    const tree = await readTree(root);
    if (UPDATE) {
      await rm(join(dir, 'after'), { recursive: true, force: true });
      for (const [path, text] of tree) {
        await mkdir(dirname(join(dir, 'after', path)), { recursive: true });
        await writeFile(join(dir, 'after', path), text);
      }
      await writeFile(join(dir, 'expected.txt'), output);
    }
    assert.ok(existsSync(join(dir, 'after')), `${name}/after is missing: run UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/export/golden and review it`);
    assert.equal(output, readFileSync(join(dir, 'expected.txt'), 'utf8'), `${name}/expected.txt differs`);
    const expected = await readTree(join(dir, 'after'));
    assert.deepEqual([...tree.keys()], [...expected.keys()], `${name}: the files of the config`);
    for (const [path, text] of tree) assert.equal(text, expected.get(path), `${name}/after/${path} differs`);

    const plan = await planConfig(db, root);
    const changes = plan.changes.filter((c) => c.action !== 'adopt' || Object.keys(c.fields).length > 0
      || (c.rates !== undefined && c.rates.added + c.rates.changed + c.rates.removed > 0));
    assert.deepEqual(changes.map((c) => ({ action: c.action, key: c.key, fields: c.fields, rates: c.rates })), [], 'plan shows no changes after the write-back');
    assert.match(await writeBack(db, root, all), /already matches the database; nothing written\.\n$/);
  }, { init: true });
}

async function writeBack(db: Queryable, root: string, all: boolean): Promise<string> {
  const result = await planWriteBack(db, root, await desiredOf(root), { all });
  await writeChanges(root, result.files);
  return describeWriteBack(result, 'config');
}

async function readTree(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (dir: string): Promise<void> => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else out.set(relative(root, path).split('\\').join('/'), await readFile(path, 'utf8'));
    }
  };
  await walk(root);
  return out;
}
