// `export`: the database's managed objects (or, with `all`, every row of
// the managed tables) as a config repository. Objects a managed one refers
// to are exported too, so the tree always validates.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { APPLY_ORDER, kindSpec, type KindName } from '../model/kinds.js';
import type { Queryable } from '../drivers/driver.js';
import { readLive } from '../reconcile/live.js';
import { objectId, stateFields, type LiveObject } from '../reconcile/state.js';
import { toDocument } from './documents.js';
import { layoutFiles, type ExportFile } from './write-tree.js';
import type { Value } from '../reconcile/values.js';

export interface ExportResult {
  files: ExportFile[];
  objects: number;
  /** Objects left out because their identity is ambiguous in the database. */
  skipped: Array<{ kind: KindName; key: string; reason: string }>;
}

export async function exportDatabase(db: Queryable, opts: { all: boolean }): Promise<ExportResult> {
  const { live } = await readLive(db, { rates: 'all' });
  const skipped: ExportResult['skipped'] = [];
  const chosen = new Map<string, LiveObject>();
  for (const [id, list] of live.objects) {
    if (list.length > 1) {
      skipped.push({ kind: list[0].kind, key: list[0].key, reason: `${list.length} rows share this identity` });
      continue;
    }
    if (opts.all || list[0].managed) chosen.set(id, list[0]);
  }
  addReferenced(chosen, live.objects);
  const rank = new Map(APPLY_ORDER.map((k, i) => [k, i]));
  const ordered = [...chosen.values()].sort((a, b) => (rank.get(a.kind)! - rank.get(b.kind)!) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const docs = ordered.map(toDocument);
  return { files: layoutFiles(docs, live.rates), objects: docs.length, skipped };
}

/** Add, transitively, every object a chosen object references. */
function addReferenced(chosen: Map<string, LiveObject>, all: Map<string, LiveObject[]>): void {
  const queue = [...chosen.values()];
  while (queue.length > 0) {
    const obj = queue.pop()!;
    for (const id of referencedIds(obj)) {
      const target = all.get(id);
      if (target && target.length === 1 && !chosen.has(id)) {
        chosen.set(id, target[0]);
        queue.push(target[0]);
      }
    }
  }
}

/** Ids (objectId) of the objects a live object names: its references and the codes in its nested parts. */
export function referencedIds(obj: LiveObject): string[] {
  const spec = kindSpec(obj.kind);
  const ids: string[] = [];
  for (const r of spec.references) {
    const v = obj.fields[r.field];
    if (typeof v !== 'string' || r.target === 'Currency') continue;
    ids.push(objectId(r.target, r.target === 'Interconnect' ? `${String(obj.fields.carrier)}/${v}` : v));
  }
  for (const f of stateFields(obj.kind)) {
    if (f.part !== 'nested') continue;
    const value = obj.fields[f.name];
    const elements = (Array.isArray(value) ? value : value ? [value] : []) as Array<Record<string, Value>>;
    for (const info of f.fields) {
      if (!info.ref) continue;
      for (const e of elements) for (const code of (e[info.name] as string[] | null) ?? []) ids.push(objectId(info.ref, code));
    }
  }
  return ids;
}

/** Whether a folder already holds YAML files (outside dot-folders and node_modules). */
export async function holdsConfig(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    if (e.isDirectory() ? await holdsConfig(join(dir, e.name)) : /\.ya?ml$/i.test(e.name)) return true;
  }
  return false;
}
