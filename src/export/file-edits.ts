// The files a write-back touches, read once and changed in memory: YAML
// files edited in place (through YamlEditor), documents removed or appended,
// CSV decks replaced, new files created. Nothing is written until the
// caller asks; `changes()` lists every file with what happened to it.

import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isMap, isScalar, parseAllDocuments, type Document } from 'yaml';
import { identityKey, isKindName, kindSpec, type KindName } from '../model/kinds.js';
import { YamlEditor } from './yaml-edit.js';

export type FileAction = 'updated' | 'created' | 'deleted';

export interface FileChange {
  /** Relative to the config root, forward slashes. */
  path: string;
  action: FileAction;
  /** The new content; null for a deleted file. */
  text: string | null;
  /** What changed in it, one line per object. */
  notes: string[];
}

export interface YamlFile {
  path: string;
  editor: YamlEditor;
  docs: Document.Parsed[];
  removed: Set<number>;
  appended: string[];
  notes: string[];
}

export class FileBook {
  private readonly yaml = new Map<string, YamlFile>();
  private readonly texts = new Map<string, { before: string | null; after: string | null; notes: string[] }>();

  constructor(readonly root: string) {}

  /** A config YAML file, parsed once. */
  async yamlFile(path: string): Promise<YamlFile> {
    let file = this.yaml.get(path);
    if (!file) {
      const src = await readFile(join(this.root, path), 'utf8');
      file = { path, editor: new YamlEditor(src), docs: parseAllDocuments(src), removed: new Set(), appended: [], notes: [] };
      this.yaml.set(path, file);
    }
    return file;
  }

  /** The index of the document declaring kind + key in a file. */
  documentIndex(file: YamlFile, kind: KindName, key: string): number {
    return file.docs.findIndex((doc) => {
      const map = doc.contents;
      if (!isMap(map)) return false;
      const text = (name: string) => {
        const node = map.get(name, true);
        return isScalar(node) && node.value !== null ? String(node.value) : undefined;
      };
      const docKind = text('kind');
      if (!isKindName(docKind) || docKind !== kind) return false;
      const spec = kindSpec(kind);
      return identityKey(spec, Object.fromEntries(spec.identity.map((f) => [f, text(f)]))) === key;
    });
  }

  /** Remove a whole document (from its start, or its `---`, to the next document). */
  removeDocument(file: YamlFile, index: number): void {
    const src = file.editor.src;
    const start = file.docs[index].range[0];
    const end = index + 1 < file.docs.length ? file.docs[index + 1].range[0] : src.length;
    file.editor.edits.add(start, end, '');
    file.removed.add(index);
  }

  /** Whether a file exists now or will after the write-back. */
  exists(path: string): boolean {
    const planned = this.texts.get(path);
    if (planned) return planned.after !== null;
    return this.yaml.has(path) || existsSync(join(this.root, path));
  }

  /** A file's text as the write-back has left it so far (CSV decks). */
  async currentText(path: string): Promise<string> {
    const planned = this.texts.get(path);
    if (planned?.after != null) return planned.after;
    return readFile(join(this.root, path), 'utf8');
  }

  /** Replace a file's whole text (a CSV deck), or create it. */
  async setText(path: string, text: string, note?: string): Promise<void> {
    const known = this.texts.get(path);
    const before = known ? known.before : await readFile(join(this.root, path), 'utf8').catch(() => null);
    const entry = known ?? { before, after: null, notes: [] };
    entry.after = text;
    if (note) entry.notes.push(note);
    this.texts.set(path, entry);
  }

  async deleteFile(path: string, note?: string): Promise<void> {
    const known = this.texts.get(path);
    const before = known ? known.before : await readFile(join(this.root, path), 'utf8').catch(() => null);
    if (before === null) {
      this.texts.delete(path);
      return;
    }
    this.texts.set(path, { before, after: null, notes: [...(known?.notes ?? []), ...(note ? [note] : [])] });
  }

  /** Every file that changes, sorted by path. */
  changes(): FileChange[] {
    const out: FileChange[] = [];
    for (const file of this.yaml.values()) {
      const src = file.editor.src;
      let text = file.editor.edits.render();
      if (file.appended.length > 0) {
        const hasDocs = file.removed.size < file.docs.length;
        const body = file.appended.join('---\n');
        const sep = text === '' || text.endsWith('\n') ? '' : '\n';
        text = `${text}${sep}${hasDocs ? '---\n' : ''}${body}`;
      }
      if (file.removed.size === file.docs.length && file.appended.length === 0 && file.docs.length > 0) {
        out.push({ path: file.path, action: 'deleted', text: null, notes: file.notes });
      } else if (text !== src) {
        out.push({ path: file.path, action: 'updated', text, notes: file.notes });
      }
    }
    for (const [path, t] of this.texts) {
      if (t.after === t.before) continue;
      const action: FileAction = t.after === null ? 'deleted' : t.before === null ? 'created' : 'updated';
      out.push({ path, action, text: t.after, notes: t.notes });
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

/** Write the changes into the config root. */
export async function writeChanges(root: string, changes: readonly FileChange[]): Promise<void> {
  for (const c of changes) {
    const target = join(root, ...c.path.split('/'));
    if (c.text === null) {
      await rm(target, { force: true });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, c.text);
  }
}
