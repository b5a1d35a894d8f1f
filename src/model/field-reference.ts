// The reference of every kind and field, rendered as Markdown from the JSON
// Schemas and the kinds table: docs/reference.md in full, and a condensed
// index for the README. Pure: it takes nothing but what schemas.ts and
// kinds.ts hold and returns text, so the generator can both write and check
// it. It must never state a fact about a field that the schema does not.

import { KINDS, type KindSpec } from './kinds.js';
import { fieldInfo } from './schema-fields.js';
import { branches, deref, members, schemaOf, subschema, type SchemaNode } from './schema-files.js';
import type { SchemaDecimal } from './schema-keywords.js';
import { patternMessage } from './schema-patterns.js';

/** The kinds in the order a reader meets them. */
const DOC_ORDER = ['Carrier', 'Interconnect', 'Service', 'RatingPlan', 'CustomerCategory', 'CustomerGroup', 'Settings'];

function specsInOrder(): KindSpec[] {
  return DOC_ORDER.map((name) => KINDS.find((k) => k.kind === name)).filter((k): k is KindSpec => k !== undefined);
}

/** docs/reference.md. */
export function renderReference(): string {
  const out = [
    '# didsync field reference',
    '',
    'Generated from the JSON Schemas in `schemas/` by `npm run gen`; do not edit by hand.',
    '',
    'Every YAML document has a `kind`. Fields are the camelCase names of the DIDTron schema;',
    'references to other objects are written as their codes or names, never as ids. Fields',
    'DIDTron owns at run time (ids, shortcodes, timestamps, balances, spend counters,',
    '`uncommittedChanges`, `assigned`) are rejected. Decimals may be quoted or plain numbers;',
    'their digits are kept exactly, and more places than the column holds is an error.',
    '',
    ...specsInOrder().map((spec) => `- [${spec.kind}](#${spec.kind.toLowerCase()})`),
    '',
  ];
  for (const spec of specsInOrder()) out.push(...kindSection(spec));
  return `${out.join('\n').trimEnd()}\n`;
}

/** The condensed index written between the README markers. */
export function renderReadmeIndex(): string {
  const out = [
    'Full reference of every field: [docs/reference.md](docs/reference.md).',
    '',
    '| kind | schema | identity | required fields | nested parts |',
    '|---|---|---|---|---|',
  ];
  for (const spec of specsInOrder()) {
    const schema = schemaOf(spec.kind);
    const required = requiredOf(schema).filter((f) => f !== 'kind');
    const nested = spec.nested.map((n) => `\`${n.field}\``);
    if (spec.kind === 'RatingPlan') nested.push('`rates` or `ratesFile`');
    out.push(`| [${spec.kind}](docs/reference.md#${spec.kind.toLowerCase()}) | \`schemas/${spec.schema}\` | ${spec.identity.map((f) => `\`${f}\``).join(' + ') || '–'} | ${required.map((f) => `\`${f}\``).join(', ') || '–'} | ${nested.join(', ') || '–'} |`);
  }
  return out.join('\n');
}

function kindSection(spec: KindSpec): string[] {
  const schema = schemaOf(spec.kind);
  const facts = [
    `Schema: \`schemas/${spec.schema}\`.`,
    spec.table ? `Table: \`${spec.table}\`.` : 'Policy only: not stored in a DIDTron table.',
    spec.identity.length > 0 ? `Identity: ${spec.identity.map((f) => `\`${f}\``).join(' + ')}.` : '',
    spec.shortCodePrefix ? `Shortcode: assigned by didsync on create (\`${spec.shortCodePrefix}1\`, \`${spec.shortCodePrefix}2\`, ...).` : '',
  ].filter(Boolean);
  const out = [`## ${spec.kind}`, '', cell(String(schema.description ?? '')), '', facts.join(' '), ''];
  out.push(...fieldTable(schema, schema, (name) => columnOf(spec, name)));
  if (Array.isArray(schema.oneOf)) out.push('', `Exactly one of ${branches(schema, 'oneOf').map((b) => `\`${String((b.required as string[])[0])}\``).join(', ')} must be set.`);
  for (const part of spec.nested) {
    const def = members(schema, '$defs')[part.def];
    const key = part.key.length > 0 ? ` Matched by ${part.key.map((k) => `\`${k}\``).join(' + ')}.` : '';
    const order = part.orderColumn ? ` The list position is stored in \`${part.orderColumn}\`.` : '';
    const shape = part.cardinality === 'many' ? `\`${part.field}[]\`: a list of ${part.def}` : `\`${part.field}\`: one ${part.def}`;
    out.push('', `### ${spec.kind} ${shape}`, '', `${cell(String(def.description ?? ''))} Table \`${part.table}\`.${key}${order}`, '');
    out.push(...fieldTable(schema, def, (name) => nestedColumn(schema, def, name)));
  }
  for (const [name, raw] of Object.entries(members(schema, 'properties'))) {
    if (raw.$ref !== undefined || !subschema(raw, 'properties')) continue;
    out.push('', `### ${spec.kind} \`${name}\``, '', cell(String(raw.description ?? '')), '');
    out.push(...fieldTable(schema, raw, () => '–'));
  }
  if (spec.kind === 'RatingPlan') out.push(...rateSection(schema));
  out.push('');
  return out;
}

function rateSection(schema: SchemaNode): string[] {
  const def = members(schema, '$defs').Rate;
  const columns = Object.keys(members(def, 'properties'));
  return [
    '', '### RatingPlan `rates[]` and the rates CSV: Rate', '',
    `${cell(String(def.description ?? ''))} Table \`customer_rating_plan_rates\`.`,
    '',
    `A \`ratesFile\` CSV has a header row naming its columns: ${columns.map((c) => `\`${c}\``).join(', ')}; the required ones are ${requiredOf(def).map((c) => `\`${c}\``).join(', ')}. Empty optional cells mean absent. Errors name the CSV file and line.`,
    '',
    ...fieldTable(schema, def, (name) => nestedColumn(schema, def, name)),
  ];
}

function nestedColumn(schema: SchemaNode, def: SchemaNode, name: string): string {
  return `\`${fieldInfo(schema, name, members(def, 'properties')[name]).column}\``;
}

/** Where a top-level field of a kind is stored. */
function columnOf(spec: KindSpec, name: string): string {
  if (name === 'kind' || !spec.table) return '–';
  const reference = spec.references.find((r) => r.field === name);
  if (reference) return `\`${reference.column}\``;
  const part = spec.nested.find((n) => n.field === name);
  if (part) return `table \`${part.table}\``;
  if (name === 'rates' || name === 'ratesFile') return 'table `customer_rating_plan_rates`';
  return `\`${fieldInfo(schemaOf(spec.kind), name, members(schemaOf(spec.kind), 'properties')[name]).column}\``;
}

function fieldTable(schema: SchemaNode, objectNode: SchemaNode, column: (name: string) => string): string[] {
  const required = new Set(requiredOf(objectNode));
  const rows = ['| field | type | required | default | allowed values | column | description |', '|---|---|---|---|---|---|---|'];
  for (const [name, raw] of Object.entries(members(objectNode, 'properties'))) {
    const node = deref(schema, raw);
    const dflt = node.default === undefined ? '' : `\`${JSON.stringify(node.default)}\``;
    rows.push(`| \`${name}\` | ${typeWords(schema, raw)} | ${required.has(name) ? 'yes' : ''} | ${cell(dflt)} | ${cell(allowedWords(schema, node))} | ${column(name)} | ${cell(String(node.description ?? ''))} |`);
  }
  return rows;
}

function requiredOf(node: SchemaNode): string[] {
  return Array.isArray(node.required) ? node.required.map(String) : [];
}

function typeWords(schema: SchemaNode, raw: SchemaNode): string {
  const ref = typeof raw.$ref === 'string' ? raw.$ref.split('/').pop() : undefined;
  if (ref) return ref;
  const node = deref(schema, raw);
  const decimal = node['x-decimal'] as SchemaDecimal | undefined;
  if (decimal) return `decimal(${decimal.precision},${decimal.scale})`;
  if (node.const !== undefined) return 'string';
  if (Array.isArray(node.enum)) return 'enum';
  if (node.type === 'array') {
    const items = subschema(node, 'items') ?? {};
    return `list of ${typeWords(schema, items)}`;
  }
  if (node.type === 'object') {
    const values = subschema(node, 'additionalProperties');
    return values ? `map of ${typeWords(schema, values)}` : 'object';
  }
  if (typeof node.format === 'string' && (node.format === 'date' || node.format === 'date-time')) return node.format;
  return String(node.type ?? 'any');
}

function allowedWords(schema: SchemaNode, node: SchemaNode): string {
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${String(v)}\``).join(', ');
  const words: string[] = [];
  const decimal = node['x-decimal'] as SchemaDecimal | undefined;
  if (decimal) words.push(`at most ${decimal.scale} places, ${decimal.precision - decimal.scale} digits before the point`);
  if (decimal?.minimum !== undefined) words.push(`≥ ${decimal.minimum}`);
  if (node.minimum !== undefined && node.maximum !== undefined) words.push(`${String(node.minimum)} to ${String(node.maximum)}`);
  else if (node.minimum !== undefined) words.push(`≥ ${String(node.minimum)}`);
  else if (node.maximum !== undefined) words.push(`≤ ${String(node.maximum)}`);
  if (node.minLength === 1) words.push('not empty');
  if (typeof node.pattern === 'string') words.push(patternWords(node.pattern));
  if (typeof node.format === 'string' && node.format !== 'date' && node.format !== 'date-time') words.push(node.format);
  const formats = branches(node, 'anyOf').map((b) => b.format).filter((f): f is string => typeof f === 'string');
  if (formats.length > 0) words.push(formats.join(' or '));
  if (typeof node.maxLength === 'number') words.push(`at most ${node.maxLength} characters`);
  if (node.uniqueItems === true) words.push('no duplicates');
  const items = subschema(node, 'items');
  if (items) {
    const inner = allowedWords(schema, deref(schema, items));
    if (inner && items.$ref === undefined) words.push(`each: ${inner}`);
  }
  if (typeof node['x-ref'] === 'string') words.push(`${node['x-ref']} codes`);
  const names = subschema(node, 'propertyNames');
  if (typeof names?.pattern === 'string') words.push(`keys: ${patternWords(names.pattern)}`);
  const values = subschema(node, 'additionalProperties');
  if (values) {
    const inner = allowedWords(schema, values);
    if (inner) words.push(`values: ${inner}`);
  }
  return words.join('; ');
}

/** A pattern's rule as a table shows it: "a three-letter ...", "must not contain blanks". */
function patternWords(pattern: string): string {
  return patternMessage(pattern).replace(/^must be /, '');
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
