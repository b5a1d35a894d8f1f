// The fast way to read an ordinary YAML config file: js-yaml's loader, with
// a schema that types plain scalars by the `yaml` package's own core-schema
// tags and keeps each number's text, then one walk that makes the values
// yaml.ts makes (null-prototype objects, the source of every number), about
// ten times faster than composing the `yaml` package's syntax tree. At
// anything that is not ordinary (a tag, an alias, a `<<` key, a duplicate
// key, a control character, a directive, a tab, nesting past the limit, a
// syntax error) it declines, and yaml.ts reads the file the careful way and
// says what is wrong. So it never reports a problem, and never reads a file
// differently: test/load/yaml-fast.test.ts compares the two on every file
// the tests have, on the benchmark's config and on random documents.
//
// Positions only point at problems, and a valid config has none: each
// document's position maps are filled on first use from the careful
// reading of the same text, which yields the same documents.

import jsyaml from 'js-yaml';
import { Schema, isScalar } from 'yaml';
import { dataObject, startsWithDigit } from '../model/data-object.js';
import type { Position, SourceDocument } from './types.js';
import { pointerToken } from './yaml-values.js';

/** Plain scalars resolve as the `yaml` package's Composer resolves them (YAML 1.2 core schema, in its order). */
const CORE_TAGS = new Schema({ schema: 'core' }).tags.filter((t) => t.default === true && t.test !== undefined) as Array<{
  test: RegExp; resolve(text: string, onError: (m: string) => void, options: object): unknown;
}>;
const RESOLVE_OPTIONS = { intAsBigInt: false };

/** A plain scalar that is not a string, with its text as written (a key shows it: `486: 17`). */
class Typed {
  constructor(readonly value: number | boolean | null, readonly text: string) {}
  /**
   * js-yaml turns a key that is an object whose class reads as Object into the text
   * '[object Object]' (so that no key runs code of its own); with a class of its own, the key is
   * String() of it, the text below, as the careful reader has it (yaml-values.ts keyText).
   */
  get [Symbol.toStringTag](): string {
    return 'Typed';
  }
  toString(): string {
    // A null key is refused by the careful reader; this text cannot pass as a key here.
    return this.value === null ? '\u0000' : this.text;
  }
}

/**
 * Whether a plain scalar may match a core tag: each tag's pattern (null, bool, int, float) starts
 * with one of `~ N n T t F f 0-9 + - .` or matches the empty text. Most scalars are names and
 * words, and this spares them eight regular expressions and a look-up.
 */
function mayBeTyped(text: string): boolean {
  if (text === '') return true;
  const c = text.charCodeAt(0);
  // ~ + - . 0-9 F N T f n t
  return c === 126 || c === 43 || c === 45 || c === 46 || (c >= 48 && c <= 57) || c === 70 || c === 78 || c === 84 || c === 102 || c === 110 || c === 116;
}

/** The core tag a plain scalar that mayBeTyped matches, if any. */
function coreTag(text: string): (typeof CORE_TAGS)[number] | undefined {
  return CORE_TAGS.find((t) => t.test.test(text));
}

/**
 * Typed values by their text, as resolved before: a config repeats the same few (`true`, `5060`,
 * `20`), and resolving each again (eight patterns, then the tag's own) was a tenth of reading it.
 */
const RESOLVED = new Map<string, number | boolean | null>();
const RESOLVED_MAX = 10_000;

const coreScalar = new jsyaml.Type('tag:didsync,2026:core-scalar', {
  kind: 'scalar',
  resolve: (text: string | null) => text !== null && mayBeTyped(text) && (RESOLVED.has(text) || coreTag(text) !== undefined),
  construct(text: string) {
    const known = RESOLVED.get(text);
    if (known !== undefined) return new Typed(known, text);
    const tag = coreTag(text)!;
    let failed = false;
    const resolved = tag.resolve(text, () => { failed = true; }, RESOLVE_OPTIONS);
    // Some tags answer with a Scalar node (null, booleans), as the Composer accepts.
    const value = isScalar(resolved) ? resolved.value : resolved;
    if (failed || (value !== null && typeof value !== 'number' && typeof value !== 'boolean')) throw new Decline();
    if (RESOLVED.size < RESOLVED_MAX) RESOLVED.set(text, value);
    return new Typed(value, text);
  },
});
/** Strings, lists and mappings, and plain scalars typed as above; any explicit tag but those three is unknown, so declined. */
const SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [coreScalar] });

const CONTROL_OR_NUL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/**
 * What js-yaml reads other than the careful reader, found in the text
 * (over-approximated: a match in a string only costs the fast path): an
 * explicit tag; an explicit `?` key or a list or mapping used as a key,
 * which js-yaml turns into text where the careful reader refuses it; a
 * directive; a line of spaces only, which the two read differently at the
 * end of a block scalar; a comment right after a quote or bracket, which the
 * careful reader refuses too. Lines over 1024 characters are found apart
 * (longLine). The pattern has no multiline flag: a line start is the text's
 * start or a line terminator, which `\s` already holds, so the engine does
 * not try every line's start for every alternative (six times faster; the
 * test holds it to the multiline form).
 */
export const NOT_ORDINARY = /(?:^|[\s[{,])!|(?:^|\s)\?(?:\s|$)|[\]}]\s*:|(?:^|[\n\r\u2028\u2029])(?:%| +(?:$|[\n\r\u2028\u2029]))|["'\]}]#/;

/** A line over 1024 characters, where the careful reader refuses an implicit key that js-yaml takes. */
export function longLine(text: string): boolean {
  for (let from = 0; ;) {
    const nl = text.indexOf('\n', from);
    if ((nl < 0 ? text.length : nl) - from > 1024) return true;
    if (nl < 0) return false;
    from = nl + 1;
  }
}

/** Declining: the careful reader takes the file. */
class Decline extends Error {}

/**
 * The documents of a file, as yaml.ts would read them; undefined when the
 * file is not an ordinary one. `careful` reads the same text the careful way
 * (used only if a position is asked for).
 */
export function fastYamlDocuments(file: string, text: string, maxDepth: number, careful: () => SourceDocument[]): SourceDocument[] | undefined {
  if (text.includes('\t') || text.includes('\uFEFF') || /\r(?!\n)/.test(text) || NOT_ORDINARY.test(text) || longLine(text)) return undefined;
  const roots: unknown[] = [];
  const starts: number[] = [];
  let alias = false;
  let multiline = false;
  try {
    jsyaml.loadAll(text, (doc) => roots.push(doc), {
      schema: SCHEMA,
      json: false,
      maxDepth: maxDepth + 2,
      listener(event, state) {
        if (event === 'open') {
          // Where each document's value begins: past the spaces, line breaks and comments before it.
          if ((state as unknown as { depth: number }).depth === 1) starts.push(state.position);
          // A quoted scalar over several lines: the careful reader is stricter about how they continue.
          if (quotedAcrossLines(text, valueStart(text, state.position))) multiline = true;
        }
        // An alias leaves a value without a kind of its own; the careful reader bounds what aliases expand to.
        if (event === 'close' && state.kind === null && state.result !== null && state.result !== undefined) alias = true;
      },
    } as jsyaml.LoadOptions & { maxDepth: number });
  } catch {
    return undefined;
  }
  if (alias || multiline || starts.length !== roots.length) return undefined;
  const careful1 = carefulDocument(file, careful);
  const lines = lineStarts(text);
  const out: SourceDocument[] = [];
  try {
    roots.forEach((root, index) => {
      // An empty document (a trailing `---`, only comments): yaml.ts skips it too.
      if (root === null || root === undefined) return;
      if (typeof root !== 'object' || Array.isArray(root) || root instanceof Typed) throw new Decline();
      const sources = new Map<string, string>();
      const data = copy(root, [], maxDepth, sources) as Record<string, unknown>;
      out.push({
        file, index, kind: data.kind, data, sources,
        positions: new LazyPositions(() => careful1(index).positions, position(lines, valueStart(text, starts[index]))),
        keyPositions: new LazyPositions(() => careful1(index).keyPositions),
      });
    });
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
  // The position closures above share this scope: js-yaml's values, copied, must not live on through them.
  roots.length = 0;
  return out;
}

/**
 * js-yaml's value as yaml.ts has it: null-prototype objects, typed scalars unwrapped, numbers' text
 * kept. `path` holds the pointer tokens down to the value; a pointer is built only for a number.
 */
function copy(value: unknown, path: (string | number)[], maxDepth: number, sources: Map<string, string>): unknown {
  if (path.length > maxDepth) throw new Decline();
  if (value instanceof Typed) {
    // Only where the text is not what String() gives back (SourceDocument.sources), as yaml-values.ts does.
    if (typeof value.value === 'number' && value.text !== String(value.value)) sources.set(`/${path.join('/')}`, value.text);
    return value.value;
  }
  if (typeof value === 'string') {
    if (CONTROL_OR_NUL.test(value)) throw new Decline();
    return value;
  }
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      value[i] = copy(value[i], path, maxDepth, sources);
      path.pop();
    }
    return value;
  }
  const keys = Object.keys(value);
  // js-yaml's own object is taken over (no alias was read, so nothing else holds it), unless a
  // key that reads as an array index needs the elements dataObject() gives.
  const out = keys.some(startsWithDigit) ? dataObject(keys) : Object.setPrototypeOf(value, null) as Record<string, unknown>;
  for (const key of keys) {
    // `<<` (a merge key unless quoted: js-yaml cannot say which) and null keys are the careful reader's to judge.
    if (key === '<<' || CONTROL_OR_NUL.test(key)) throw new Decline();
    path.push(pointerToken(key));
    out[key] = copy((value as Record<string, unknown>)[key], path, maxDepth, sources);
    path.pop();
  }
  return out;
}

/** The first offset from `at` that is not a space, a line break or part of a comment. */
function valueStart(text: string, at: number): number {
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13) continue;
    if (c !== 35) return i;
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl;
  }
  return text.length;
}

/** Whether a quoted scalar starts at `at` and does not close on its own line. */
function quotedAcrossLines(text: string, at: number): boolean {
  const quote = text.charCodeAt(at);
  if (quote !== 39 && quote !== 34) return false;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
    if (quote === 34 && c === 92) i++; // a backslash escape in double quotes
    else if (c === quote) {
      if (quote === 39 && text.charCodeAt(i + 1) === 39) i++; // '' inside single quotes
      else return false;
    }
  }
  return true;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) out.push(at + 1);
  return out;
}

/** 1-based line and column of an offset. */
function position(lines: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lines[lo] + 1 };
}

/** The careful reading of document `index` of the file, read once for all its documents. */
function carefulDocument(file: string, careful: () => SourceDocument[]): (index: number) => SourceDocument {
  let docs: SourceDocument[] | undefined;
  return (index) => {
    docs ??= careful();
    const doc = docs.find((d) => d.index === index);
    if (!doc) throw new Error(`internal error: ${file} document ${index + 1} read differently the careful way`);
    return doc;
  };
}

/** A position map filled on first use; `start`, when given, answers for the document's own value ('') without filling it. */
export class LazyPositions extends Map<string, Position> {
  private fill: (() => Map<string, Position>) | undefined;

  constructor(fill: () => Map<string, Position>, private readonly start?: Position) {
    super();
    this.fill = fill;
  }

  private filled(): this {
    const fill = this.fill;
    if (fill) {
      this.fill = undefined;
      for (const [k, v] of fill()) super.set(k, v);
    }
    return this;
  }

  override get(key: string): Position | undefined {
    if (key === '' && this.start && this.fill) return this.start;
    return this.filled() && super.get(key);
  }
  override has(key: string): boolean { return this.filled() && super.has(key); }
  override set(key: string, value: Position): this { this.filled(); return super.set(key, value); }
  override delete(key: string): boolean { return this.filled() && super.delete(key); }
  override get size(): number { this.filled(); return super.size; }
  override forEach(cb: (value: Position, key: string, map: Map<string, Position>) => void, thisArg?: unknown): void { this.filled(); super.forEach(cb, thisArg); }
  override entries(): MapIterator<[string, Position]> { this.filled(); return super.entries(); }
  override keys(): MapIterator<string> { this.filled(); return super.keys(); }
  override values(): MapIterator<Position> { this.filled(); return super.values(); }
  override [Symbol.iterator](): MapIterator<[string, Position]> { return this.entries(); }
}
