// The loader stage: config root -> SourceDocuments with positions, plus the
// rate decks their `ratesFile`s name. It collects every problem and never
// throws on user input; only a missing or unreadable root is a UserError
// (there is nothing to report problems against). It must never validate
// fields or resolve references: that is src/validate's work on this output.
//
// With known decks (plan and apply against a database), every CSV deck is
// hashed, and one whose bytes are known is not parsed but carried as a
// DeckStub (known-decks.ts). `validate` passes none and hands every deck to
// a DeckChecker, which reads and checks it (in a worker thread, once the
// decks are large) and gives back only its row count and problems; the YAML
// files naming decks are then parsed first, so the decks are checked while
// the rest of the YAML is parsed.
//
// Decks a caller keeps are parsed one after another on the main thread.
// Measured on two cores with two decks of a million rates: 2.7 s in
// sequence, 3.4 s in two worker threads (each parse slows to 1.7 s as the
// workers' garbage collection competes for the cores, and the decks must be
// copied back).

import { readFileSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../report/errors.js';
import { boundMessages, sortProblems, type Problem } from '../report/problem.js';
import { listConfigFiles, type ConfigFile, type ConfigFiles } from './files.js';
import type { FileDigest, FileDigests } from './file-digests.js';
import { deckSha256, deckStub, deferredStub, type KnownDecks } from './known-decks.js';
import { withDefaults, type LoadLimits } from './limits.js';
import { resolveRatesFile } from './paths.js';
import { parseRatesCsv } from './rates-csv.js';
import type { LoadResult, SourceDocument } from './types.js';
import { unreadable } from './unreadable.js';

export { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
export { listConfigFiles, type ConfigFile, type ConfigFiles } from './files.js';
export { deckSha256 } from './known-decks.js';
export { unreadable } from './unreadable.js';
export { parseRatesCsv } from './rates-csv.js';
export { ratesFromInline, valueAt } from './rates-inline.js';
export { ratesFileKey } from './paths.js';
export { DECK_RULES, csvDeckDigest } from './deck-rules.js';
export type { KnownDeck, KnownDecks } from './known-decks.js';
export type * from './types.js';

export interface LoadOptions {
  limits?: Partial<LoadLimits>;
  /** Decks applied before, by sha256: a CSV with such bytes becomes a stub. With it, every file read is hashed (LoadResult.fileHashes, deckHashes). */
  knownDecks?: KnownDecks;
  /** Read only these YAML files (paths relative to the root) of the listing, and the decks they name. */
  only?: ReadonlySet<string>;
  /** The files' listing, when the caller made it already. */
  listing?: ConfigFiles;
  /** Bytes of YAML files the caller read already, by path relative to the root. */
  read?: ReadonlyMap<string, Buffer>;
  /** With knownDecks: file digests remembered by stat, so a known deck whose stat is unchanged is not even read. */
  digests?: FileDigests;
  /**
   * With knownDecks: a deck whose bytes are not known is not parsed either,
   * but carried as a stub with its text (known-decks.ts deferredStub). For
   * an incremental plan, which reads such a deck by the lines it changed
   * from the deck applied last, or in full where it cannot (engine.ts).
   * Its rows are then checked there, not here.
   */
  deferDecks?: boolean;
  /**
   * Hand each CSV deck to this checker instead of reading it: `decks` stays
   * empty, and the caller collects the decks' row counts and problems from
   * the checker. For a caller that needs only problems (`validate`): a
   * million kept rates are most of its memory, and copying them as they
   * survive young collections most of its garbage collection.
   */
  deckChecker?: DeckChecker;
}

/** Takes the rate decks a load finds, to read and check them elsewhere; see LoadOptions.deckChecker. */
export interface DeckChecker {
  /** One distinct deck, resolved inside the root: `file` relative to it, `path` to read. */
  submit(deck: { file: string; path: string; size: number }): void;
}

export async function loadConfig(root: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const limits = withDefaults(opts.limits);
  const absRoot = resolve(root);
  const realRoot = await openRoot(absRoot);
  const listing = opts.listing ?? await listConfigFiles(absRoot, realRoot, limits);
  const result: LoadResult = {
    root: absRoot, documents: [], decks: new Map(), stubs: new Map(), deckHashes: new Map(), fileHashes: new Map(),
    problems: [...listing.problems],
  };
  if (listing.truncated) {
    result.problems = boundMessages(sortProblems(result.problems));
    return result;
  }
  const files = opts.only ? listing.files.filter((f) => opts.only!.has(f.file)) : listing.files;
  // The YAML parsers load only when there is a file to parse (a plan with nothing changed has none).
  const { parseYamlFile } = files.length > 0 ? await import('./yaml.js') : { parseYamlFile: undefined };
  // Read synchronously: a config file is small and listed as a regular file, and for thousands of
  // small files the thread pool's open/stat/read/close round trips cost three times as long.
  const reads = files.map((f) => {
    const given = opts.read?.get(f.file);
    return given ? { bytes: given, sha256: opts.knownDecks ? deckSha256(given) : '' } : readYamlFile(f.path, f.file, result.problems, opts);
  });
  const decks = new DeckLoader(absRoot, realRoot, result, limits, opts);
  const documents: SourceDocument[][] = files.map(() => []);
  for (const i of parseOrder(reads, opts.deckChecker !== undefined)) {
    const read = reads[i];
    if (!read) continue;
    if (opts.knownDecks) result.fileHashes.set(files[i].file, read.sha256);
    const parsed = parseYamlFile!(files[i].file, read.bytes, limits);
    documents[i] = parsed.documents;
    result.problems.push(...parsed.problems);
    if (opts.deckChecker) for (const doc of parsed.documents) await decks.visit(doc);
  }
  result.documents = documents.flat();
  for (const doc of result.documents) await decks.visit(doc);
  result.problems = boundMessages(sortProblems(result.problems));
  return result;
}

/**
 * The order to parse the files in: as listed, or, for a deck checker, the
 * files that may name a deck first, so it has their decks to check while
 * the rest is parsed. Documents are kept in listing order either way.
 */
function parseOrder(reads: readonly ({ bytes: Buffer } | undefined)[], decksFirst: boolean): number[] {
  const all = reads.map((_, i) => i);
  if (!decksFirst) return all;
  const names = (i: number) => reads[i]?.bytes.includes('ratesFile') === true;
  return [...all.filter(names), ...all.filter((i) => !names(i))];
}

async function openRoot(absRoot: string): Promise<string> {
  const info = await stat(absRoot).catch(() => undefined);
  if (!info) throw new UserError(`config folder ${absRoot} does not exist`);
  if (!info.isDirectory()) throw new UserError(`config path ${absRoot} is not a folder`);
  return realpath(absRoot);
}

function readYamlFile(path: string, file: string, problems: Problem[], opts: LoadOptions): { bytes: Buffer; sha256: string } | undefined {
  try {
    if (opts.knownDecks && opts.digests) return opts.digests.read(path, file);
    const bytes = readFileSync(path);
    return { bytes, sha256: opts.knownDecks ? deckSha256(bytes) : '' };
  } catch (e) {
    problems.push(unreadable(file, e));
    return undefined;
  }
}

async function readConfigFile(path: string, file: string, problems: Problem[]): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    problems.push(unreadable(file, e));
    return undefined;
  }
}

/** Every RatingPlan with a string `ratesFile`; each distinct CSV is read once. */
class DeckLoader {
  /** Decks read or submitted, by path relative to the root. */
  private readonly seen = new Set<string>();
  private readonly visited = new Set<SourceDocument>();

  constructor(
    private readonly root: string,
    private readonly realRoot: string,
    private readonly result: LoadResult,
    private readonly limits: LoadLimits,
    private readonly opts: LoadOptions,
  ) {}

  async visit(doc: SourceDocument): Promise<void> {
    const { result, limits } = this;
    const { knownDecks: known, digests, deckChecker } = this.opts;
    const ref = ratesFileOf(doc);
    if (!ref || this.visited.has(doc)) return;
    this.visited.add(doc);
    const resolved = await resolveRatesFile(this.root, this.realRoot, ref, limits.maxCsvBytes);
    if (!resolved.ok) {
      result.problems.push(resolved.problem);
      return;
    }
    doc.ratesFile = resolved.file;
    if (this.seen.has(resolved.file)) return;
    this.seen.add(resolved.file);
    if (deckChecker) {
      deckChecker.submit(resolved);
      return;
    }
    // A known deck whose stat is as when it was hashed is not read: its digest is remembered, and
    // its stub checks the digest against the bytes if its rows are ever needed (known-decks.ts).
    const remembered = known && digests ? digestOrUndefined(digests, resolved.path, resolved.file) : undefined;
    let bytes = remembered?.bytes;
    let sha256 = remembered?.sha256;
    if (!bytes && !(sha256 !== undefined && known?.has(sha256))) {
      bytes = await readConfigFile(resolved.path, resolved.file, result.problems);
      if (!bytes) return;
      sha256 = known ? deckSha256(bytes) : undefined;
    }
    if (known) {
      result.deckHashes.set(resolved.file, sha256!);
      const seen = known.get(sha256!);
      if (seen) {
        result.stubs.set(resolved.file, deckStub(resolved.path, resolved.file, sha256!, seen, limits));
        return;
      }
      const deferred = this.opts.deferDecks ? deferredStub(resolved.file, bytes!, sha256!, limits) : undefined;
      if (deferred) {
        result.stubs.set(resolved.file, deferred);
        return;
      }
    }
    const parsed = parseRatesCsv(resolved.file, bytes!, { maxProblems: limits.maxProblemsPerFile });
    result.problems.push(...parsed.problems);
    result.decks.set(resolved.file, parsed.deck);
  }
}

function digestOrUndefined(digests: FileDigests, path: string, file: string): FileDigest | undefined {
  try {
    return digests.digest(path, file);
  } catch {
    return undefined;
  }
}

function ratesFileOf(doc: SourceDocument): { yamlFile: string; ratesFile: string; at: { line: number; column: number } } | undefined {
  const data = doc.data as Record<string, unknown>;
  if (doc.kind !== 'RatingPlan' || typeof data.ratesFile !== 'string') return undefined;
  return {
    yamlFile: doc.file, ratesFile: data.ratesFile,
    // Looked up only for a problem: a document's positions are found by reading it again, the careful way (yaml-fast.ts).
    get at() {
      return doc.positions.get('/ratesFile') ?? { line: 1, column: 1 };
    },
  };
}
