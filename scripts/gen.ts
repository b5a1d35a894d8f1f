// Regenerates what derives from the JSON Schemas: the TypeScript types of
// the documents (src/model/types.generated.ts), each kind's compiled
// validator (src/model/validators.generated.ts), the field reference
// (docs/reference.md) and the README's reference region. `--check` writes
// nothing and exits 1 when a file is stale, for CI and test/model.
//
//   npx tsx scripts/gen.ts [--check]

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { newAjv } from '../src/model/schema-compiler.js';
import { KINDS } from '../src/model/kinds.js';
import { renderReadmeIndex, renderReference } from '../src/model/field-reference.js';
import { packageRoot, schemaOf } from '../src/model/schema-files.js';

export const README_START = '<!-- reference:start -->';
export const README_END = '<!-- reference:end -->';

/** A file the generator owns (or, for the README, the region it owns), with its wanted content. */
export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  content: string;
}

const BANNER = [
  '// Generated from schemas/*.schema.json by scripts/gen.ts (`npm run gen`); do not edit.',
  '// One interface per kind: what a YAML document of that kind may hold, before',
  '// defaults. Decimals are `string | number` as written; the loader keeps their text.',
].join('\n');

/** The TypeScript types of every kind's document (`CarrierDocument`, ...). */
export async function renderTypes(): Promise<string> {
  const parts: string[] = [];
  for (const spec of KINDS) {
    const schema = forTypes(structuredClone(schemaOf(spec.kind))) as JSONSchema;
    const root = `${spec.kind}Document`;
    const ts = await compile(schema, root, {
      bannerComment: '',
      additionalProperties: false,
      unknownAny: true,
      style: { singleQuote: true, printWidth: 100 },
      customName: (node, key) => (node === schema || key === undefined && node.title === schema.title ? root : undefined),
    });
    parts.push(ts.trim());
  }
  return `${BANNER}\n\n${parts.join('\n\n')}\n`;
}

/**
 * Drops what TypeScript cannot say and json-schema-to-typescript would
 * render as noise: an anyOf of formats (IPv4 or IPv6 is still a string)
 * and a oneOf of `required` alone (exactly one of rates/ratesFile).
 */
function forTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(forTypes);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'anyOf' && onlyKeyword(value, 'format')) continue;
    if (key === 'oneOf' && onlyKeyword(value, 'required')) continue;
    out[key] = forTypes(value);
  }
  return out;
}

function onlyKeyword(branches: unknown, keyword: string): boolean {
  return Array.isArray(branches) && branches.every((b) => typeof b === 'object' && b !== null && Object.keys(b).join() === keyword);
}

/**
 * Every kind's validator as an ES module: Ajv's standalone code, whose
 * require() calls (Ajv's runtime helpers, schema-runtime.ts) become imports.
 */
export function renderValidators(): string {
  const ajv = newAjv({ checkSchemas: true, standalone: true });
  for (const spec of KINDS) ajv.addSchema(schemaOf(spec.kind), spec.kind);
  const code = standaloneCode.default(ajv, Object.fromEntries(KINDS.map((spec) => [spec.kind, spec.kind])));
  const imports = new Map<string, string>();
  const body = code.replace(/^"use strict";\n?/, '').replace(/require\("([^"]+)"\)/g, (_, spec: string) => {
    let name = imports.get(spec);
    if (!name) imports.set(spec, (name = `runtime${imports.size}`));
    return name;
  });
  const lines = [...imports].map(([spec, name]) => (spec.startsWith('.')
    ? `import * as ${name} from '${spec}';`
    : `import ${name} from '${spec.endsWith('.js') ? spec : `${spec}.js`}';`));
  return [
    '// Generated from schemas/*.schema.json by scripts/gen.ts (`npm run gen`); do not edit.',
    '// Each kind\'s validator, compiled ahead of time by src/model/schema-compiler.ts.',
    '// @ts-nocheck',
    ...lines,
    body.trimEnd(),
    '',
  ].join('\n');
}

/** The README with its reference region replaced. */
export function renderReadme(current: string): string {
  const start = current.indexOf(README_START);
  const end = current.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${README_START} ... ${README_END} markers`);
  return `${current.slice(0, start + README_START.length)}\n${renderReadmeIndex()}\n${current.slice(end)}`;
}

/** Every generated file with the content it should have now. */
export async function generatedFiles(): Promise<GeneratedFile[]> {
  const root = packageRoot();
  return [
    { path: 'src/model/types.generated.ts', content: await renderTypes() },
    { path: 'src/model/validators.generated.ts', content: renderValidators() },
    { path: 'docs/reference.md', content: renderReference() },
    { path: 'README.md', content: renderReadme(readFileSync(join(root, 'README.md'), 'utf8')) },
  ];
}

/** Paths of generated files whose content on disk differs from what the schemas give. */
export async function staleFiles(): Promise<string[]> {
  const root = packageRoot();
  const stale: string[] = [];
  for (const file of await generatedFiles()) {
    const path = join(root, file.path);
    if (!existsSync(path) || readFileSync(path, 'utf8') !== file.content) stale.push(file.path);
  }
  return stale;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles();
    for (const path of stale) console.error(`${path} is stale: run npm run gen`);
    process.exitCode = stale.length > 0 ? 1 : 0;
    return;
  }
  const root = packageRoot();
  for (const file of await generatedFiles()) {
    const path = join(root, file.path);
    if (existsSync(path) && readFileSync(path, 'utf8') === file.content) continue;
    writeFileSync(path, file.content);
    console.log(`wrote ${file.path}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
