// Reads a config tree the plain way (the `yaml` package, no didsync code), so
// the tests of the examples and the generator check files independently of
// the loader under test elsewhere.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';

export interface ConfigDoc {
  file: string;
  kind: string;
  data: Record<string, unknown>;
}

/**
 * Files below `root` with one of the extensions, skipping dot-folders like
 * the loader, and the folders the root's .didsyncignore names as `name/`
 * (the only pattern form the example trees use).
 */
export function listFiles(root: string, pattern: RegExp): string[] {
  const ignored = ignoredFolders(root);
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('.') || e.name === 'node_modules' || ignored.has(e.name) ? [] : walk(path);
    return pattern.test(e.name) ? [relative(root, path).split('\\').join('/')] : [];
  });
  return walk(root).sort();
}

function ignoredFolders(root: string): Set<string> {
  const path = join(root, '.didsyncignore');
  if (!existsSync(path)) return new Set();
  return new Set(readFileSync(path, 'utf8').split('\n').map((l) => l.trim()).filter((l) => /^[^#!*/][^*/]*\/$/.test(l)).map((l) => l.slice(0, -1)));
}

/** Every document of every YAML file; throws on a YAML error, naming the file. */
export function readDocs(root: string): ConfigDoc[] {
  return listFiles(root, /\.ya?ml$/).flatMap((file) => parseAllDocuments(readFileSync(join(root, file), 'utf8')).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
    const data = doc.toJS() as Record<string, unknown>;
    return { file, kind: String(data.kind), data };
  }));
}

export function byKind(docs: readonly ConfigDoc[], kind: string): Record<string, unknown>[] {
  return docs.filter((d) => d.kind === kind).map((d) => d.data);
}

export interface CsvRow { prefix: string; effectiveDate: string; endDate: string; cells: string[] }

/** Rows of a rates CSV (no quoted commas in generated decks), keyed by header names. */
export function readRates(path: string): { header: string; rows: CsvRow[] } {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const header = lines[0];
  const names = header.split(',');
  const at = (name: string) => names.indexOf(name);
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    return { prefix: cells[at('prefix')], effectiveDate: cells[at('effectiveDate')] ?? '', endDate: cells[at('endDate')] ?? '', cells };
  });
  return { header, rows };
}
