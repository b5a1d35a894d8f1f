// Turns Ajv's raw errors into what a network or billing engineer can act on:
// one issue per real problem, at the JSON Pointer of the offending value (or
// of the unknown or missing key itself), in words ("sipPort must be an
// integer between 1 and 65535 (got 70000)") with a hint where one helps
// ("did you mean 'capacityLimit'?"). anyOf/oneOf/if noise collapses into a
// single message. It must never drop an error without a message standing
// for it: whatever it does not recognise is passed on in Ajv's own words.

import type { ErrorObject } from 'ajv';
import { closest } from '../validate/did-you-mean.js';
import { branches, members, resolvePointer, subschema, type SchemaNode } from './schema-files.js';
import { patternMessage } from './schema-patterns.js';

/** One problem of a document against its kind's schema. */
export interface SchemaIssue {
  /** JSON Pointer of the value at fault; for an unknown or missing field, of that field. */
  path: string;
  /** What is wrong, naming the field. */
  message: string;
  /** Ajv keyword that failed (`additionalProperties`, `enum`, `x-decimal`, ...). */
  keyword: string;
  /** Advice, e.g. "did you mean 'capacityLimit'?". */
  hint?: string;
}

type Issue = SchemaIssue & { rank: number };

/** Which of several issues at one pointer is shown: the most basic one. */
const RANK: Record<string, number> = {
  type: 0, const: 1, enum: 1, 'x-decimal': 1, anyOf: 2, oneOf: 2, format: 2,
  minimum: 3, maximum: 3, exclusiveMinimum: 3, exclusiveMaximum: 3,
  minLength: 4, maxLength: 4, pattern: 5,
};

/** Human issues for a kind's raw Ajv errors (run with `verbose: true`). */
export function describeErrors(schema: SchemaNode, errors: readonly ErrorObject[]): SchemaIssue[] {
  const kept = withoutCombinatorNoise(errors);
  const byPath = new Map<string, Issue>();
  for (const error of kept) {
    const issue = describeError(schema, error);
    if (!issue) continue;
    const seen = byPath.get(issue.path);
    if (!seen || issue.rank < seen.rank) byPath.set(issue.path, issue);
  }
  return [...byPath.values()].map(({ rank: _rank, ...issue }) => issue);
}

/**
 * Errors inside an anyOf/oneOf branch (each branch's own failure) and the
 * `if` marker of if/then say nothing the combinator's one message does not;
 * so do the per-name errors of propertyNames.
 */
function withoutCombinatorNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const combinators = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    if (e.keyword !== 'propertyNames' && (e as { propertyName?: string }).propertyName !== undefined) return false;
    return !combinators.some((c) => c !== e && e.instancePath.startsWith(c.instancePath) && e.schemaPath.startsWith(`${c.schemaPath}/`));
  });
}

function describeError(schema: SchemaNode, e: ErrorObject): Issue | undefined {
  const parent = (e.parentSchema ?? {}) as SchemaNode;
  const label = labelOf(e.instancePath);
  const issue = (message: string, extra: Partial<SchemaIssue> = {}): Issue => ({
    path: e.instancePath, message, keyword: e.keyword, rank: RANK[e.keyword] ?? 6, ...extra,
  });
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownField(e, parent);
    case 'required':
      return missingField(schema, e);
    case 'propertyNames': {
      const name = String((e.params as { propertyName: string }).propertyName);
      const path = `${e.instancePath}/${pointerToken(name)}`;
      const rule = patternMessage(String(subschema(parent, 'propertyNames')?.pattern ?? ''));
      return { path, keyword: e.keyword, rank: 0, message: `key '${name}' of ${label} ${rule}` };
    }
    case 'type':
      return issue(...typeMessage(label, parent, e.data));
    case 'const':
      return issue(`${label} must be ${JSON.stringify(parent.const)}`);
    case 'enum':
      return enumIssue(label, parent, e, issue);
    case 'x-decimal':
      return issue(`${label}: ${e.message ?? 'not a valid decimal'}`);
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum':
      return issue(`${label} must be ${rangeWords(parent)} (got ${String(e.data)})`);
    case 'minLength':
      return issue(parent.minLength === 1 ? `${label} must not be empty` : `${label} must be at least ${String(parent.minLength)} characters`);
    case 'maxLength':
      return issue(`${label} must be at most ${String(parent.maxLength)} characters (it has ${String(e.data).length})`);
    case 'pattern':
      return issue(`${label} ${patternMessage(String(parent.pattern))} (got '${String(e.data)}')`);
    case 'format':
      return issue(`${label} must be ${formatWords(String((e.params as { format: string }).format))} (got '${String(e.data)}')`);
    case 'anyOf':
      return issue(`${label} must be ${alternativesWords(parent, e)}`);
    case 'oneOf':
      return oneOfIssue(e, parent, issue);
    case 'uniqueItems': {
      const { i, j } = e.params as { i: number; j: number };
      const later = Math.max(i, j);
      const item = Array.isArray(e.data) ? e.data[later] : undefined;
      return { ...issue(`${label} lists ${JSON.stringify(item)} more than once (entries ${Math.min(i, j)} and ${later})`), path: `${e.instancePath}/${later}` };
    }
    default:
      return issue(`${label} ${e.message ?? 'is not valid'}`);
  }
}

function unknownField(e: ErrorObject, parent: SchemaNode): Issue {
  const name = String((e.params as { additionalProperty: string }).additionalProperty);
  const allowed = Object.keys(members(parent, 'properties')).filter((p) => p !== 'kind');
  const guess = closest(name, allowed);
  const hint = guess !== undefined ? `did you mean '${guess}'?` : allowed.length > 0 ? `allowed fields here: ${allowed.join(', ')}` : undefined;
  const where = e.instancePath === '' ? '' : ` in ${labelOf(e.instancePath)}`;
  return {
    path: `${e.instancePath}/${pointerToken(name)}`, keyword: e.keyword, rank: 0,
    message: `unknown field '${name}'${where}`, ...(hint ? { hint } : {}),
  };
}

function missingField(schema: SchemaNode, e: ErrorObject): Issue {
  const name = String((e.params as { missingProperty: string }).missingProperty);
  const where = e.instancePath === '' ? '' : ` in ${labelOf(e.instancePath)}`;
  const condition = thenCondition(schema, e.schemaPath);
  return {
    path: `${e.instancePath}/${pointerToken(name)}`, keyword: e.keyword, rank: 0,
    message: `missing required field '${name}'${where}${condition ? ` (required when ${condition})` : ''}`,
  };
}

/** For a `required` inside if/then: the `if` condition in words ("assignmentType is groups"). */
function thenCondition(schema: SchemaNode, schemaPath: string): string | undefined {
  const at = schemaPath.lastIndexOf('/then/');
  if (at < 0) return undefined;
  const condition = resolvePointer(schema, `${schemaPath.slice(0, at)}/if`);
  const parts = Object.entries(members(condition, 'properties'))
    .filter(([, node]) => node.const !== undefined)
    .map(([field, node]) => `${field} is ${String(node.const)}`);
  return parts.length > 0 ? parts.join(' and ') : undefined;
}

function enumIssue(label: string, parent: SchemaNode, e: ErrorObject, issue: (m: string, x?: Partial<SchemaIssue>) => Issue): Issue {
  const allowed = (Array.isArray(parent.enum) ? parent.enum : []).map(String);
  const guess = typeof e.data === 'string' ? closest(e.data, allowed) : undefined;
  return issue(`${label} must be one of: ${allowed.join(', ')} (got ${JSON.stringify(e.data)})`, guess ? { hint: `did you mean '${guess}'?` } : {});
}

function oneOfIssue(e: ErrorObject, parent: SchemaNode, issue: (m: string, x?: Partial<SchemaIssue>) => Issue): Issue {
  const options = branches(parent, 'oneOf');
  const requiredOnly = options.every((b) => Object.keys(b).length === 1 && Array.isArray(b.required) && b.required.length === 1);
  if (!requiredOnly) return issue(`${labelOf(e.instancePath)} must match exactly one of its allowed forms`);
  const names = options.map((b) => String((b.required as string[])[0]));
  const data = (e.data ?? {}) as Record<string, unknown>;
  const present = names.filter((n) => Object.hasOwn(data, n));
  if (present.length > 1) {
    return {
      ...issue(`${present.join(' and ')} are both set; set exactly one of them`),
      path: `${e.instancePath}/${pointerToken(present[present.length - 1])}`,
      hint: `keep one of: ${present.join(', ')}`,
    };
  }
  return issue(`${labelOf(e.instancePath)} needs one of: ${names.join(', ')}`);
}

function typeMessage(label: string, parent: SchemaNode, data: unknown): [string, Partial<SchemaIssue>?] {
  if (parent['x-decimal'] !== undefined) {
    return [`${label} must be a decimal number, e.g. "12.50" (got ${describeValue(data)})`];
  }
  const types = Array.isArray(parent.type) ? parent.type.map(String) : [String(parent.type)];
  const wanted = types.map(typeWords).join(' or ');
  if (types.includes('string') && typeof data === 'number') {
    return [`${label} must be quoted text, not a number`, {
      hint: `write it in quotes (${label}: "${String(data)}"); unquoted, YAML reads a number and drops leading zeros`,
    }];
  }
  return [`${label} must be ${wanted} (got ${describeValue(data)})`];
}

function typeWords(type: string): string {
  const words: Record<string, string> = {
    string: 'text', integer: 'an integer', number: 'a number', boolean: 'true or false',
    array: 'a list', object: 'a mapping of fields', null: 'null',
  };
  return words[type] ?? type;
}

function describeValue(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping';
  if (typeof data === 'string') return `'${data}'`;
  return String(data);
}

function rangeWords(node: SchemaNode): string {
  const what = node.type === 'integer' ? 'an integer' : 'a number';
  const min = node.minimum ?? node.exclusiveMinimum;
  const max = node.maximum ?? node.exclusiveMaximum;
  const above = node.exclusiveMinimum !== undefined ? 'greater than' : 'at least';
  const below = node.exclusiveMaximum !== undefined ? 'less than' : 'at most';
  if (min !== undefined && max !== undefined && node.exclusiveMinimum === undefined && node.exclusiveMaximum === undefined) {
    return `${what} between ${String(min)} and ${String(max)}`;
  }
  if (node.exclusiveMinimum === undefined && node.exclusiveMaximum === undefined) {
    return min !== undefined ? `${what} of ${String(min)} or more` : `${what} of ${String(max)} or less`;
  }
  const parts = [min !== undefined ? `${above} ${String(min)}` : '', max !== undefined ? `${below} ${String(max)}` : ''].filter(Boolean);
  return `${what} ${parts.join(' and ')}`;
}

const FORMAT_WORDS: Record<string, string> = {
  email: 'an e-mail address',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  date: 'a date written YYYY-MM-DD, e.g. 2025-01-31',
  'date-time': 'a date and time with zone, e.g. 2025-01-01T00:00:00Z',
};

function formatWords(format: string): string {
  return FORMAT_WORDS[format] ?? `in format ${format}`;
}

/** anyOf of formats (IPv4 or IPv6) in words; anything else generically. */
function alternativesWords(parent: SchemaNode, e: ErrorObject): string {
  const formats = branches(parent, 'anyOf').map((b) => b.format);
  const shown = describeValue(e.data);
  if (formats.length > 0 && formats.every((f) => f === 'ipv4' || f === 'ipv6')) {
    return `an IPv4 or IPv6 address without prefix length (got ${shown})`;
  }
  if (formats.every((f) => typeof f === 'string')) return `${formats.map((f) => formatWords(String(f))).join(' or ')} (got ${shown})`;
  return `one of the allowed forms (got ${shown})`;
}

/** The field a pointer names, as messages show it: `sipPort`, `recipients[1]`, `the document`. */
export function labelOf(pointer: string): string {
  if (pointer === '') return 'the document';
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens[tokens.length - 1];
  if (/^[0-9]+$/.test(last) && tokens.length > 1) return `${tokens[tokens.length - 2]}[${last}]`;
  return last;
}

function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
