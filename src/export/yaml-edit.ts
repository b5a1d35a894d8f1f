// Edits one YAML document in place so that it describes the live object,
// touching only the nodes whose value differs: a changed scalar is replaced
// in its own quoting style, a field now empty loses its line, a new field is
// inserted at its schema position with the indentation of its siblings, and
// nested lists (contacts, codecs, inline rates) are matched element by
// element by their key. Everything else keeps its bytes. The `yaml` package
// locates the nodes (their source ranges); the text is changed by splices.
// It must never re-serialise a whole document.

import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FieldInfo } from '../model/schemas.js';
import { normalise, stableStringify, valuesEqual, type Value } from '../reconcile/values.js';
import { normaliseElement, type StateField } from '../reconcile/state.js';
import { element, exportValue } from './documents.js';
import { lineEnd, lineStart, newlineOf, SourceEdits } from './source-edits.js';
import { renderBlockItem, renderBlockValue, renderFlowValue, type ValueStyle } from './yaml-render.js';

/** How a field of a mapping is compared and written. */
export type EditField =
  | { name: string; part: 'scalar'; info?: FieldInfo }
  | { name: string; part: 'one'; fields: readonly FieldInfo[] }
  | { name: string; part: 'many'; fields: readonly FieldInfo[]; key: readonly string[]; ordered: boolean };

export function editFields(fields: readonly StateField[]): EditField[] {
  return fields.map((f): EditField => {
    if (f.part === 'column') return { name: f.name, part: 'scalar', info: f.info };
    if (f.part === 'reference') return { name: f.name, part: 'scalar' };
    if (f.nested.cardinality === 'one') return { name: f.name, part: 'one', fields: f.fields };
    return { name: f.name, part: 'many', fields: f.fields, key: f.nested.key, ordered: f.nested.orderColumn !== undefined };
  });
}

type MapOp =
  | { op: 'change'; pair: Pair; f: EditField; want: Value; out: unknown }
  | { op: 'insert'; f: EditField; out: unknown }
  | { op: 'remove'; pair: Pair };

export class YamlEditor {
  readonly edits: SourceEdits;
  private readonly nl: string;

  constructor(readonly src: string) {
    this.edits = new SourceEdits(src);
    this.nl = newlineOf(src);
  }

  /**
   * Make `map` hold `live` for each field (field order from `rank`);
   * returns the names of the fields that differed.
   */
  editMap(map: YAMLMap, fields: readonly EditField[], live: Record<string, Value>, rank: (name: string) => number, edits = this.edits): string[] {
    const changed: string[] = [];
    const ops: MapOp[] = [];
    for (const f of fields) {
      const pair = pairOf(map, f.name);
      const want = live[f.name] ?? null;
      if (valuesEqual(currentValue(f, pair?.value as Node | null | undefined), want)) continue;
      changed.push(f.name);
      const out = written(f, want);
      if (out === undefined) {
        if (pair) ops.push({ op: 'remove', pair });
      } else {
        ops.push(pair ? { op: 'change', pair, f, want, out } : { op: 'insert', f, out });
      }
    }
    // Keys added to or removed from a flow mapping, or a list item's mapping
    // (whose first key shares the dash's line), are written by rebuilding the
    // mapping from its kept pairs; elsewhere line by line.
    const rebuild = ops.some((o) => o.op !== 'change') && (map.flow === true || onDashLine(this.src, map));
    const target = rebuild ? edits.child() : edits;
    for (const o of ops) if (o.op === 'change') this.changeValue(map, o.pair, o.f, o.want, o.out, target);
    if (rebuild) {
      this.rebuildMap(map, ops, rank, target, edits);
      return changed;
    }
    const pairs = map.items as Pair[];
    if (!ops.some((o) => o.op === 'insert') && ops.filter((o) => o.op === 'remove').length === pairs.length && pairs.length > 0) {
      // Every key goes, yet the object stays (all its fields at their defaults).
      edits.add(keyStart(pairs[0]), pairEnd(this.src, pairs[pairs.length - 1]), `{}${this.nl}`);
      return changed;
    }
    for (const o of ops) {
      if (o.op === 'remove') this.removePair(map, o.pair, edits);
      if (o.op === 'insert') this.insertPair(map, o.f.name, o.out, o.f, rank, edits);
    }
    return changed;
  }

  private changeValue(map: YAMLMap, pair: Pair, f: EditField, want: Value, out: unknown, edits: SourceEdits): void {
    const node = pair.value as Node | null | undefined;
    if (f.part === 'one' && isMap(node) && node.items.length > 0) {
      this.editMap(node, f.fields.map((info) => ({ name: info.name, part: 'scalar', info })), want as Record<string, Value>, fieldRank(f.fields), edits);
    } else if (f.part === 'many' && isSeq(node) && node.items.length > 0) {
      this.editList(node, f, want as Value[], edits);
    } else {
      this.replaceValue(map, pair, out, f, edits);
    }
  }

  /** Rewrite a mapping from its kept pairs (with their edits) and the inserted ones, in place. */
  private rebuildMap(map: YAMLMap, ops: readonly MapOp[], rank: (name: string) => number, inner: SourceEdits, edits: SourceEdits): void {
    const src = this.src;
    const pairs = map.items as Pair[];
    const removed = new Set(ops.flatMap((o) => (o.op === 'remove' ? [o.pair] : [])));
    const final: Array<Pair | Extract<MapOp, { op: 'insert' }>> = pairs.filter((p) => !removed.has(p));
    for (const o of ops) {
      if (o.op !== 'insert') continue;
      const mine = rank(o.f.name);
      let at = 0;
      final.forEach((p, i) => {
        if (rank('op' in p ? p.f.name : keyText(p)) < mine) at = i + 1;
      });
      final.splice(at, 0, o);
    }
    if (map.flow) {
      const [start] = map.range!;
      const close = src.lastIndexOf('}', map.range![1]);
      const padded = src[start + 1] === ' ';
      const parts = final.map((p) => ('op' in p
        ? `${p.f.name}: ${renderFlowValue(p.out, { decimal: isDecimal(p.f) })}`
        : inner.render(keyStart(p), valueEnd(p))));
      const body = parts.join(', ');
      edits.add(start, close + 1, parts.length === 0 ? '{}' : padded ? `{ ${body} }` : `{${body}}`);
      return;
    }
    const indent = keyColumn(src, pairs[0]);
    const start = keyStart(pairs[0]);
    const ends = pairs.map((p) => pairEnd(src, p));
    const chunk = (p: Pair) => {
      const i = pairs.indexOf(p);
      const text = inner.render(i === 0 ? start : ends[i - 1], ends[i], i > 0);
      return i === 0 ? ' '.repeat(indent) + text : text;
    };
    const texts = final.map((p) => ('op' in p
      ? `${' '.repeat(indent)}${p.f.name}:${renderBlockValue(p.out, indent, { decimal: isDecimal(p.f) })}\n`.replace(/\n/g, this.nl)
      : chunk(p)));
    const end = ends[pairs.length - 1];
    let text = texts.map((t) => (t.endsWith('\n') ? t : t + this.nl)).join('').replace(/^[ ]+/, '');
    if (text === '') text = `{}${this.nl}`;
    if (!src.slice(start, end).endsWith('\n')) text = text.replace(/\r?\n$/, '');
    edits.add(start, end, text);
  }

  /** Match the list's elements to `want` by key; edit, drop, add and (for ordered lists) reorder them. */
  editList(seq: YAMLSeq, f: Extract<EditField, { part: 'many' }>, want: readonly Value[], edits = this.edits): void {
    const items = seq.items as Node[];
    const keyOf = (v: Value) => stableStringify(f.key.map((k) => (v as Record<string, Value> | null)?.[k] ?? null));
    const current = items.map((n) => elementValue(f.fields, n));
    const index = new Map(current.map((v, i) => [keyOf(v), i]));
    const wanted = new Map(want.map((v) => [keyOf(v), v]));
    const final: Array<{ item?: number; value: Value }> = f.ordered
      ? want.map((v) => ({ item: index.get(keyOf(v)), value: v }))
      : [
        ...current.flatMap((v, i) => (wanted.has(keyOf(v)) ? [{ item: i, value: wanted.get(keyOf(v))! }] : [])),
        ...want.filter((v) => !index.has(keyOf(v))).map((v) => ({ value: v })),
      ];
    const structural = final.length !== items.length || final.some((e, i) => e.item !== i);
    const inner = structural ? edits.child() : edits;
    const rank = fieldRank(f.fields);
    const scalarFields = f.fields.map((info): EditField => ({ name: info.name, part: 'scalar', info }));
    for (const e of final) {
      if (e.item === undefined || valuesEqual(current[e.item], e.value)) continue;
      const node = items[e.item];
      if (isMap(node)) this.editMap(node, scalarFields, e.value as Record<string, Value>, rank, inner);
    }
    if (!structural) return;
    if (seq.flow) this.rebuildFlowList(seq, final, f, inner, edits);
    else this.rebuildBlockList(seq, final, f, inner, edits);
  }

  private rebuildBlockList(seq: YAMLSeq, final: Array<{ item?: number; value: Value }>, f: Extract<EditField, { part: 'many' }>, inner: SourceEdits, edits: SourceEdits): void {
    const items = seq.items as Node[];
    const src = this.src;
    const dash = seq.range![0];
    const indent = dash - lineStart(src, dash);
    const flowItems = items.length > 0 && items.every((n) => isMap(n) && n.flow);
    const ends = items.map((n) => lineEnd(src, n.range![1]));
    const starts = items.map((_, i) => (i === 0 ? lineStart(src, dash) : ends[i - 1]));
    const chunks = final.map((e) => {
      if (e.item === undefined) return renderBlockItem(element(f.fields, e.value), indent, flowItems).replace(/\n/g, this.nl) + this.nl;
      const text = inner.render(starts[e.item], ends[e.item], true);
      return text.endsWith('\n') ? text : text + this.nl;
    });
    const regionEnd = ends[items.length - 1];
    let text = chunks.join('');
    if (!src.slice(starts[0], regionEnd).endsWith('\n')) text = text.replace(/\r?\n$/, '');
    edits.add(starts[0], regionEnd, text);
  }

  private rebuildFlowList(seq: YAMLSeq, final: Array<{ item?: number; value: Value }>, f: Extract<EditField, { part: 'many' }>, inner: SourceEdits, edits: SourceEdits): void {
    const items = seq.items as Node[];
    const [start, end] = seq.range!;
    const close = this.src.lastIndexOf(']', end);
    const padded = this.src[start + 1] === ' ';
    const parts = final.map((e) => (e.item === undefined
      ? renderFlowValue(element(f.fields, e.value), { padded: true })
      : inner.render(items[e.item].range![0], items[e.item].range![1])));
    edits.add(start, close + 1, padded ? `[ ${parts.join(', ')} ]` : `[${parts.join(', ')}]`);
  }

  /** Replace the value of an existing pair, in the style of the old value where it can be kept. */
  replaceValue(map: YAMLMap, pair: Pair, value: unknown, f: EditField, edits = this.edits): void {
    const node = pair.value as Node | null;
    const decimal = f.part === 'scalar' && f.info?.type === 'decimal';
    const style = styleOf(node);
    if (map.flow || (node && (isMap(node) || isSeq(node)) && node.flow)) {
      const padded = node && (isMap(node) || isSeq(node)) ? this.src[node.range![0] + 1] === ' ' : undefined;
      const text = renderFlowValue(value, { decimal, style, padded });
      if (node?.range && node.range[1] > node.range[0]) edits.add(node.range[0], node.range[1], text);
      else edits.add(colonAfter(this.src, pair), colonAfter(this.src, pair), ` ${text}`);
      return;
    }
    const indent = keyColumn(this.src, pair);
    const rendered = renderBlockValue(value, indent, { decimal, style });
    const singleLine = isScalar(node) && !String(node.type ?? '').startsWith('BLOCK') && node.range![1] > node.range![0];
    if (singleLine && !rendered.includes('\n')) {
      edits.add(node.range![0], node.range![1], rendered.slice(1));
      return;
    }
    const start = colonAfter(this.src, pair);
    const end = pairEnd(this.src, pair);
    const keepNewline = this.src[end - 1] === '\n';
    edits.add(start, keepNewline ? end - 1 - (this.src[end - 2] === '\r' ? 1 : 0) : end, rendered.replace(/\n/g, this.nl));
  }

  /** Add `name: value` after the last key that comes before it in schema order. */
  insertPair(map: YAMLMap, name: string, value: unknown, f: EditField, rank: (name: string) => number, edits = this.edits): void {
    const decimal = f.part === 'scalar' && f.info?.type === 'decimal';
    const pairs = map.items as Pair[];
    const mine = rank(name);
    let after: Pair | undefined;
    for (const p of pairs) {
      const r = rank(keyText(p));
      if (r < mine && (after === undefined || r >= rank(keyText(after)))) after = p;
    }
    const src = this.src;
    if (map.flow) {
      const text = `${name}: ${renderFlowValue(value, { decimal })}`;
      if (after) edits.add(valueEnd(after), valueEnd(after), `, ${text}`);
      else if (pairs.length > 0) edits.add(keyStart(pairs[0]), keyStart(pairs[0]), `${text}, `);
      else edits.add(map.range![0], map.range![1], `{ ${text} }`);
      return;
    }
    if (pairs.length === 0) return;
    const indent = keyColumn(src, pairs[0]);
    const line = `${name}:${renderBlockValue(value, indent, { decimal })}`.replace(/\n/g, this.nl);
    if (after) {
      const at = pairEnd(src, after);
      const lead = at === src.length && !src.endsWith('\n') ? this.nl : '';
      edits.add(at, at, `${lead}${' '.repeat(indent)}${line}${this.nl}`);
      return;
    }
    const first = keyStart(pairs[0]);
    const ls = lineStart(src, first);
    if (src.slice(ls, first).trim() === '') edits.add(ls, ls, `${' '.repeat(indent)}${line}${this.nl}`);
    else edits.add(first, first, `${line}${this.nl}${' '.repeat(indent)}`);
  }

  /** Remove a pair of a block mapping with its lines. */
  removePair(map: YAMLMap, pair: Pair, edits = this.edits): void {
    edits.add(lineStart(this.src, keyStart(pair)), pairEnd(this.src, pair), '');
  }
}

/** The current value of a field, normalised like the desired model (defaults applied). */
function currentValue(f: EditField, node: Node | null | undefined): Value {
  if (f.part === 'scalar') {
    const raw = scalarValue(f.info, node);
    if (!f.info) return raw == null ? null : String(raw);
    return normalise(f.info, raw === undefined ? f.info.default : raw);
  }
  if (f.part === 'one') return node && isMap(node) ? elementValue(f.fields, node) : null;
  if (!node || !isSeq(node)) return [];
  const list = (node.items as Node[]).map((n) => elementValue(f.fields, n));
  if (f.ordered) return list;
  // Unordered lists compare sorted by key, as the diff does (reconcile/state.ts).
  const keyOf = (v: Value) => stableStringify(f.key.map((k) => (v as Record<string, Value> | null)?.[k] ?? null));
  return list.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
}

export function elementValue(fields: readonly FieldInfo[], node: Node): Value {
  if (!isMap(node)) return null;
  const raw: Record<string, unknown> = {};
  for (const f of fields) {
    const pair = pairOf(node, f.name);
    if (pair) raw[f.name] = scalarValue(f, pair.value as Node | null);
  }
  return normaliseElement(fields, raw);
}

/** A node as a plain value; a decimal written as a YAML number keeps its digits. */
function scalarValue(info: FieldInfo | undefined, node: Node | null | undefined): unknown {
  // Absent (the field takes its default) is not the same as an explicit null (the column stays NULL).
  if (node === undefined) return undefined;
  if (!node) return null;
  if (isScalar(node) && typeof node.value === 'number' && info?.type === 'decimal' && typeof node.source === 'string') return node.source;
  return node.toJSON();
}

/** The value a document writes for a field, or undefined when the field is left out. */
function written(f: EditField, want: Value): unknown {
  // NULL where the schema has a default is written as null: left out, the field would mean the default.
  if (want === null) return f.part === 'scalar' && f.info?.default != null ? null : undefined;
  if (f.part === 'scalar') return f.info ? exportValue(f.info, want) : want;
  if (f.part === 'one') return element(f.fields, want);
  const list = want as Value[];
  return list.length === 0 ? undefined : list.map((e) => element(f.fields, e));
}

function styleOf(node: Node | null | undefined): ValueStyle {
  if (!node || !isScalar(node)) return {};
  const s = node as Scalar;
  return { type: s.type, source: typeof s.source === 'string' ? s.source : undefined, number: typeof s.value === 'number' };
}

export function pairOf(map: YAMLMap, name: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => keyText(p) === name);
}

function keyText(pair: Pair): string {
  const key = pair.key as Node | null;
  return isScalar(key) ? String(key.value) : '';
}

function keyStart(pair: Pair): number {
  return (pair.key as Node).range![0];
}

function keyColumn(src: string, pair: Pair): number {
  const start = keyStart(pair);
  return start - lineStart(src, start);
}

function valueEnd(pair: Pair): number {
  const node = (pair.value ?? pair.key) as Node;
  return node.range![1];
}

/** Just after the `:` that follows a pair's key. */
function colonAfter(src: string, pair: Pair): number {
  return src.indexOf(':', (pair.key as Node).range![1]) + 1;
}

/** Just after a block pair: its value, a comment on the same line, and the newline. */
function pairEnd(src: string, pair: Pair): number {
  const node = (pair.value as Node | null)?.range ? (pair.value as Node) : (pair.key as Node);
  const end = node.range![1];
  return lineEnd(src, end);
}

/** A block mapping that is a list item: its first key follows the dash on the same line. */
function onDashLine(src: string, map: YAMLMap): boolean {
  const first = (map.items as Pair[])[0];
  if (!first) return false;
  const start = keyStart(first);
  return src.slice(lineStart(src, start), start).trim() !== '';
}

function isDecimal(f: EditField): boolean {
  return f.part === 'scalar' && f.info?.type === 'decimal';
}

export function fieldRank(fields: readonly FieldInfo[]): (name: string) => number {
  const names = fields.map((f) => f.name);
  return (name) => names.indexOf(name);
}

/** The document's top-level mapping, when it is one. */
export function documentMap(doc: Document): YAMLMap | undefined {
  return isMap(doc.contents) ? doc.contents : undefined;
}
