// Makes the data folder a new embedded database starts from
// (src/drivers/pglite-template.ts): runs the installed PGlite's initdb, in
// memory, and writes the folder as assets/pglite-initdb.tar.gz with the
// PGlite version and the file's sha256 in assets/pglite-initdb.json. Run it
// after upgrading PGlite (test/drivers/pglite-template.test.ts fails until then).
//
//   npm run pglite-template

import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { installedPgliteVersion, TEMPLATE_FILE, TEMPLATE_META, type TemplateMeta } from '../src/drivers/pglite-template.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const db = await PGlite.create();
const bytes = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
await db.close();
const meta: TemplateMeta = { pglite: await installedPgliteVersion(), sha256: createHash('sha256').update(bytes).digest('hex') };
await mkdir(join(root, 'assets'), { recursive: true });
await writeFile(join(root, TEMPLATE_FILE), bytes);
await writeFile(join(root, TEMPLATE_META), `${JSON.stringify(meta, null, 2)}\n`);
process.stdout.write(`${TEMPLATE_FILE}: ${bytes.length} bytes, PGlite ${meta.pglite}\n`);
