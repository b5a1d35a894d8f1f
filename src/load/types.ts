// What the loader hands to validation: documents as plain values, each with
// a way back to the file, line and column of every value, and rate decks in
// compact columnar form (a million rates must not be a million objects).

import type { KindName } from '../model/kinds.js';
import type { Problem } from '../report/problem.js';

export interface Position {
  line: number;   // 1-based
  column: number; // 1-based
}

/** One YAML document of a config file. */
export interface SourceDocument {
  /** Path relative to the config root, forward slashes. */
  file: string;
  /** 0-based index of the document inside its file. */
  index: number;
  /** The `kind` as written (may be missing or unknown: validation reports it). */
  kind: unknown;
  /**
   * The document as plain JSON values (objects have a null prototype). A
   * YAML number is a JS number here; its exact digits are in `sources`.
   */
  data: unknown;
  /** JSON Pointer ('' for the root, '/contacts/0/email') -> where the value starts. */
  positions: Map<string, Position>;
  /** JSON Pointer -> for a key, where the key starts (for "unknown field" errors). */
  keyPositions: Map<string, Position>;
  /**
   * JSON Pointer -> the scalar's source text, for numbers written otherwise
   * than String(value) gives (`40000.50` stays `40000.50`; `1e3`, `+5`,
   * `5.0`): read it with numberText(). A number written as String(value)
   * (`5060`, `0.5`) has no entry: ten thousand documents hold hundreds of
   * thousands of such numbers, and their entries were most of what a
   * validation kept alive besides the values themselves.
   */
  sources: Map<string, string>;
  /**
   * For a RatingPlan whose `ratesFile` resolved inside the root: the CSV's
   * path relative to the root, its key in LoadResult.decks (which lacks it
   * when the file could not be read). Unset otherwise.
   */
  ratesFile?: string;
}

/**
 * A rating plan's rates, one array per column, index i is one rate.
 * Decimals are strings exactly as written; absent optional cells are null.
 */
export interface RateDeck {
  /** File the rates came from (CSV path or the YAML file for inline rates). */
  file: string;
  /** Source line of each rate (CSV line or YAML line), 1-based. */
  line: Int32Array;
  prefix: string[];
  destination: string[];
  rate: string[];
  connectionFee: (string | null)[];
  initialInterval: (number | null)[];
  recurringInterval: (number | null)[];
  /** 'YYYY-MM-DD' or null. */
  effectiveDate: (string | null)[];
  /** 'YYYY-MM-DD' or null. */
  endDate: (string | null)[];
  /** For a CSV deck: the text it was read from (what an apply records as the deck it applied). */
  text?: string;
}

export const RATE_COLUMNS = [
  'prefix', 'destination', 'rate', 'connectionFee', 'initialInterval',
  'recurringInterval', 'effectiveDate', 'endDate',
] as const;
export type RateColumn = (typeof RATE_COLUMNS)[number];

/**
 * A `ratesFile` CSV not parsed because its bytes are those of a deck didsync
 * applied before (src/load/known-decks.ts): it stands for rows it does not
 * hold. Whatever needs the rows calls load().
 */
export interface DeckStub {
  /** Path relative to the root. */
  file: string;
  /** sha256 of its bytes, which names its rows: their digest is csvDeckDigest of it. */
  sha256: string;
  /** Its rows, as recorded when it was applied; absent for a deck put off (`text`), whose rows nobody counted yet. */
  rows?: number;
  /**
   * For a deck put off rather than parsed (LoadOptions.deferDecks): bytes
   * never applied, whose text a plan reads by the lines it changed from the
   * deck applied last (engine.ts), or in full through load(). Nothing has
   * checked its rows yet.
   */
  text?: string;
  /** Parses and checks the file in full; throws a UserError if it changed since it was hashed or breaks a rule. */
  load(): Promise<RateDeck>;
}

export interface LoadResult {
  root: string;
  documents: SourceDocument[];
  /** Rate decks read from `ratesFile` CSVs, by path relative to the root. */
  decks: Map<string, RateDeck>;
  /** Decks not parsed (known bytes), by path relative to the root; only when known decks were given. */
  stubs: Map<string, DeckStub>;
  /** sha256 of each CSV deck's bytes, parsed or not, by path; only when known decks were given. */
  deckHashes: Map<string, string>;
  /** sha256 of each YAML file's bytes, by path; only when known decks were given. */
  fileHashes: Map<string, string>;
  problems: Problem[];
}

/** A validated object of a kind, ready for the diff. */
export interface ConfigObject {
  kind: KindName;
  /** Identity as printed: `ACME`, `ACME/lon-1`. */
  key: string;
  /** Where it was declared. */
  file: string;
  line: number;
  /**
   * Field values after validation: decimals as canonical strings, schema
   * defaults applied, references still as names (resolution is the diff's
   * business, against the database's ids).
   */
  data: Record<string, unknown>;
  /** For RatingPlan: the rates (inline or from the CSV); absent when `ratesStub` stands for them. */
  rates?: RateDeck;
  /** For RatingPlan: its CSV deck, not parsed because it is known (DeckStub). */
  ratesStub?: DeckStub;
  /** For RatingPlan with a ratesFile: the CSV and the sha256 of its bytes, when they were hashed. */
  ratesSource?: { file: string; sha256: string };
}

/** The whole validated config: what git says the database should hold. */
export interface DesiredState {
  objects: ConfigObject[];
  /** The Settings document merged over config/defaults.yaml. */
  settings: Record<string, unknown>;
}

/** The text a number of a document was written as (SourceDocument.sources). */
export function numberText(doc: Pick<SourceDocument, 'sources'>, pointer: string, value: number): string {
  return doc.sources.get(pointer) ?? String(value);
}
