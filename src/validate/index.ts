// The validate stage: loaded documents -> the desired state, or every
// located problem. Pure over the LoadResult (the only file it reads is the
// shipped config/defaults.yaml, once); it never touches a database. Stages
// run in order and each skips what an earlier one already reported, so one
// mistake gives one message; all problems are collected, then sorted.

import type { FileDigests } from '../load/file-digests.js';
import { loadConfig, type KnownDecks, type LoadLimits } from '../load/index.js';
import { withDefaults } from '../load/limits.js';
import { DeckChecks, type DeckChecksOptions, type DeckResults } from './deck-checks.js';
import type { DesiredState, LoadResult } from '../load/types.js';
import { boundMessages, sortProblems, type Problem } from '../report/problem.js';
import { checkIdentities } from './identity.js';
import { checkInlineRates } from './inline-rates.js';
import { checkKinds } from './kind-check.js';
import { buildDesired } from './model.js';
import { checkNestedKeys } from './nested-keys.js';
import { checkDeckDuplicates, checkInlineDuplicates } from './rate-duplicates.js';
import { checkReferences } from './references.js';
import { checkRuntimeFields } from './runtime-fields.js';
import { checkSchemas } from './schema-check.js';
import { checkSemantics } from './semantics.js';
import { settingsDefaults } from './settings-defaults.js';
import { factsDigest } from './cross-facts.js';
import type { TypedDocument } from './documents.js';

export interface Validation {
  /** Set only when there are no problems. */
  desired: DesiredState | null;
  /** Sorted; includes the loader's problems. */
  problems: Problem[];
  /** Per YAML file with documents: the digest of their facts across documents (cross-facts.ts). */
  facts: Map<string, string>;
}

export interface ValidateOptions {
  /** Settings defaults; the shipped config/defaults.yaml when absent. */
  defaults?: Record<string, unknown>;
  /**
   * 'documents': only the rules within each document (and each deck); the
   * rules across documents are left to a caller who knows their facts did
   * not change (src/reconcile/incremental.ts). Default 'all'.
   */
  scope?: 'all' | 'documents';
}

export function validateConfig(load: LoadResult, opts: ValidateOptions = {}): Validation {
  const { typed, problems } = findProblems(load, opts);
  if (problems.length > 0) return { desired: null, problems: boundMessages(sortProblems(problems)), facts: new Map() };
  return { desired: buildDesired(typed, load, opts.defaults ?? settingsDefaults()), problems: [], facts: factsByFile(typed) };
}

/** Every stage but the last: the typed documents, and every problem found (unsorted). */
function findProblems(load: LoadResult, opts: ValidateOptions, owned = false): { typed: TypedDocument[]; problems: Problem[] } {
  const problems: Problem[] = [...load.problems];
  const typed = checkKinds(load.documents, problems, owned);
  checkRuntimeFields(typed, problems);
  checkInlineRates(typed, problems);
  checkSchemas(typed, problems);
  const across = opts.scope !== 'documents';
  const catalogue = checkIdentities(typed, problems);
  checkNestedKeys(typed, problems);
  for (const td of typed) if (td.kind === 'RatingPlan') checkInlineDuplicates(td, problems);
  for (const deck of load.decks.values()) checkDeckDuplicates(deck, problems);
  checkReferences(typed, catalogue, problems, { across });
  checkSemantics(typed, catalogue, problems, { across });
  return { typed, problems };
}

/**
 * Loads the config root and validates it. With `knownDecks`, a CSV deck
 * whose bytes are known is neither parsed nor checked row by row (it passed
 * every rule when it was applied): the desired state carries it as a stub;
 * with `digests` too, such a deck is not even read while its stat is unchanged;
 * with `deferDecks`, a deck of other bytes is not parsed either (LoadOptions).
 */
export async function validateRoot(
  root: string, opts: ValidateOptions & { limits?: Partial<LoadLimits>; knownDecks?: KnownDecks; digests?: FileDigests; deferDecks?: boolean } = {},
): Promise<Validation & { load: LoadResult }> {
  const load = await loadConfig(root, { limits: opts.limits, knownDecks: opts.knownDecks, digests: opts.digests, deferDecks: opts.deferDecks });
  return { ...validateConfig(load, opts), load };
}

/** What `didsync validate` reports: every problem, or what the valid config holds. */
export interface Check {
  /** Sorted; includes the loader's problems. */
  problems: Problem[];
  /** The objects and rates a valid config holds (as its desired state would); zero when there are problems. */
  objects: number;
  rates: number;
}

/**
 * Loads the config root and checks it under every rule, as validateRoot
 * does, without building the desired state: each CSV deck is read, checked
 * and let go by DeckChecks, in a worker thread once the decks are large.
 * For `didsync validate`, which needs the problems and counts only.
 */
export async function checkRoot(
  root: string, opts: ValidateOptions & { limits?: Partial<LoadLimits>; decks?: Omit<DeckChecksOptions, 'maxProblemsPerFile'> } = {},
): Promise<Check> {
  const deckChecker = new DeckChecks({ maxProblemsPerFile: withDefaults(opts.limits).maxProblemsPerFile, ...opts.decks });
  let found: { typed: TypedDocument[]; problems: Problem[] };
  let decks: DeckResults;
  try {
    const load = await loadConfig(root, { limits: opts.limits, deckChecker });
    // The load is this function's own: validation may change its data in place. The decks are
    // checked meanwhile (deck-checks.ts); their rules are their own, so no stage here waits for them.
    found = findProblems(load, opts, true);
    decks = await deckChecker.finish();
  } finally {
    await deckChecker.close();
  }
  const { typed, problems } = found;
  problems.push(...decks.problems);
  if (problems.length > 0) return { problems: boundMessages(sortProblems(problems)), objects: 0, rates: 0 };
  let objects = 0;
  let rates = 0;
  for (const td of typed) {
    if (td.kind === 'Settings') continue;
    objects++;
    if (td.kind !== 'RatingPlan') continue;
    if (td.doc.ratesFile !== undefined) rates += decks.rows.get(td.doc.ratesFile) ?? 0;
    else if (Array.isArray(td.data.rates)) rates += td.data.rates.length;
  }
  return { problems: [], objects, rates };
}

function factsByFile(typed: readonly TypedDocument[]): Map<string, string> {
  const byFile = new Map<string, TypedDocument[]>();
  for (const td of typed) {
    const list = byFile.get(td.doc.file);
    if (list) list.push(td);
    else byFile.set(td.doc.file, [td]);
  }
  return new Map([...byFile].map(([file, docs]) => [file, factsDigest(docs)]));
}
