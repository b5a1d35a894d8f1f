// Deeply nested YAML, generated, and (run as a script) the problems the
// loader's YAML reader reports for each input as JSON on stdout. The
// deep-nesting test runs this script in child processes with different
// stack sizes and requires the same answers from each.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYamlFile } from '../../../src/load/yaml.js';

export interface DeepInput {
  name: string;
  depth: number;
  text: string;
}

/** The shapes of nesting, each `depth` collections deep below the document's own mapping. */
const SHAPES: Record<string, (n: number) => string> = {
  'flow mappings': (n) => `kind: Carrier\nx: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
  'flow lists': (n) => `kind: Carrier\nx: ${'['.repeat(n)}1${']'.repeat(n)}\n`,
  'pairs in flow lists': (n) => `kind: Carrier\nx: ${'[a: '.repeat(n)}1${']'.repeat(n)}\n`,
  'block lists': (n) => `kind: Carrier\nx:\n${'- '.repeat(n)}1\n`,
  'block mappings': (n) => `kind: Carrier\n${Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
  'block mappings around flow lists': (n) => {
    const block = Math.floor(n / 2);
    const keys = Array.from({ length: block }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    return `kind: Carrier\n${keys} ${'['.repeat(n - block)}1${']'.repeat(n - block)}\n`;
  },
  'aliases of deep anchors': (n) => {
    const half = Math.ceil(n / 2);
    return `kind: Carrier\nanchor: &deep ${'['.repeat(half)}1${']'.repeat(half)}\nx: ${'['.repeat(n - half)}*deep${']'.repeat(n - half)}\n`;
  },
};

const DEPTHS = [1, 32, 62, 63, 64, 65, 66, 100, 127, 128, 129, 130, 200, 256, 257, 1000, 10_000];

export function deepInputs(): DeepInput[] {
  const out: DeepInput[] = [];
  for (const [shape, make] of Object.entries(SHAPES)) {
    for (const depth of DEPTHS) {
      // Indented block nesting grows with the square of its depth: 10,000 levels would be 50 MB.
      if (depth > 1000 && shape.startsWith('block')) continue;
      out.push({ name: `${shape}, ${depth} deep`, depth, text: make(depth) });
    }
  }
  return out;
}

/** Each input's problems as `line:column rule pointer message`. */
export function readAll(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const input of deepInputs()) {
    out[input.name] = parseYamlFile('deep.yaml', input.text).problems
      .map((p) => `${p.line}:${p.column} ${p.rule} ${p.path || '-'} ${p.message}`);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  process.stdout.write(JSON.stringify(readAll()));
}
