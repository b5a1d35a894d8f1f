// How exported values look in YAML: whole documents for new files, and the
// text of one value for the write-back editor, in block or flow context,
// keeping the quoting style of the value it replaces. One `yaml` Document
// renders every value, so export and write-back format alike. Pure.

import { Document, isScalar, Scalar, visit, type ToStringOptions } from 'yaml';
import { canonicalDecimal } from '../model/decimal.js';

const OPTIONS: ToStringOptions = { lineWidth: 0, flowCollectionPadding: false };

/** A whole document: lists of plain values in flow style (`[a, b]`), everything else in block style. */
export function renderDocument(data: Record<string, unknown>): string {
  const doc = new Document(data);
  flowScalarLists(doc);
  return doc.toString(OPTIONS);
}

function flowScalarLists(doc: Document): void {
  visit(doc, {
    Seq(_key, node) {
      const oneLine = (i: unknown) => isScalar(i) && !(typeof i.value === 'string' && /[\n\r]/.test(i.value));
      if (node.items.length > 0 && node.items.every(oneLine)) node.flow = true;
    },
  });
}

/** What the replaced value looked like: its scalar style and, for decimals, its digits. */
export interface ValueStyle {
  type?: Scalar.Type;
  /** Source text of a number, e.g. `2500.00`, to keep the number of decimal places. */
  source?: string;
  /** The old value was a YAML number (a decimal written unquoted). */
  number?: boolean;
}

/**
 * The text following `key:` for a value in block context at a key indented
 * `indent` columns: ` value` for one line, or `\n` and indented lines for a
 * block collection or block scalar. No trailing newline.
 */
export function renderBlockValue(value: unknown, indent: number, opts: { decimal?: boolean; style?: ValueStyle } = {}): string {
  const simple = simpleScalar(value, opts, false);
  if (simple !== undefined) return ` ${simple}`;
  const doc = new Document({ k: value });
  flowScalarLists(doc);
  const node = doc.get('k', true);
  if (isScalar(node) && typeof value === 'string' && opts.style?.type?.startsWith('BLOCK') && value.includes('\n')) node.type = opts.style.type!;
  const text = doc.toString(OPTIONS).replace(/\n$/, '');
  const rest = text.slice(2); // after `k:`
  return rest.split('\n').map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(indent) + line)).join('\n');
}

/**
 * A value inside a flow collection (`{ a: 1 }`, `[a, b]`), on one line.
 * `padded`: spaces inside the brackets (default: for mappings, not lists).
 */
export function renderFlowValue(value: unknown, opts: { decimal?: boolean; style?: ValueStyle; padded?: boolean } = {}): string {
  const simple = simpleScalar(value, opts, true);
  if (simple !== undefined) return simple;
  const doc = new Document([value]);
  visit(doc, {
    Map(_k, node) { node.flow = true; },
    Seq(_k, node) { node.flow = true; },
    // A flow collection is one line: line breaks inside strings are escaped.
    Scalar(_k, node) { if (typeof node.value === 'string' && /[\n\r]/.test(node.value)) node.type = 'QUOTE_DOUBLE'; },
  });
  const padded = opts.padded ?? !Array.isArray(value);
  const text = doc.toString({ ...OPTIONS, flowCollectionPadding: padded }).trim();
  return padded ? text.slice(2, -2) : text.slice(1, -1); // inside the outer `[ ` ... ` ]`
}

/** One list item in block context at a dash in column `indent`: `- ...` lines, no trailing newline. */
export function renderBlockItem(value: unknown, indent: number, flowItem: boolean): string {
  if (flowItem) return `${' '.repeat(indent)}- ${renderFlowValue(value, { padded: true })}`;
  const doc = new Document([value]);
  flowScalarLists(doc);
  const text = doc.toString(OPTIONS).replace(/\n$/, '');
  return text.split('\n').map((line) => (line === '' ? line : ' '.repeat(indent) + line)).join('\n');
}

/**
 * Scalars whose text we write ourselves: numbers, booleans, decimals in the
 * style they had, and strings in the quotes they had. Undefined: let the
 * `yaml` package choose (plain when it reads back as the same string).
 */
function simpleScalar(value: unknown, opts: { decimal?: boolean; style?: ValueStyle }, flow: boolean): string | undefined {
  const style = opts.style ?? {};
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') return undefined;
  if (opts.decimal) {
    const digits = withScaleOf(value, style.source);
    if (style.number) return digits;
    return style.type === 'QUOTE_SINGLE' ? `'${digits}'` : JSON.stringify(digits);
  }
  if (style.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
  if (style.type === 'QUOTE_SINGLE' && !/[\n\r\t\u0000-\u001f]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  if (value.includes('\n') && flow) return JSON.stringify(value);
  return undefined;
}

/**
 * A canonical decimal written with at least as many decimal places as the
 * text it replaces: `0.009` replacing `0.0080` is `0.0090`.
 */
export function withScaleOf(decimal: string, template: string | undefined): string {
  if (!template || canonicalDecimal(decimal) === undefined) return decimal;
  const want = /\.(\d+)$/.exec(template.trim())?.[1].length ?? 0;
  const [int, frac = ''] = decimal.split('.');
  if (frac.length >= want) return decimal;
  return `${int}.${frac.padEnd(want, '0')}`;
}
