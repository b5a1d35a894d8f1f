// The fast YAML reader (src/load/yaml-fast.ts) must read every file it
// accepts exactly as the careful reader does: the same values, positions,
// key positions and number sources, and no problem where the careful reader
// finds none. Checked on every YAML file of the repository's examples and
// tests (hostile ones included: it must decline those), on the benchmark's
// generated config, and on random documents in every style `yaml` writes.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { parseYamlFile } from '../../src/load/yaml.js';
import { NOT_ORDINARY, fastYamlDocuments, longLine } from '../../src/load/yaml-fast.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { decodeSource } from '../../src/load/source-text.js';
import { generateConfig } from '../../bench/generate.js';

const REPO = join(import.meta.dirname, '../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.git')) return [];
    const info = statSync(p, { throwIfNoEntry: false });
    if (!info) return [];
    if (info.isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(name) && info.size < 4 * 1024 * 1024 ? [p] : [];
  });
}

/** Both readers on one text; whether the fast one took it. */
function agree(file: string, input: string | Buffer): boolean {
  const source = decodeSource(file, input);
  if (!source.ok) return false;
  const careful = parseYamlFile(file, input, {}, { careful: true });
  const fast = fastYamlDocuments(file, source.text, DEFAULT_LIMITS.maxDepth, () => careful.documents);
  if (!fast) return false;
  assert.deepEqual(careful.problems, [], `${file}: the fast reader took a file with problems`);
  // The document's start is the fast reader's own; the other positions are the careful reading's, filled on first use.
  assert.deepEqual(fast.map((d) => d.positions.get('')), careful.documents.map((d) => d.positions.get('')), `${file}: document starts differ`);
  const plain = (docs: typeof fast) => docs.map((d) => ({ ...d, positions: new Map(d.positions), keyPositions: new Map(d.keyPositions) }));
  assert.deepEqual(plain(fast), plain(careful.documents), `${file}: the two readers differ`);
  return true;
}

test('on every YAML file of the examples and the tests, the fast reader agrees or declines', () => {
  let taken = 0;
  let examples = 0;
  const files = [...yamlFiles(join(REPO, 'examples')), ...yamlFiles(join(REPO, 'test'))];
  for (const f of files) {
    if (!agree(f.slice(REPO.length + 1), readFileSync(f))) continue;
    taken++;
    if (f.includes('/examples/') && !f.includes('/examples/ci/') && !f.includes('/examples/deploy/')) examples++;
  }
  assert.ok(files.length > 100, `${files.length} files`);
  assert.ok(taken > files.length / 3, `the fast reader took ${taken} of ${files.length}`);
  assert.ok(examples >= 10, `it takes the example config files (${examples})`);
});

test('on the benchmark config, the fast reader takes every file and agrees', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'didsync-fast-yaml-'));
  try {
    await generateConfig(dir, { carriers: 30, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 3, rates: 300, seed: 7 });
    const files = yamlFiles(dir);
    assert.ok(files.length > 30);
    for (const f of files) assert.ok(agree(f.slice(dir.length + 1), readFileSync(f, 'utf8')), `${f} is ordinary: the fast reader takes it`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const scalarArb = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' x', 'x ', 'a: b', '- x', '#c', 'null', '~', 'true', 'No', 'yes', '0x1F', '0o17', '1e3', '.inf', '.NaN', '-.5', '+1', '007',
    '12:30', '2025-01-01', '"q"', "it's", '[a]', '{a: 1}', '*x', '&y', '!t', '<<', '%x', '@x', '`x', 'é', '日本', '\u200b', 'a\nb', 'a  b'),
  fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null),
);
const keyArb = fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom('kind', '100relEnabled', '486', 'a b', 'x:y', '-k', '?k', 'true', '1.5'));
const valueArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalarArb, scalarArb, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(keyArb, tie('value'), { maxKeys: 4 }),
})).value;

test('on random documents in every style, the fast reader agrees or declines', () => {
  let taken = 0;
  fc.assert(fc.property(
    fc.array(fc.dictionary(keyArb, valueArb, { minKeys: 1, maxKeys: 5 }), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'), fc.boolean(), fc.boolean(),
    (docs, defaultStringType, flow, crlf) => {
      let text = docs.map((d) => stringify(d, { defaultStringType: defaultStringType as 'PLAIN', collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 })).join('---\n');
      if (crlf) text = text.replace(/\n/g, '\r\n');
      if (agree('random.yaml', text)) taken++;
    },
  ), { numRuns: 1500 });
  assert.ok(taken > 300, `the fast reader took ${taken} of 1500`);
});

/** Keys that, written plain, read as numbers, booleans or null: `yaml.stringify` quotes them, so the test below writes them plain. */
const typedKeyArb = fc.oneof(keyArb, fc.constantFrom('486', '1.50', '-7', '007', '0x1F', '0o17', '1e3', '.inf', '.NaN', 'true', 'False', 'null', '~'));

test('on random documents with plain keys that read as numbers, booleans or null, the fast reader agrees or declines', () => {
  let taken = 0;
  fc.assert(fc.property(
    fc.array(fc.dictionary(typedKeyArb, valueArb, { minKeys: 1, maxKeys: 5 }), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'), fc.boolean(),
    (docs, defaultStringType, flow) => {
      const text = docs.map((d) => stringify(d, { defaultStringType: defaultStringType as 'PLAIN', collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 }))
        .join('---\n')
        // A quoted key of such characters, unquoted: `"486": x` becomes `486: x`.
        .replace(/(["'])([-+.~\w]+)\1(?=:(?:[ \n]|$))/g, '$2');
      if (agree('typed-keys.yaml', text)) taken++;
    },
  ), { numRuns: 1500 });
  assert.ok(taken > 300, `the fast reader took ${taken} of 1500`);
});

test('a plain key that reads as a number or a boolean is kept as written, as the careful reader keeps it', () => {
  // A SIP response code as a key, unquoted: js-yaml had made it '[object Object]', and validate refused the config.
  for (const text of [
    'kind: Interconnect\nsip:\n  releaseCauseMapping: {486: 17, 503: 34}\n', 'kind: Interconnect\nsip:\n  releaseCauseMapping:\n    486: 17\n',
    'a: {1.50: x, 0x1F: y, true: z, 1e3: w, +1: v}\n',
  ]) {
    assert.ok(agree('keys.yaml', text), `the fast reader takes ${JSON.stringify(text)}`);
  }
  const [doc] = parseYamlFile('keys.yaml', 'kind: Interconnect\nsip:\n  releaseCauseMapping: {486: 17}\n').documents;
  const sip = (doc.data as { sip: { releaseCauseMapping: object } }).sip;
  assert.deepEqual(Object.keys(sip.releaseCauseMapping), ['486']);
});

/** Pieces of YAML where readers are known to part ways: folding, block scalars, comments, explicit keys, flow across lines. */
const FRAGMENTS = [
  'a: b\n', 'a: |\n  one\n  two\n', 'a: >-\n  folded\n  text\n\n  para\n', 'a: |+\n  keep\n\n', 'a: |2\n    indented\n',
  'a: plain\n  continued\n  lines\n', 'a: "double\n  folded"\n', "a: 'single\n\n  folded'\n", 'a: "esc \\t \\u00e9 \\x41 \\\\ \\" \\/"\n',
  '? a\n: b\n', '? [x, y]\n: z\n', 'a:\n', 'a: ~\n', 'a: # comment\n  b: 1\n', 'a: [1, 2,\n  3]\n', 'a: {b: 1,\n  c: 2}\n',
  'a: {b, c: d}\n', 'a: [b: c]\n', 'a:\n- 1\n- 2\n', 'a:\n  - b: 1\n    c: 2\n  - []\n', 'a: "#x" #y\n', 'a: b #c\n#d\n',
  '"a": 1\n', "'a b': 2\n", 'a: 0o7\n', 'a: 1_000\n', 'a: 2024-01-01\n', 'a: 1:20\n', 'a: -\n', 'a: - b\n', 'a: b: c\n',
  // Plain keys that read as numbers, booleans or null (the careful reader keeps the first two as written, refuses null).
  '486: 17\n', 'a: {486: 17, 1.50: x}\n', 'a:\n  true: 1\n  0x1F: 2\n', '~: x\n', 'a: {null: 1}\n',
  'a: !!str 1\n', 'a: &x 1\nb: *x\n', 'a: "\\0"\n', 'a: x\n...\n', 'a:    \n  b\n', 'a: "\\\n  b"\n', 'a: b\n\n\n', '   \n',
  // What the careful reader refuses and js-yaml might take: the fast reader must decline them.
  'a: "x"#c\n', 'a: b\n c: d\n', 'a:\n  - b\n  c: d\n', '- a\nb: c\n', 'a: [b\nc]\n', "a: 'open\n", 'a: &\n', 'a: @x\n', 'x\ny: 1\n',
  '"a\nb": c\n', 'a: |\n x\n  y\n', 'a:\n  b: 1\n   c: 2\n', `${'k'.repeat(1100)}: v\n`, 'a: b #c\nd\n', 'a: {b: 1}}\n', 'a: [1,,2]\n',
  'a: - - b\n', 'a:\n- b\n - c\n', 'a: `x`\n', 'a: b\n---x\n', 'a: "\\q"\n', "a: 'b''c'\n", 'a: b:\n', 'a: :b\n', 'a: b :c\n',
];

test('on random assemblies of tricky pieces, the fast reader agrees or declines', () => {
  let taken = 0;
  fc.assert(fc.property(
    fc.array(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
    fc.nat(3),
    (docs, indent) => {
      // Each piece under its own key, so keys do not repeat; indented one level under a parent sometimes.
      const body = (pieces: string[]) => pieces.map((p, i) => p.replace(/^a/, `k${i}`)).join('');
      const nest = (t: string) => (indent === 0 ? t : `top:\n${t.split('\n').map((l) => (l === '' ? l : '  ' + l)).join('\n')}`);
      if (agree('pieces.yaml', docs.map((d) => nest(body(d))).join('---\n'))) taken++;
    },
  ), { numRuns: 3000 });
  assert.ok(taken > 200, `the fast reader took ${taken} of 3000`);
});

/** The check as first written: one pattern with the multiline flag, slow on large files but plainly right. */
const NOT_ORDINARY_MULTILINE = /(?:^|[\s[{,])!|(?:^|\s)\?(?:\s|$)|[\]}]\s*:|^%|^ +\r?$|^[^\n]{1025}|["'\]}]#/m;

test('the check for what is not ordinary finds what the multiline pattern finds', () => {
  const piece = fc.oneof(
    fc.constantFrom('!', '?', '%', '#', ':', ' ', '  ', '\n', '\r\n', '\r', '\u2028', '\u2029', '[', ']', '{', '}', ',', '"', "'", 'a', 'ab', '\t'),
    fc.integer({ min: 1020, max: 1030 }).map((n) => 'x'.repeat(n)),
  );
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
    const text = pieces.join('');
    assert.equal(NOT_ORDINARY.test(text) || longLine(text), NOT_ORDINARY_MULTILINE.test(text), JSON.stringify(text.length > 60 ? text.replace(/x{20,}/g, (m) => `x*${m.length}`) : text));
  }), { numRuns: 5000 });
  for (const n of [1023, 1024, 1025, 1026]) {
    for (const text of ['x'.repeat(n), `a\n${'x'.repeat(n)}`, `${'x'.repeat(n)}\nb`, `${'x'.repeat(n - 1)}\r\n`]) {
      assert.equal(longLine(text), NOT_ORDINARY_MULTILINE.test(text), `${n} ${JSON.stringify(text.slice(-3))}`);
    }
  }
});
