// `export --into DIR`: writes what the database holds back into an existing
// config repository, so that committing the edited files makes git match
// the database (CONTRACT §5: uncommitted changes are exported back).
//
//  - An object of the config whose row differs (drift, edits in the DIDTron
//    UI) has only its differing nodes edited (yaml-edit.ts); a rating plan's
//    CSV deck is edited row by row (csv-edit.ts).
//  - An object didsync applied whose row is gone loses its document.
//  - Rows only in the database are appended: interconnects and services of a
//    carrier in the config, and whatever a written object refers to; with
//    `all`, every other row too. They go next to their kin (a carrier's
//    file, the folder most plans live in) or into new files laid out like
//    `export --out`.
//
// Pairing follows the diff: the row didsync applied an object to, else the
// row with the same identity. Reads the database, never writes it; computes
// the file changes without writing them (see file-edits.ts).

import { posix } from 'node:path';
import { isSeq } from 'yaml';
import type { Queryable } from '../drivers/driver.js';
import type { ConfigObject, DesiredState } from '../load/types.js';
import { ratesFileKey } from '../load/paths.js';
import { APPLY_ORDER, type KindName } from '../model/kinds.js';
import { rateFields } from '../model/schemas.js';
import { desiredModel } from '../reconcile/desired.js';
import { readLive } from '../reconcile/live.js';
import { deltaIsEmpty, diffRates } from '../reconcile/rates-diff.js';
import { EMPTY_RATES, objectId, stateFields, type AppliedState, type LiveObject, type LiveState, type RateRows } from '../reconcile/state.js';
import { valuesEqual, type Value } from '../reconcile/values.js';
import { editDeck } from './csv-edit.js';
import { documentFields, propertyRank, toDocument } from './documents.js';
import { referencedIds } from './export.js';
import { FileBook, type FileChange, type YamlFile } from './file-edits.js';
import { newDeckPath, Placement } from './placement.js';
import { ratesCsv } from './rates-csv.js';
import { documentMap, editFields, pairOf, type EditField } from './yaml-edit.js';
import { renderDocument } from './yaml-render.js';

export interface WriteBackOptions {
  /** Also append every database row the config lacks (not only those related to it). */
  all: boolean;
}

export interface WriteBack {
  files: FileChange[];
  /** Objects left alone, and why. */
  skipped: string[];
}

const RATES_FIELD: EditField = { name: 'rates', part: 'many', fields: rateFields(), key: ['prefix', 'effectiveDate'], ordered: false };

export async function planWriteBack(db: Queryable, root: string, desired: DesiredState, opts: WriteBackOptions): Promise<WriteBack> {
  const { live, applied } = await readLive(db, { rates: 'all' });
  const book = new FileBook(root);
  const skipped: string[] = [];
  const objects = desired.objects.filter((o) => o.kind !== 'Settings');
  const byRow = new Map<string, LiveObject>();
  for (const list of live.objects.values()) for (const o of list) byRow.set(rowKey(o), o);
  const claimed = new Set<string>();
  const written: LiveObject[] = [];

  for (const obj of objects) {
    const match = pairLive(obj, live, applied, byRow);
    if ('conflict' in match) {
      skipped.push(`${obj.kind} ${obj.key}: ${match.conflict}`);
    } else if (match.live) {
      claimed.add(rowKey(match.live));
      written.push(match.live);
      await writeObject(book, obj, match.live, live, desired, skipped);
    } else if (applied.objects.has(objectId(obj.kind, obj.key))) {
      await removeObject(book, obj, objects);
    } else {
      skipped.push(`${obj.kind} ${obj.key} is not in the database (not applied yet); left as is`);
    }
  }
  await appendExtra(book, chooseExtra(live, claimed, written, opts.all), new Placement(book, objects), live);
  return { files: book.changes(), skipped };
}

type Match = { live: LiveObject | null } | { conflict: string };

/** The row an object describes: the one didsync applied it to, else the one with its identity. */
function pairLive(obj: ConfigObject, live: LiveState, applied: AppliedState, byRow: Map<string, LiveObject>): Match {
  const id = objectId(obj.kind, obj.key);
  const record = applied.objects.get(id);
  const row = record && byRow.get(`${obj.kind}\u0000${record.rowId}`);
  if (row) return { live: row };
  const candidates = live.objects.get(id) ?? [];
  if (candidates.length > 1) return { conflict: `the database holds ${candidates.length} rows with this identity; left as is` };
  return { live: candidates[0] ?? null };
}

/** Rows only in the database, as new documents: appended to a file of the config, or in new files. */
async function appendExtra(book: FileBook, extra: readonly LiveObject[], placement: Placement, live: LiveState): Promise<void> {
  const newFiles = new Map<string, { kind: KindName; docs: string[] }>();
  const ordered = [...extra].sort((a, b) => rankOf(a.kind) - rankOf(b.kind) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const obj of ordered) {
    const doc: Record<string, unknown> = toDocument(obj);
    const target = placement.fileFor(obj);
    if (obj.kind === 'RatingPlan') {
      const csv = newDeckPath(book, target.path, obj.key);
      doc.ratesFile = posix.relative(posix.dirname(target.path), csv);
      await book.setText(csv, ratesCsv(live.rates.get(obj.key)), `${obj.kind} ${obj.key}: ${live.rates.get(obj.key)?.prefix.length ?? 0} rate(s)`);
    }
    const note = `+ ${obj.kind} ${obj.key} (only in the database)`;
    if (target.existing) {
      const file = await book.yamlFile(target.path);
      file.appended.push(renderDocument(doc));
      file.notes.push(note);
    } else {
      const entry = newFiles.get(target.path) ?? { kind: obj.kind, docs: [] };
      entry.docs.push(renderDocument(doc));
      newFiles.set(target.path, entry);
      await book.setText(target.path, placement.newFileText(target.path, entry.kind, entry.docs), note);
    }
  }
}

function rowKey(o: LiveObject): string {
  return `${o.kind}\u0000${o.rowId}`;
}

function rankOf(kind: KindName): number {
  return APPLY_ORDER.indexOf(kind);
}

/** Edit one object's document (and its deck) to hold the live values. */
async function writeObject(book: FileBook, obj: ConfigObject, row: LiveObject, live: LiveState, desired: DesiredState, skipped: string[]): Promise<void> {
  const want = desiredModel({ objects: [obj], settings: desired.settings });
  const current = want.objects.get(objectId(obj.kind, obj.key))!;
  const fieldsDiffer = stateFields(obj.kind).some((f) => !valuesEqual(current.fields[f.name] ?? null, row.fields[f.name] ?? null));
  const liveRates = obj.kind === 'RatingPlan' ? live.rates.get(row.key) ?? EMPTY_RATES() : undefined;
  const ratesDiffer = liveRates !== undefined && !deltaIsEmpty(diffRates(want.rates.get(obj.key) ?? EMPTY_RATES(), liveRates));
  if (!fieldsDiffer && !ratesDiffer) return;

  const file = await book.yamlFile(obj.file);
  const index = book.documentIndex(file, obj.kind, obj.key);
  const map = index < 0 ? undefined : documentMap(file.docs[index]);
  if (!map) {
    skipped.push(`${obj.kind} ${obj.key}: cannot find its document in ${obj.file}; left as is`);
    return;
  }
  const rank = propertyRank(obj.kind);
  const changed = fieldsDiffer ? file.editor.editMap(map, editFields(documentFields(obj.kind)), row.fields, rank) : [];
  const note = (parts: string[]) => {
    if (parts.length > 0) file.notes.push(`${obj.kind} ${obj.key}: ${parts.join(', ')}`);
  };
  if (!ratesDiffer || !liveRates) return note(changed);

  const data = obj.data as { ratesFile?: unknown };
  if (typeof data.ratesFile === 'string') {
    note(changed);
    const csv = ratesFileKey(obj.file, data.ratesFile);
    if (!csv) return;
    const users = desired.objects.filter((o) => o.kind === 'RatingPlan' && typeof o.data.ratesFile === 'string' && ratesFileKey(o.file, o.data.ratesFile) === csv);
    if (users.length > 1) {
      skipped.push(`${obj.kind} ${obj.key}: its rates differ, but ${csv} is shared by ${users.length} plans; edit it by hand`);
      return;
    }
    const edit = editDeck(await book.currentText(csv), liveRates);
    if (edit) await book.setText(csv, edit.text, `${obj.kind} ${obj.key}: rates ${rateCounts(edit)}`);
    return;
  }
  const pair = pairOf(map, 'rates');
  if (pair && isSeq(pair.value)) {
    const delta = diffRates(want.rates.get(obj.key) ?? EMPTY_RATES(), liveRates);
    // A plan needs `rates` or `ratesFile`: with no rates left the list stays, empty.
    if (liveRates.prefix.length === 0) file.editor.replaceValue(map, pair, [], RATES_FIELD);
    else file.editor.editList(pair.value, RATES_FIELD as Extract<EditField, { part: 'many' }>, rateElements(liveRates));
    return note([...changed, `rates ${rateCounts({ changed: delta.changed.desired.length, added: delta.removed.length, removed: delta.added.length })}`]);
  }
  // No rates in the config yet: a deck beside the YAML, as export lays it out.
  const csv = newDeckPath(book, obj.file, obj.key);
  await book.setText(csv, ratesCsv(liveRates), `${obj.kind} ${obj.key}: ${liveRates.prefix.length} rate(s)`);
  file.editor.insertPair(map, 'ratesFile', posix.relative(posix.dirname(obj.file), csv), { name: 'ratesFile', part: 'scalar' }, rank);
  note([...changed, 'ratesFile']);
}

function rateCounts(c: { added: number; changed: number; removed: number }): string {
  return [c.changed && `${c.changed} changed`, c.added && `${c.added} added`, c.removed && `${c.removed} removed`].filter(Boolean).join(', ');
}

function rateElements(rows: RateRows): Value[] {
  return rows.prefix.map((prefix, i) => ({
    prefix, destination: rows.destination[i], rate: rows.rate[i], connectionFee: rows.connectionFee[i],
    initialInterval: rows.initialInterval[i], recurringInterval: rows.recurringInterval[i],
    effectiveDate: rows.effectiveDate[i], endDate: rows.endDate[i],
  }));
}

/** A managed object whose row was deleted in the database: its document goes (and its deck, if no one else uses it). */
async function removeObject(book: FileBook, obj: ConfigObject, objects: readonly ConfigObject[]): Promise<void> {
  const file: YamlFile = await book.yamlFile(obj.file);
  const index = book.documentIndex(file, obj.kind, obj.key);
  if (index < 0) return;
  book.removeDocument(file, index);
  file.notes.push(`- ${obj.kind} ${obj.key} (deleted in the database)`);
  const ratesFile = (obj.data as { ratesFile?: unknown }).ratesFile;
  if (obj.kind !== 'RatingPlan' || typeof ratesFile !== 'string') return;
  const csv = ratesFileKey(obj.file, ratesFile);
  const shared = objects.some((o) => o !== obj && o.kind === 'RatingPlan' && typeof o.data.ratesFile === 'string' && ratesFileKey(o.file, o.data.ratesFile) === csv);
  if (csv && !shared) await book.deleteFile(csv, `- ${obj.kind} ${obj.key} (deleted in the database)`);
}

/**
 * Database rows to append: with `all` every unclaimed row; otherwise rows
 * didsync does not manage that belong to a carrier of the config
 * (interconnects, services). Either way, whatever a written row refers to.
 * Rows sharing an identity are left out (the plan reports them).
 */
function chooseExtra(live: LiveState, claimed: Set<string>, written: readonly LiveObject[], all: boolean): LiveObject[] {
  const carriers = new Set(written.filter((o) => o.kind === 'Carrier').map((o) => o.key));
  const chosen = new Map<string, LiveObject>();
  for (const list of live.objects.values()) {
    if (list.length !== 1 || claimed.has(rowKey(list[0]))) continue;
    const o = list[0];
    const child = (o.kind === 'Interconnect' || o.kind === 'Service') && !o.managed && carriers.has(String(o.fields.carrier));
    if (all || child) chosen.set(rowKey(o), o);
  }
  const queue = [...written, ...chosen.values()];
  while (queue.length > 0) {
    for (const id of referencedIds(queue.pop()!)) {
      const list = live.objects.get(id);
      if (!list || list.length !== 1 || claimed.has(rowKey(list[0])) || chosen.has(rowKey(list[0]))) continue;
      chosen.set(rowKey(list[0]), list[0]);
      queue.push(list[0]);
    }
  }
  return [...chosen.values()];
}

/** What `export --into` prints: each file with what changed in it, then a summary line. */
export function describeWriteBack(result: WriteBack, into: string): string {
  const lines: string[] = [];
  for (const f of result.files) {
    lines.push(`${f.action} ${f.path}`);
    for (const note of f.notes) lines.push(`  ${note}`);
  }
  for (const s of result.skipped) lines.push(`note: ${s}`);
  lines.push(result.files.length === 0
    ? `${into} already matches the database; nothing written.`
    : `${result.files.length} file(s) changed in ${into}; review them (git diff) and commit.`);
  return `${lines.join('\n')}\n`;
}
