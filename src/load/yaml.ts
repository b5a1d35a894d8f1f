// Parses one YAML config file into SourceDocuments (YAML 1.2 core schema).
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

export function parseYamlFile(file: string, input: string | Buffer, limits: Partial<ValueLimits & { maxYamlItems: number }> = {}): YamlFile {
  const bounds: ValueLimits = {
    maxAliasNodes: limits.maxAliasNodes ?? DEFAULT_LIMITS.maxAliasNodes,
    maxDepth: limits.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  };
  const source = decodeSource(file, input);
  if (!source.ok) return { documents: [], problems: [source.problem] };
  const crowded = overItemLimit(file, source.text, limits.maxYamlItems ?? DEFAULT_LIMITS.maxYamlItems);
  if (crowded) return { documents: [], problems: [crowded] };
  const lines = new LineCounter();
  let docs: Document.Parsed[];
  try {
    // Parsing to syntax tokens is iterative; composing them into nodes is
    // recursive and would run out of stack at a depth that depends on the
    // machine. Nesting is measured on the tokens first, so the answer and
    // its position are the same everywhere.
    const tokens = Array.from(new Parser(lines.addNewLine).parse(source.text));
    const deep = firstTooDeep(tokens, MAX_SYNTAX_DEPTH);
    if (deep !== undefined) {
      const p = lines.linePos(deep);
      return { documents: [], problems: [{
        file, line: p.line, column: p.col, path: '', rule: 'limit',
        message: `the YAML is nested more than ${MAX_SYNTAX_DEPTH} levels deep`,
        hint: 'config values never need this much nesting; check for runaway brackets or indentation',
      }] };
    }
    // uniqueKeys is off: yaml-values.ts finds duplicates itself, with the
    // key's name and the line of its first occurrence in the message.
    const composer = new Composer({ schema: 'core', version: '1.2', uniqueKeys: false });
    docs = Array.from(composer.compose(tokens)) as Document.Parsed[];
  } catch (e) {
    return { documents: [], problems: [{ file, line: 1, column: 1, path: '', rule: 'syntax', message: `cannot parse: ${(e as Error).message}` }] };
  }
  const result: YamlFile = { documents: [], problems: [] };
  docs.forEach((doc, index) => {
    const before = result.problems.length;
    let exhaustedOnce = false;
    for (const e of [...doc.errors, ...doc.warnings]) {
      // Tags are judged in yaml-values.ts (one rule for every tag).
      if (e.code === 'TAG_RESOLVE_FAILED') continue;
      const p = lines.linePos(e.pos[0]);
      const exhausted = e.code === 'RESOURCE_EXHAUSTION';
      // The parser reports each nesting level past its limit: one problem says it.
      if (exhausted && exhaustedOnce) continue;
      exhaustedOnce ||= exhausted;
      result.problems.push({
        file, line: p.line, column: p.col, path: '',
        rule: exhausted ? 'limit' : 'syntax',
        message: exhausted ? `the YAML is nested too deeply to read` : lowerFirst(e.message),
        ...(HINTS[e.code] ? { hint: HINTS[e.code] } : {}),
      });
    }
    if (result.problems.length > before) return;
    const contents = doc.contents;
    if (contents === null || isEmptyScalar(contents)) return;
    const values = documentValues(file, doc, lines, bounds);
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

/**
 * Collections nested deeper than this are refused before composing. It sits
 * well below where composing runs out of stack (about 800 levels) and above
 * the value depth limit (maxDepth), which reports shallower excess with a
 * pointer to the value.
 */
export const MAX_SYNTAX_DEPTH = 256;

/** The offset of the first collection nested deeper than `max`, walking the tokens without recursion. */
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
    const children: CST.Token[] = [];
    for (const item of token.items) {
      if ('key' in item && item.key) children.push(item.key);
      if (item.value) children.push(item.value);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ token: children[i]!, depth: depth + 1 });
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
