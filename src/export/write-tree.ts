// Writes exported documents as a config repository in the documented layout
// (the same as examples/):
//
//   categories.yaml                   CustomerCategory and CustomerGroup documents
//   carriers/<slug>.yaml              a Carrier, its Interconnects and its Services
//   rating-plans/<slug>.yaml          a RatingPlan, with ratesFile pointing at
//   rating-plans/rates/<slug>.csv     its rates
//   schemas/*.schema.json             the JSON Schemas the YAML files name for
//                                     editors (`# yaml-language-server:`)
//
// Deterministic: the same objects give the same bytes (sorted objects,
// fields in schema order, fixed YAML options).

import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { KINDS, kindSpec, type KindName } from '../model/kinds.js';
import { schemaPath } from '../model/schemas.js';
import type { ConfigDocument } from './documents.js';
import type { RateRows } from '../reconcile/state.js';
import { renderDocument } from './yaml-render.js';
import { ratesCsv } from './rates-csv.js';

/** Where the exported tree keeps the schemas, relative to its root. */
export const SCHEMAS_DIR = 'schemas';

export interface ExportFile {
  path: string;
  text: string;
}

export function layoutFiles(docs: ConfigDocument[], rates: Map<string, RateRows>): ExportFile[] {
  const files = new Map<string, ConfigDocument[]>();
  const add = (path: string, doc: ConfigDocument) => files.set(path, [...(files.get(path) ?? []), doc]);
  const slugs = new SlugBook();
  const out: ExportFile[] = [];
  for (const doc of docs) {
    switch (doc.kind) {
      case 'CustomerCategory':
      case 'CustomerGroup':
        add('categories.yaml', doc);
        break;
      case 'Carrier':
        add(`carriers/${slugs.carrier(String(doc.code))}.yaml`, doc);
        break;
      case 'Interconnect':
      case 'Service':
        add(`carriers/${slugs.carrier(String(doc.carrier))}.yaml`, doc);
        break;
      case 'RatingPlan': {
        const slug = slugs.plan(String(doc.name));
        const deck = rates.get(String(doc.name));
        const withFile: ConfigDocument = { ...doc, ratesFile: `rates/${slug}.csv` };
        add(`rating-plans/${slug}.yaml`, withFile);
        out.push({ path: `rating-plans/rates/${slug}.csv`, text: ratesCsv(deck) });
        break;
      }
      default:
        break;
    }
  }
  for (const [path, list] of files) out.push({ path, text: yamlText(path, list) });
  for (const spec of KINDS) out.push({ path: `${SCHEMAS_DIR}/${spec.schema}`, text: readFileSync(schemaPath(spec.kind), 'utf8') });
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

export async function writeTree(dir: string, files: ExportFile[]): Promise<void> {
  for (const f of files) {
    const target = join(dir, f.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, f.text);
  }
}

function yamlText(path: string, docs: ConfigDocument[]): string {
  return `${schemaLine(path, docs[0].kind)}\n${docs.map(renderDocument).join('---\n')}`;
}

/** The editor hint naming the schema of a file's first kind, relative to the file. */
export function schemaLine(path: string, kind: KindName): string {
  const target = posix.relative(posix.dirname(path), `${SCHEMAS_DIR}/${kindSpec(kind).schema}`);
  return `# yaml-language-server: $schema=${target}`;
}

/** One slug per carrier code and plan name, unique within the export. */
class SlugBook {
  private readonly carriers = new Map<string, string>();
  private readonly plans = new Map<string, string>();
  private readonly taken = new Set<string>();
  carrier(code: string): string {
    return this.slug(this.carriers, 'c:', code);
  }
  plan(name: string): string {
    return this.slug(this.plans, 'p:', name);
  }
  private slug(book: Map<string, string>, ns: string, name: string): string {
    const known = book.get(name);
    if (known) return known;
    const slug = uniqueSlug(name, (s) => this.taken.has(ns + s));
    this.taken.add(ns + slug);
    book.set(name, slug);
    return slug;
  }
}

/** A file name for a code or name: lower case ASCII letters, digits and dashes. */
export function slugify(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'unnamed';
}

/** slugify(name), or with -2, -3, ... appended while `taken` says the slug is in use. */
export function uniqueSlug(name: string, taken: (slug: string) => boolean): string {
  const base = slugify(name);
  let slug = base;
  for (let n = 2; taken(slug); n++) slug = `${base}-${n}`;
  return slug;
}
