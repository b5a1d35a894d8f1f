// A new embedded database starts from the data folder shipped with didsync
// (src/drivers/pglite-template.ts) and must be the database initdb makes;
// the folder is used only where it fits, never over a database, and a
// folder that does not load leaves initdb to make the database.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openPglite } from '../../src/drivers/pglite.js';
import { installedPgliteVersion, readTemplate, shippedTemplate, TEMPLATE_FILE, TEMPLATE_META } from '../../src/drivers/pglite-template.js';
import type { Driver } from '../../src/drivers/driver.js';
import { packageRoot } from '../../src/model/schema-files.js';

let scratch: string;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'didsync-pglite-template-'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('the shipped data folder fits the installed PGlite (run `npm run pglite-template` after upgrading it)', async () => {
  assert.ok(await readTemplate(packageRoot()), `${TEMPLATE_META} names another PGlite than ${await installedPgliteVersion()}, or ${TEMPLATE_FILE} is not the file it records`);
  assert.ok(await shippedTemplate());
});

/** What initdb decides and a database made from the folder must share. */
async function cluster(db: Driver): Promise<unknown> {
  const one = async (sql: string) => (await db.query(sql)).rows;
  return {
    version: await one('SELECT version()'),
    control: await one('SELECT pg_control_version, catalog_version_no FROM pg_control_system()'),
    databases: await one('SELECT datname, pg_encoding_to_char(encoding) AS encoding, datcollate, datctype, datistemplate, datallowconn FROM pg_database ORDER BY datname'),
    roles: await one('SELECT rolname, rolsuper FROM pg_roles ORDER BY rolname'),
    settings: await one("SELECT name, setting FROM pg_settings WHERE source NOT IN ('default', 'session', 'client', 'override') ORDER BY name"),
    catalog: await one('SELECT (SELECT count(*) FROM pg_proc) AS procs, (SELECT count(*) FROM pg_class) AS relations, (SELECT count(*) FROM pg_collation) AS collations'),
  };
}

async function systemIdentifier(db: Driver): Promise<string> {
  return String((await db.query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()')).rows[0].id);
}

/** The system identifier of the shipped folder, read from a database loaded from it explicitly. */
async function templateSystemIdentifier(): Promise<string> {
  const db = await openPglite({ loadDataDir: (await shippedTemplate())! });
  try {
    return await systemIdentifier(db);
  } finally {
    await db.close();
  }
}

test('a database made from the shipped folder is the database initdb makes', async () => {
  const fromInitdb = await openPglite({ template: null });
  const fromFolder = await openPglite();
  try {
    assert.deepEqual(await cluster(fromFolder), await cluster(fromInitdb));
    // The folder, not initdb, made it: initdb draws a new system identifier, the folder keeps its own.
    assert.equal(await systemIdentifier(fromFolder), await templateSystemIdentifier());
    assert.notEqual(await systemIdentifier(fromInitdb), await templateSystemIdentifier());
  } finally {
    await fromInitdb.close();
    await fromFolder.close();
  }
});

test('a folder that holds a database is opened as it is, never started again from a template', async () => {
  const dir = join(scratch, 'existing');
  const db = await openPglite({ dataDir: dir });
  await db.query('CREATE TABLE kept (n int)');
  await db.query('INSERT INTO kept VALUES (42)');
  await db.close();
  const empty = await openPglite({ template: null });
  const other = await empty.dump();
  await empty.close();
  const again = await openPglite({ dataDir: dir, template: other });
  try {
    assert.deepEqual((await again.query('SELECT n FROM kept')).rows, [{ n: 42 }]);
  } finally {
    await again.close();
  }
});

/** The shipped folder with its PG_VERSION saying 99: it unpacks, and then PostgreSQL refuses it. */
function templateOfAnotherMajor(): Blob {
  const tar = gunzipSync(readFileSync(join(packageRoot(), TEMPLATE_FILE)));
  let found = false;
  for (let at = 0; at + 512 <= tar.length; at += 512) {
    if (tar.subarray(at, at + 100).toString('latin1').replace(/\0.*$/s, '') !== '/PG_VERSION') continue;
    tar.write('99', at + 512, 'latin1');
    found = true;
  }
  assert.ok(found, 'the folder has a top-level PG_VERSION');
  return new Blob([gzipSync(tar)]);
}

for (const [what, template] of [
  ['is no dumped folder', () => new Blob([Buffer.from('not a dumped data folder')])],
  ['unpacks but is refused', templateOfAnotherMajor],
] as const) {
  test(`a template that ${what} leaves initdb to make the database, in a folder emptied of the attempt`, async () => {
    const dir = join(scratch, what.replaceAll(' ', '-'));
    const db = await openPglite({ dataDir: dir, template: template() });
    try {
      assert.deepEqual((await db.query('SELECT 1 AS one')).rows, [{ one: 1 }]);
      await db.query('CREATE TABLE t (n int)');
    } finally {
      await db.close();
    }
    assert.equal(readFileSync(join(dir, 'PG_VERSION'), 'utf8').trim(), (await openPgliteVersion()));
    const reopened = await openPglite({ dataDir: dir });
    try {
      assert.deepEqual((await reopened.query('SELECT count(*)::int AS n FROM t')).rows, [{ n: 0 }]);
    } finally {
      await reopened.close();
    }
  });
}

/** The major version of the PostgreSQL PGlite runs. */
async function openPgliteVersion(): Promise<string> {
  const db = await openPglite();
  try {
    return String((await db.query<{ v: string }>("SELECT current_setting('server_version_num')::int / 10000 AS v")).rows[0].v);
  } finally {
    await db.close();
  }
}

test('the folder is refused for another PGlite release, or with other bytes than recorded', async () => {
  const root = join(scratch, 'package');
  await mkdir(join(root, 'assets'), { recursive: true });
  await cp(join(packageRoot(), TEMPLATE_FILE), join(root, TEMPLATE_FILE));
  await cp(join(packageRoot(), TEMPLATE_META), join(root, TEMPLATE_META));
  assert.ok(await readTemplate(root), 'the copy is accepted as it is');
  const meta = JSON.parse(await readFile(join(root, TEMPLATE_META), 'utf8')) as { pglite: string; sha256: string };
  await writeFile(join(root, TEMPLATE_META), JSON.stringify({ ...meta, pglite: '0.0.1' }));
  assert.equal(await readTemplate(root), undefined);
  await writeFile(join(root, TEMPLATE_META), JSON.stringify({ ...meta, sha256: '0'.repeat(64) }));
  assert.equal(await readTemplate(root), undefined);
  assert.deepEqual((await readdir(join(root, 'assets'))).sort(), ['pglite-initdb.json', 'pglite-initdb.tar.gz']);
});
