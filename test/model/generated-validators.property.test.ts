// The validators compiled ahead of time (src/model/validators.generated.ts)
// answer exactly as the same schemas compiled in process by Ajv: the same
// errors, in the same order, for every document of the examples and the
// test fixtures, and for those documents with any field replaced by a value
// of the wrong type, range, format or decimal shape.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { parseYamlFile } from '../../src/load/yaml.js';
import { isKindName, KIND_NAMES, type KindName } from '../../src/model/kinds.js';
import { newAjv } from '../../src/model/schema-compiler.js';
import { schemaOf } from '../../src/model/schema-files.js';
import { validatorOf } from '../../src/model/schema-validator.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const documents: Array<{ kind: KindName; data: Record<string, unknown> }> = [];
for (const file of [...yamlFiles('examples'), ...yamlFiles('test')]) {
  for (const doc of parseYamlFile(file, readFileSync(file)).documents) {
    if (isKindName(doc.kind)) documents.push({ kind: doc.kind, data: doc.data as Record<string, unknown> });
  }
}

const inProcess = newAjv({ checkSchemas: true });
const compiled = new Map<KindName, ValidateFunction>(KIND_NAMES.map((k) => [k, inProcess.compile(schemaOf(k))]));

/** Errors without the schema objects, which are equal in content but not the same objects. */
function errorsOf(validate: ValidateFunction, data: unknown): unknown[] {
  validate(data);
  return (validate.errors ?? []).map(({ schema: _s, parentSchema: _p, ...rest }) => rest);
}

function agree(kind: KindName, data: unknown): void {
  const expected = errorsOf(compiled.get(kind)!, data);
  const actual = errorsOf(validatorOf(kind), data);
  assert.deepEqual(actual, expected, `${kind}: ${JSON.stringify(data).slice(0, 300)}`);
  // The schema objects an error carries are the schema's own, in content.
  const viaGenerated = validatorOf(kind);
  viaGenerated(data);
  const viaAjv = compiled.get(kind)!;
  viaAjv(data);
  assert.deepEqual((viaGenerated.errors ?? []).map((e) => e.parentSchema), (viaAjv.errors ?? []).map((e) => e.parentSchema));
}

test('the fixtures cover every kind', () => {
  assert.deepEqual(new Set(documents.map((d) => d.kind)), new Set(KIND_NAMES));
  assert.ok(documents.length > 50, `${documents.length} documents`);
});

test('every example and fixture document gets the same errors from both', () => {
  for (const { kind, data } of documents) agree(kind, data);
});

/** Every path to a value inside a document, as keys. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (typeof value === 'object' && value !== null) return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return [at];
}

function replaced(data: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(data) ? [...data] : { ...(data as object) }) as Record<string | number, unknown>;
  const [head, ...rest] = path;
  copy[head!] = value === DELETE && rest.length === 0 ? undefined : replaced(copy[head!], rest, value);
  if (copy[head!] === undefined && !Array.isArray(copy)) delete copy[head!];
  return copy;
}

const DELETE = Symbol('delete');
const VALUES: unknown[] = [
  DELETE, null, true, -1, 0, 1.5, 1e21, '', 'x', ' padded ', '-0.01', '0.123456789', '12345678901234567890.5', '1e5',
  '2026-02-30', '2026-01-01T00:00:00Z', '2026-01-01T23:59:60Z', '0000-01-01T00:00:00Z', 'not-an-email', 'noc@example.com',
  '10.0.0.1', '10.0.0.256', '2001:db8::1', [], ['a'], {}, { unknown: 1 },
];

test('documents with any field replaced or removed get the same errors from both', () => {
  fc.assert(fc.property(fc.nat(), fc.nat(), fc.constantFrom(...VALUES), (d, p, value) => {
    const { kind, data } = documents[d % documents.length]!;
    const all = paths(data).filter((x) => x.length > 0);
    const path = all[p % all.length]!;
    agree(kind, replaced(data, path, value));
  }), { numRuns: 3000 });
});
