// Where `export --into` puts objects that exist only in the database: next
// to their kin when the config has them (a carrier's interconnects and
// services in the carrier's file, categories with the categories, a plan in
// the folder most plans live in), else where `export --out` would (see
// write-tree.ts). New files get the schema hint when the config root keeps
// the schemas.

import { posix } from 'node:path';
import type { ConfigObject } from '../load/types.js';
import { kindSpec, type KindName } from '../model/kinds.js';
import type { LiveObject } from '../reconcile/state.js';
import type { FileBook } from './file-edits.js';
import { schemaLine, SCHEMAS_DIR, uniqueSlug } from './write-tree.js';

export interface Target {
  path: string;
  /** A YAML file of the config (append to it) rather than a new one. */
  existing: boolean;
}

export class Placement {
  private readonly carrierFiles = new Map<string, Target>();

  constructor(private readonly book: FileBook, private readonly config: readonly ConfigObject[]) {
    for (const o of config) if (o.kind === 'Carrier') this.carrierFiles.set(o.key, { path: o.file, existing: true });
  }

  fileFor(obj: LiveObject): Target {
    switch (obj.kind) {
      case 'CustomerCategory':
      case 'CustomerGroup': {
        const path = this.busiestFile(['CustomerCategory', 'CustomerGroup']) ?? 'categories.yaml';
        return { path, existing: this.config.some((o) => o.file === path) };
      }
      case 'Interconnect':
      case 'Service':
        return this.carrierFile(String(obj.fields.carrier));
      case 'Carrier':
        return this.carrierFile(obj.key);
      default: {
        const dir = this.busiestFolder('RatingPlan') ?? 'rating-plans';
        return { path: this.freshPath(dir, obj.key, '.yaml'), existing: false };
      }
    }
  }

  /** The text of a new YAML file holding `docs` (rendered documents). */
  newFileText(path: string, kind: KindName, docs: readonly string[]): string {
    const hint = this.book.exists(`${SCHEMAS_DIR}/${kindSpec(kind).schema}`) ? `${schemaLine(path, kind)}\n` : '';
    return hint + docs.join('---\n');
  }

  private carrierFile(code: string): Target {
    let target = this.carrierFiles.get(code);
    if (!target) {
      const dir = this.busiestFolder('Carrier') ?? 'carriers';
      target = { path: this.freshPath(dir, code, '.yaml'), existing: false };
      this.carrierFiles.set(code, target);
    }
    return target;
  }

  private freshPath(dir: string, name: string, ext: string): string {
    const slug = uniqueSlug(name, (s) => this.book.exists(posix.join(dir, s + ext)));
    return posix.join(dir, slug + ext);
  }

  /** The file declaring most objects of the kinds (first by name on a tie). */
  private busiestFile(kinds: readonly KindName[]): string | undefined {
    return busiest(this.config.filter((o) => kinds.includes(o.kind)).map((o) => o.file));
  }

  private busiestFolder(kind: KindName): string | undefined {
    return busiest(this.config.filter((o) => o.kind === kind).map((o) => posix.dirname(o.file)));
  }
}

/** A CSV path for a new deck of plan `name`, in `rates/` beside the YAML file. */
export function newDeckPath(book: FileBook, yamlPath: string, name: string): string {
  const dir = posix.join(posix.dirname(yamlPath), 'rates');
  return posix.join(dir, `${uniqueSlug(name, (s) => book.exists(posix.join(dir, `${s}.csv`)))}.csv`);
}

function busiest(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}
