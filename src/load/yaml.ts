// Parses one YAML config file into SourceDocuments (YAML 1.2 core schema).
// Ordinary files take the fast reader (yaml-fast.ts); this module is the
// careful reader that every other file, and every problem, goes through.
// It owns the file-level rules: strict UTF-8, a bound on the values read
// before parsing, syntax errors with their position, empty documents
// skipped, each document a mapping. A document
// with any problem is left out of the result (its problems say why), so
// validation never sees half-parsed data. It must never throw on user input.

import { Composer, LineCounter, Parser, type CST, type Document } from 'yaml';
import type { Problem } from '../report/problem.js';
import { DEFAULT_LIMITS } from './limits.js';
import { decodeSource } from './source-text.js';
import type { SourceDocument } from './types.js';
import { documentValues, type ValueLimits } from './yaml-values.js';
import { fastYamlDocuments } from './yaml-fast.js';

export interface YamlFile {
  documents: SourceDocument[];
  problems: Problem[];
}

const HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces',
  BAD_INDENT: 'check the indentation of this line against its siblings',
  MISSING_CHAR: 'a quote or bracket is not closed',
  BLOCK_AS_IMPLICIT_KEY: 'a key must fit on one line; check for a missing colon or quote',
  MULTILINE_IMPLICIT_KEY: 'a key must fit on one line; check for a missing colon or quote',
  UNEXPECTED_TOKEN: 'check the indentation and quoting around this point',
};

export function parseYamlFile(
  file: string, input: string | Buffer, limits: Partial<ValueLimits & { maxYamlItems: number }> = {}, opts: { careful?: boolean } = {},
): YamlFile {
  const bounds: ValueLimits = {
    maxAliasNodes: limits.maxAliasNodes ?? DEFAULT_LIMITS.maxAliasNodes,
    maxDepth: limits.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  };
  const source = decodeSource(file, input);
  if (!source.ok) return { documents: [], problems: [source.problem] };
  const crowded = overItemLimit(file, source.text, limits.maxYamlItems ?? DEFAULT_LIMITS.maxYamlItems);
  if (crowded) return { documents: [], problems: [crowded] };
  // An ordinary file is read the fast way (yaml-fast.ts), which declines anything else.
  const fast = opts.careful ? undefined : fastYamlDocuments(file, source.text, bounds.maxDepth, () => parseYamlFile(file, input, limits, { careful: true }).documents);
  if (fast) return { documents: fast, problems: [] };
  const lines = new LineCounter();
  let docs: Document.Parsed[];
  try {
    // Parsing to syntax tokens is iterative; composing them into nodes is
    // recursive and runs out of stack at a depth that depends on the machine
    // (about 130 levels of block mappings with `node --stack-size=200`).
    // Nesting is measured on the tokens first and anything deeper than the
    // value limit is refused there, so the composer only ever sees what the
    // value walk accepts, and the answer is the same on every stack.
    const tokens = Array.from(new Parser(lines.addNewLine).parse(source.text));
    const deep = firstTooDeep(tokens, bounds.maxDepth + 1);
    if (deep !== undefined) {
      const p = lines.linePos(deep);
      return { documents: [], problems: [{
        file, line: p.line, column: p.col, path: '', rule: 'limit',
        message: `values are nested deeper than ${bounds.maxDepth} levels`,
        hint: 'config values never need this much nesting; check for runaway brackets or indentation',
      }] };
    }
    // uniqueKeys is off: yaml-values.ts finds duplicates itself, with the
    // key's name and the line of its first occurrence in the message.
    const composer = new Composer({ schema: 'core', version: '1.2', uniqueKeys: false });
    docs = Array.from(composer.compose(tokens)) as Document.Parsed[];
  } catch (e) {
    if (e instanceof RangeError) return { documents: [], problems: [exhausted(file, { line: 1, col: 1 })] };
    return { documents: [], problems: [{ file, line: 1, column: 1, path: '', rule: 'syntax', message: `cannot parse: ${(e as Error).message}` }] };
  }
  const result: YamlFile = { documents: [], problems: [] };
  docs.forEach((doc, index) => {
    const before = result.problems.length;
    let exhaustedOnce = false;
    for (const e of [...doc.errors, ...doc.warnings]) {
      // Tags are judged in yaml-values.ts (one rule for every tag).
      if (e.code === 'TAG_RESOLVE_FAILED') continue;
      if (e.code === 'RESOURCE_EXHAUSTION') {
        // The composer ran out of stack: where it did depends on the stack,
        // so the problem is put at the document's start, once.
        if (!exhaustedOnce) result.problems.push(exhausted(file, lines.linePos(doc.range[0])));
        exhaustedOnce = true;
        continue;
      }
      const p = lines.linePos(e.pos[0]);
      result.problems.push({
        file, line: p.line, column: p.col, path: '', rule: 'syntax', message: lowerFirst(e.message),
        ...(HINTS[e.code] ? { hint: HINTS[e.code] } : {}),
      });
    }
    if (result.problems.length > before) return;
    const contents = doc.contents;
    if (contents === null || isEmptyScalar(contents)) return;
    let values: ReturnType<typeof documentValues>;
    try {
      values = documentValues(file, doc, lines, bounds);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      result.problems.push(exhausted(file, lines.linePos(doc.range[0])));
      return;
    }
    result.problems.push(...values.problems);
    if (values.problems.length > 0) return;
    const data = values.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      const p = values.positions.get('') ?? { line: 1, column: 1 };
      result.problems.push({
        file, line: p.line, column: p.column, path: '', rule: 'syntax',
        message: `document ${index + 1} is ${Array.isArray(data) ? 'a list' : 'a single value'}, not a mapping`,
        hint: 'each document is one object with a `kind`, e.g. `kind: Carrier`',
      });
      return;
    }
    result.documents.push({
      file, index, kind: (data as Record<string, unknown>).kind, data,
      positions: values.positions, keyPositions: values.keyPositions, sources: values.sources,
    });
  });
  return result;
}

/** Out of stack while reading: a limit problem at a place that does not depend on the stack. */
function exhausted(file: string, at: { line: number; col: number }): Problem {
  return {
    file, line: at.line, column: at.col, path: '', rule: 'limit',
    message: 'the YAML is nested too deeply to read',
    hint: 'config values never need this much nesting; check for runaway brackets or indentation',
  };
}

/**
 * The offset of the first collection nested more than `max` levels deep
 * (the document's own value is level 1), walking the tokens without
 * recursion. A `key: value` pair inside a flow sequence (`[a: [a: 1]]`)
 * becomes a mapping of its own when composed, so it counts as a level too.
 */
function firstTooDeep(tokens: CST.Token[], max: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push({ token: tokens[i]!, depth: 0 });
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
      continue;
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > max) return token.offset;
    const inFlowSeq = token.type === 'flow-collection' && token.start.source === '[';
    const children: { token: CST.Token; depth: number }[] = [];
    for (const item of token.items) {
      const pair = inFlowSeq && ('key' in item && item.key !== undefined || (item.sep ?? []).some((t) => t.type === 'map-value-ind'));
      const level = depth + (pair ? 2 : 1);
      if (pair && level > max) return ('key' in item && item.key ? item.key.offset : item.sep?.[0]?.offset) ?? token.offset;
      if ('key' in item && item.key) children.push({ token: item.key, depth: level });
      if (item.value) children.push({ token: item.value, depth: level });
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

/** Counts line breaks and commas, the separators every value needs, and stops at the limit. */
function overItemLimit(file: string, text: string, max: number): Problem | undefined {
  let items = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 44) continue;
    if (++items > max) {
      return {
        file, line, column: i - lineStart + 1, path: '', rule: 'limit',
        message: `the file holds more than ${max} lines and list items; a YAML file may hold at most that many`,
        hint: 'split it into several files, or move rates into a CSV file (ratesFile)',
      };
    }
    if (c === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

/** A document with nothing in it (a trailing `---`, only comments). */
function isEmptyScalar(node: object): boolean {
  const n = node as { value?: unknown; range?: [number, number, number] };
  return 'value' in n && n.value === null && n.range !== undefined && n.range[0] === n.range[1];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
