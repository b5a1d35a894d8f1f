// The sha256 of config files remembered by their stat, as git's index
// remembers blob ids: a plan with nothing changed then stats each file
// instead of reading and hashing every byte of the config (47 MB for a
// million rates). It is a cache and only a cache: each config root has one
// file under the user's cache folder, a missing, unreadable or foreign one
// is an empty cache, and a write that fails is dropped.
//
// A remembered digest is used only while size, mtime, ctime and inode are
// all unchanged. ctime cannot be set back by a user (touch and utimes set it
// to now), so an edit that keeps size and mtime is still seen. A file
// changed within the racy window before it was read (RACY_MS, wider than
// the coarsest file system's timestamp step) is not remembered, so an edit
// in the same timestamp step as the read cannot hide behind an equal stat.
// Where the digest matters for rows, the deck stub checks it again against
// the bytes it parses (known-decks.ts).

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, type BigIntStats } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const FORMAT = 1;
/** A file changed less than this long before it was read is not remembered. */
export const RACY_MS = 3000;
/** Cache files kept in the folder: one per config root, the least recently written dropped first. */
const MAX_ROOTS = 64;

export interface FileDigest {
  sha256: string;
  /** The bytes, when the file was read for this answer. */
  bytes?: Buffer;
}

export interface FileDigests {
  /** The file's bytes and their sha256 (always read). Throws what reading throws. */
  read(path: string, key: string): Required<FileDigest>;
  /** The file's sha256: remembered when its stat is unchanged, else read. Throws what reading throws. */
  digest(path: string, key: string): FileDigest;
  /** Writes what this run learned; keeps only the files asked about since opening. */
  save(): void;
}

type Entry = [size: string, mtimeNs: string, ctimeNs: string, ino: string, sha256: string];

export interface FileDigestOptions {
  /** The cache folder; null: remember nothing. Default: $DIDSYNC_CACHE_DIR, else the user's cache folder. */
  dir?: string | null;
  /** Test seam: the racy window in milliseconds. */
  racyMs?: number;
}

/** The cache folder: $DIDSYNC_CACHE_DIR (empty: none), else $XDG_CACHE_HOME/didsync, else ~/.cache/didsync. */
export function defaultCacheDir(): string | null {
  const own = process.env.DIDSYNC_CACHE_DIR;
  if (own !== undefined) return own === '' ? null : own;
  const xdg = process.env.XDG_CACHE_HOME;
  if (xdg) return join(xdg, 'didsync');
  const home = homedir();
  return home ? join(home, '.cache', 'didsync') : null;
}

/** `realRoot` is the config root's realpath: it names the cache file. */
export function openFileDigests(realRoot: string, opts: FileDigestOptions = {}): FileDigests {
  const dir = opts.dir === undefined ? defaultCacheDir() : opts.dir;
  const racyNs = BigInt(opts.racyMs ?? RACY_MS) * 1_000_000n;
  const file = dir ? join(dir, `files-${createHash('sha256').update(realRoot).digest('hex').slice(0, 24)}.json`) : undefined;
  const known = file ? readCache(file, realRoot) : new Map<string, Entry>();
  const kept = new Map<string, Entry>();
  let learned = false;

  const read = (path: string, key: string): Required<FileDigest> => {
    const before = statSync(path, { bigint: true });
    const now = BigInt(Date.now()) * 1_000_000n;
    const bytes = readFileSync(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const old = known.get(key);
    if (before.mtimeNs < now - racyNs && before.ctimeNs < now - racyNs) {
      const entry = entryOf(before, sha256);
      if (!old || old.some((v, i) => v !== entry[i])) learned = true;
      kept.set(key, entry);
    } else if (old) {
      // Too fresh to remember; the old entry can stay, its stat no longer matches.
      kept.set(key, old);
    }
    return { bytes, sha256 };
  };

  return {
    read,
    digest(path, key) {
      const entry = known.get(key);
      if (entry) {
        const now = statSync(path, { bigint: true });
        if (sameFile(entry, now)) {
          kept.set(key, entry);
          return { sha256: entry[4] };
        }
      }
      return read(path, key);
    },
    save() {
      if (!file || (!learned && kept.size === known.size)) return;
      writeCache(dir!, file, realRoot, kept);
    },
  };
}

function entryOf(s: BigIntStats, sha256: string): Entry {
  return [String(s.size), String(s.mtimeNs), String(s.ctimeNs), String(s.ino), sha256];
}

function sameFile(e: Entry, s: BigIntStats): boolean {
  return e[0] === String(s.size) && e[1] === String(s.mtimeNs) && e[2] === String(s.ctimeNs) && e[3] === String(s.ino);
}

function readCache(file: string, realRoot: string): Map<string, Entry> {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; root?: unknown; files?: unknown };
    if (data.format !== FORMAT || data.root !== realRoot || typeof data.files !== 'object' || data.files === null) return new Map();
    const out = new Map<string, Entry>();
    for (const [key, entry] of Object.entries(data.files as Record<string, unknown>)) {
      if (Array.isArray(entry) && entry.length === 5 && entry.every((v) => typeof v === 'string')) out.set(key, entry as Entry);
    }
    return out;
  } catch {
    return new Map();
  }
}

function writeCache(dir: string, file: string, realRoot: string, entries: Map<string, Entry>): void {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify({ format: FORMAT, root: realRoot, files: Object.fromEntries(entries) }));
    renameSync(temp, file);
    dropOldest(dir);
  } catch {
    // A cache that cannot be written is a cache that is empty next time.
  }
}

function dropOldest(dir: string): void {
  const caches = readdirSync(dir).filter((n) => n.startsWith('files-') && n.endsWith('.json'));
  if (caches.length <= MAX_ROOTS) return;
  const byAge = caches.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, caches.length - MAX_ROOTS)) unlinkSync(join(dir, n));
}
