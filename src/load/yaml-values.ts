// Turns one parsed YAML document (the `yaml` package's AST) into plain values
// with a position for every value and key and the source text of every
// number. It owns the safety of that step: objects have a null prototype so
// `__proto__` is just data, tags never construct anything, alias expansion
// and nesting are bounded, escapes never make NUL or control characters.
// It must never call the AST's toJS(), which would construct tagged objects
// and expand aliases without our bounds.
//
// Tags: only the YAML 1.2 core tags are read, and an explicit one means
// exactly what it says (`!!float 1` is the number 1) or the value is refused
// (`!!bool yes`, `!!str {a: 1}`): a tag is never quietly ignored, because
// the writer meant the value to be of that type. `<<` merge keys (YAML 1.1)
// are refused too, rather than read as a key named "<<".

import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Scalar } from 'yaml';
import { dataObject } from '../model/data-object.js';
import type { Problem } from '../report/problem.js';
import type { Position } from './types.js';
import { controlCharacterMessage } from './source-text.js';

const CORE = 'tag:yaml.org,2002:';
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => CORE + t));

/** How each explicit core scalar tag reads its text (YAML 1.2.2, 10.3.2), or undefined when the text does not fit it. */
const SCALAR_TAGS: Record<string, { read(text: string): { value: unknown } | undefined; takes: string }> = {
  [CORE + 'str']: { read: (text) => ({ value: text }), takes: 'text' },
  [CORE + 'null']: { read: (text) => (/^(?:null|Null|NULL|~|)$/.test(text) ? { value: null } : undefined), takes: 'null, ~ or nothing' },
  [CORE + 'bool']: {
    read: (text) => (/^(?:true|True|TRUE|false|False|FALSE)$/.test(text) ? { value: /^t/i.test(text) } : undefined),
    takes: 'true or false',
  },
  [CORE + 'int']: {
    read(text) {
      if (/^[-+]?[0-9]+$/.test(text)) return { value: Number(text) };
      if (/^0o[0-7]+$/.test(text)) return { value: parseInt(text.slice(2), 8) };
      if (/^0x[0-9a-fA-F]+$/.test(text)) return { value: parseInt(text.slice(2), 16) };
      return undefined;
    },
    takes: 'an integer such as 120, 0x1F or 0o17',
  },
  [CORE + 'float']: {
    read(text) {
      if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return { value: Number(text) };
      if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text)) return { value: text.startsWith('-') ? -Infinity : Infinity };
      if (/^\.(?:nan|NaN|NAN)$/.test(text)) return { value: NaN };
      return undefined;
    },
    takes: 'a number such as 1, 1.5, 1e3, .inf or .nan',
  },
};

export interface ValueLimits {
  maxAliasNodes: number;
  maxDepth: number;
}

export interface DocumentValues {
  data: unknown;
  positions: Map<string, Position>;
  keyPositions: Map<string, Position>;
  sources: Map<string, string>;
  problems: Problem[];
}

/** RFC 6901: '~' -> '~0', '/' -> '~1'. */
export function pointerToken(key: string): string {
  return key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
}

/** Stops the walk at the first limit: one problem, not thousands. */
class LimitReached extends Error {}

export function documentValues(
  file: string, doc: Document.Parsed, lines: LineCounter, limits: ValueLimits,
): DocumentValues {
  const out: DocumentValues = {
    data: null, positions: new Map(), keyPositions: new Map(), sources: new Map(), problems: [],
  };
  let aliasNodes = 0;

  const at = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problem = (offset: number, path: string, rule: Problem['rule'], message: string, hint?: string) => {
    const { line, column } = at(offset);
    out.problems.push({ file, line, column, path, rule, message, ...(hint ? { hint } : {}) });
  };

  const walk = (node: Node | null, pointer: string, depth: number, expanding: boolean, fallback: number): unknown => {
    if (node === null) {
      out.positions.set(pointer, at(fallback));
      return null;
    }
    const start = node.range?.[0] ?? fallback;
    if (expanding && ++aliasNodes > limits.maxAliasNodes) {
      problem(start, pointer, 'limit', `aliases expand to more than ${limits.maxAliasNodes} values`,
        'write the values out or reuse fewer anchors');
      throw new LimitReached();
    }
    if (depth > limits.maxDepth) {
      problem(start, pointer, 'limit', `values are nested deeper than ${limits.maxDepth} levels`);
      throw new LimitReached();
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) {
        problem(start, pointer, 'syntax', `alias *${node.source} refers to no anchor`);
        return null;
      }
      const value = walk(target, pointer, depth, true, start);
      out.positions.set(pointer, at(start));
      return value;
    }
    out.positions.set(pointer, at(start));
    if (refuseTag(node, pointer, start)) return null;
    if (isScalar(node)) {
      // An explicit core tag decides the type (refuseTag made sure the text fits it).
      const tagged = node.tag === undefined ? undefined : SCALAR_TAGS[node.tag]?.read(scalarText(node));
      return scalarValue(tagged ? tagged.value : node.value, node.source, pointer, start);
    }
    if (isMap(node)) {
      const obj = dataObject(node.items.map((pair) => String((pair.key as { value?: unknown } | null)?.value ?? '')));
      for (const pair of node.items) {
        const keyNode = (isAlias(pair.key) ? pair.key.resolve(doc) : pair.key) as Node | null;
        const keyStart = (pair.key as Node | null)?.range?.[0] ?? start;
        if (keyNode && refuseTag(keyNode, pointer, keyStart)) continue;
        if (isScalar(keyNode) && keyNode.tag === undefined && keyNode.type === 'PLAIN' && keyNode.value === '<<') {
          problem(keyStart, pointer, 'syntax', "merge keys ('<<') are not supported",
            'write the fields out (anchors and aliases, &name and *name, may repeat a whole value); quote it to mean a key named "<<"');
          continue;
        }
        const key = keyText(keyNode);
        if (key === undefined) {
          problem(keyStart, pointer, 'syntax', 'a key must be a plain string', 'write the key as text');
          continue;
        }
        if (controlIn(key) !== undefined) {
          problem(keyStart, pointer, 'syntax', controlProblem(key).message, controlProblem(key).hint);
          continue;
        }
        const child = `${pointer}/${pointerToken(key)}`;
        if (key in obj) {
          const first = out.keyPositions.get(child);
          problem(keyStart, child, 'syntax', `duplicate key '${key}'${first ? ` (first at line ${first.line})` : ''}`,
            'remove one of them: YAML keys must be unique in a mapping');
          continue;
        }
        out.keyPositions.set(child, at(keyStart));
        obj[key] = walk(pair.value as Node | null, child, depth + 1, expanding, (pair.key as Node | null)?.range?.[1] ?? keyStart);
      }
      return obj;
    }
    if (isSeq(node)) {
      const items = node.items as (Node | null)[];
      return items.map((item, i) => walk(item, `${pointer}/${i}`, depth + 1, expanding, start));
    }
    problem(start, pointer, 'syntax', 'unsupported YAML node');
    return null;
  };

  /** Refuses a tag that is not a core one or does not fit its node; true when refused. */
  const refuseTag = (node: Node, pointer: string, start: number): boolean => {
    if (node.tag === undefined) return false;
    // Shown as written: `!!int`, a local `!foo`, a full `!<tag:example.com,2000:x>`.
    const shown = node.tag.startsWith(CORE) ? '!!' + node.tag.slice(CORE.length) : node.tag.startsWith('!') ? node.tag : `!<${node.tag}>`;
    if (!ALLOWED_TAGS.has(node.tag)) {
      problem(start, pointer, 'syntax', `tag ${shown} is not allowed`,
        'remove the tag: didsync reads only plain strings, numbers, booleans, null, mappings and lists');
      return true;
    }
    const scalarTag = SCALAR_TAGS[node.tag];
    const fits = isMap(node) ? node.tag === CORE + 'map'
      : isSeq(node) ? node.tag === CORE + 'seq'
        : isScalar(node) && scalarTag !== undefined && scalarTag.read(scalarText(node)) !== undefined;
    if (fits) return false;
    const what = isMap(node) ? 'a mapping' : isSeq(node) ? 'a list' : `'${shownText(scalarText(node as Scalar))}'`;
    const takes = node.tag === CORE + 'map' ? 'a mapping' : node.tag === CORE + 'seq' ? 'a list' : scalarTag!.takes;
    problem(start, pointer, 'syntax', `tag ${shown} does not fit ${what}: it takes ${takes}`,
      'remove the tag or change the value: didsync never converts a value to fit its tag');
    return true;
  };

  const scalarValue = (value: unknown, source: unknown, pointer: string, start: number): unknown => {
    if (typeof value === 'number') {
      // Only where the text is not what String() gives back (SourceDocument.sources).
      if (typeof source === 'string' && source !== String(value)) out.sources.set(pointer, source);
      return value;
    }
    if (typeof value === 'string') {
      if (controlIn(value) !== undefined) {
        const { message, hint } = controlProblem(value);
        problem(start, pointer, 'syntax', message, hint);
        return null;
      }
      return value;
    }
    if (value === null || typeof value === 'boolean') return value;
    problem(start, pointer, 'syntax', 'unsupported scalar value');
    return null;
  };

  try {
    out.data = walk(doc.contents as Node | null, '', 0, false, 0);
  } catch (e) {
    if (!(e instanceof LimitReached)) throw e;
    out.data = null;
  }
  return out;
}

// Escapes ("\0", "\e", "\x1b") make what the file itself may not hold.
const CONTROL_OR_NUL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

function controlIn(text: string): string | undefined {
  return CONTROL_OR_NUL.exec(text)?.[0];
}

function controlProblem(text: string): { message: string; hint: string } {
  const c = controlIn(text)!;
  if (c === '\0') return { message: 'the text contains a NUL character (\\0), which the database cannot store', hint: 'remove it' };
  return controlCharacterMessage(c);
}

/** A scalar's text as written, after quotes and escapes. */
function scalarText(node: Scalar): string {
  return typeof node.source === 'string' ? node.source : String(node.value);
}

/** Text for a message: at most 40 characters, control characters escaped. */
function shownText(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return short.replace(/[\u0000-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A key as text: strings as they are, numbers and booleans as written (`1`, `0x10`). */
function keyText(node: Node | null | undefined): string | undefined {
  if (!node || !isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' || typeof node.value === 'boolean') {
    return typeof node.source === 'string' ? node.source : String(node.value);
  }
  return undefined;
}
