// A new embedded database starts from the data folder PGlite's initdb makes,
// shipped with didsync (assets/pglite-initdb.tar.gz, made by
// `npm run pglite-template`), instead of running initdb: initdb runs a
// second WebAssembly instance and was measured at 3.1 s and a 916 MB peak,
// loading the folder at 1.3 s and 431 MB. The folder is used only with the
// PGlite release that made it (assets/pglite-initdb.json), which is why
// package.json pins PGlite to one release, and only when its bytes are those
// recorded; otherwise, or when it does not load, initdb runs as before
// (pglite.ts). Every database made from it shares its system identifier,
// which matters only to physical replication, which PGlite has not.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../model/schema-files.js';

export const TEMPLATE_FILE = join('assets', 'pglite-initdb.tar.gz');
export const TEMPLATE_META = join('assets', 'pglite-initdb.json');

/** What assets/pglite-initdb.json records of the folder. */
export interface TemplateMeta {
  /** The PGlite release whose initdb made it. */
  pglite: string;
  /** sha256 of the .tar.gz, hex. */
  sha256: string;
}

/** The installed PGlite's version (its package.json is not among its exports: read from beside its entry). */
export async function installedPgliteVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pkg = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

let shipped: Promise<Blob | undefined> | undefined;

/** The shipped folder, when it fits the installed PGlite and is intact; undefined otherwise (read once per process). */
export function shippedTemplate(): Promise<Blob | undefined> {
  shipped ??= readTemplate(packageRoot()).catch(() => undefined);
  return shipped;
}

export async function readTemplate(root: string): Promise<Blob | undefined> {
  const meta = JSON.parse(await readFile(join(root, TEMPLATE_META), 'utf8')) as TemplateMeta;
  if (meta.pglite !== await installedPgliteVersion()) return undefined;
  const bytes = await readFile(join(root, TEMPLATE_FILE));
  if (createHash('sha256').update(bytes).digest('hex') !== meta.sha256) return undefined;
  return new Blob([bytes]);
}
