// Parses one YAML config file into SourceDocuments (YAML 1.2 core schema).
// It owns the file-level rules: strict UTF-8, syntax errors with their
// position, empty documents skipped, each document a mapping. A document
// with any problem is left out of the result (its problems say why), so
// validation never sees half-parsed data. It must never throw on user input.

import { LineCounter, parseAllDocuments, type Document } from 'yaml';
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

export function parseYamlFile(file: string, input: string | Buffer, limits: Partial<ValueLimits> = {}): YamlFile {
  const bounds: ValueLimits = {
    maxAliasNodes: limits.maxAliasNodes ?? DEFAULT_LIMITS.maxAliasNodes,
    maxDepth: limits.maxDepth ?? DEFAULT_LIMITS.maxDepth,
  };
  const source = decodeSource(file, input);
  if (!source.ok) return { documents: [], problems: [source.problem] };
  const lines = new LineCounter();
  let docs: Document.Parsed[];
  try {
    // uniqueKeys is off: yaml-values.ts finds duplicates itself, with the
    // key's name and the line of its first occurrence in the message.
    docs = parseAllDocuments(source.text, {
      lineCounter: lines, schema: 'core', version: '1.2', uniqueKeys: false, prettyErrors: false,
    }) as Document.Parsed[];
  } catch (e) {
    return { documents: [], problems: [{ file, line: 1, column: 1, path: '', rule: 'syntax', message: `cannot parse: ${(e as Error).message}` }] };
  }
  const result: YamlFile = { documents: [], problems: [] };
  docs.forEach((doc, index) => {
    const before = result.problems.length;
    for (const e of [...doc.errors, ...doc.warnings]) {
      // Tags are judged in yaml-values.ts (one rule for every tag).
      if (e.code === 'TAG_RESOLVE_FAILED') continue;
      const p = lines.linePos(e.pos[0]);
      const exhausted = e.code === 'RESOURCE_EXHAUSTION';
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

/** A document with nothing in it (a trailing `---`, only comments). */
function isEmptyScalar(node: object): boolean {
  const n = node as { value?: unknown; range?: [number, number, number] };
  return 'value' in n && n.value === null && n.range !== undefined && n.range[0] === n.range[1];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
