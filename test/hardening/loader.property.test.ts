// Random input through the whole front end (files on disk -> loadConfig ->
// validateRoot): valid configs mutated a little (the mistakes people and
// merges make) and raw random bytes, as YAML and as a rates CSV. Whatever
// comes in, nothing is thrown, and the answer is either a desired state with
// no problems or problems that each name a file of the config, a line and a
// column (1-based), a rule and a message.

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import fc from 'fast-check';
import type { Rule } from '../../src/report/problem.js';
import { checkRoot, validateRoot } from '../../src/validate/index.js';
import { MINIMAL, updateConfig } from '../support/config.js';
import { recordResult } from './support/results.js';

const RULES = new Set<Rule>(['syntax', 'schema', 'runtime', 'decimal', 'duplicate', 'reference', 'semantic', 'path', 'limit']);
const YAML_FILE = 'config.yaml';
const CSV_FILE = 'rates/uk-wholesale.csv';
const RUNS = Number(process.env.DIDSYNC_PROPERTY_RUNS ?? 400);

const base = await mkdtemp(join(tmpdir(), 'didsync-property-'));
after(() => rm(base, { recursive: true, force: true }));
let counter = 0;

const YAML_TOKENS = [
  ': ', '- ', '  ', '\t', '\n', '\r\n', '"', "'", '{', '}', '[', ']', ',', '#', '&a ', '*a', '<<: ', '? ', '|\n', '>-\n',
  '---\n', '...\n', '%YAML 1.2\n', '!!str ', '!!binary ', '!!js/function ', '!foo ', '__proto__: ', 'constructor: ',
  'kind: Carrier\n', 'kind: RatingPlan\n', 'ratesFile: ../x.csv\n', 'ratesFile: /etc/passwd\n', 'rates: []\n',
  '1e400', '-0', '0x1F', '.nan', '2147483648', '99999999999999999999', '0.1234567', '2026-02-30', '0000-01-01',
  '~', 'null', 'yes', '\ufeff', '\u200b', '\u202e', 'е', 'ＡＣＭＥ', '\\0', '"\\e"', '\u0085', '😀', 'x'.repeat(300),
];
const CSV_TOKENS = [
  ',', '"', '""', '\n', '\r\n', '\r', '44', '4420', '+44', '-1', '0', '0.1', '1e3', '0.1234567', '1234567.1',
  '2025-01-01', '2026-02-30', '10000-01-01', 'UK', '\ufeff', '\t', ' ', 'prefix', 'destination', 'rate',
  'connectionFee', 'effectiveDate', 'endDate', '__proto__', '\\N', '\\.', 'é', '\u001b[2J', 'x'.repeat(300),
];

type Edit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate-line'; line: number }
  | { op: 'swap-lines'; a: number; b: number };

function edits(tokens: readonly string[]): fc.Arbitrary<Edit[]> {
  const at = fc.nat({ max: 10_000 });
  return fc.array(fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at, text: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })) }),
    fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat({ max: 200 }) }),
    fc.record({ op: fc.constant('swap-lines' as const), a: fc.nat({ max: 200 }), b: fc.nat({ max: 200 }) }),
  ), { minLength: 1, maxLength: 6 });
}

function mutate(text: string, list: Edit[]): string {
  let out = text;
  for (const e of list) {
    if (e.op === 'insert') {
      const i = e.at % (out.length + 1);
      out = out.slice(0, i) + e.text + out.slice(i);
    } else if (e.op === 'delete') {
      const i = e.at % (out.length + 1);
      out = out.slice(0, i) + out.slice(i + e.length);
    } else {
      const lines = out.split('\n');
      if (e.op === 'duplicate-line') {
        const i = e.line % lines.length;
        lines.splice(i, 0, lines[i]);
      } else {
        const a = e.a % lines.length;
        const b = e.b % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
      }
      out = lines.join('\n');
    }
  }
  return out;
}

const bytes = fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a));
const mutatedYaml = edits(YAML_TOKENS).map((e) => mutate(MINIMAL['config.yaml'], e));
const mutatedCsv = edits(CSV_TOKENS).map((e) => mutate(MINIMAL['rates/uk-wholesale.csv'], e));

/** A config root: the YAML and the CSV, each valid, mutated or random bytes (at least one of them not valid). */
const configs = fc.oneof(
  fc.record({ yaml: mutatedYaml.map((s): string | Buffer => s), csv: fc.constant<string | Buffer>(MINIMAL['rates/uk-wholesale.csv']) }),
  fc.record({ yaml: fc.constant<string | Buffer>(MINIMAL['config.yaml']), csv: mutatedCsv.map((s): string | Buffer => s) }),
  fc.record({ yaml: mutatedYaml.map((s): string | Buffer => s), csv: mutatedCsv.map((s): string | Buffer => s) }),
  fc.record({ yaml: bytes, csv: fc.constant<string | Buffer>(MINIMAL['rates/uk-wholesale.csv']) }),
  fc.record({ yaml: fc.constant<string | Buffer>(MINIMAL['config.yaml']), csv: bytes }),
  fc.record({ yaml: bytes, csv: bytes }),
);

const outcome = { valid: 0, refused: 0, problems: 0 };

async function check(files: { yaml: string | Buffer; csv: string | Buffer }): Promise<void> {
  const root = join(base, String(counter++));
  await updateConfig(root, {});
  const { writeFile, mkdir } = await import('node:fs/promises');
  await mkdir(join(root, 'rates'), { recursive: true });
  await writeFile(join(root, YAML_FILE), files.yaml);
  await writeFile(join(root, CSV_FILE), files.csv);
  const { desired, problems } = await validateRoot(root);
  // `validate` checks decks as it reads them and keeps no rows: it must find exactly the same.
  // Every twentieth run checks the deck in a worker thread, as a large deck is (a worker takes about 0.2 s to start here).
  const checked = await checkRoot(root, counter % 20 === 0 ? { decks: { inlineBytes: 0 } } : {});
  assert.deepEqual(checked.problems, problems);
  assert.equal(checked.rates, desired ? desired.objects.reduce((n, o) => n + (o.rates?.prefix.length ?? 0), 0) : 0);
  if (desired) {
    assert.deepEqual(problems, []);
    assert.ok(Array.isArray(desired.objects));
    outcome.valid++;
  } else {
    assert.ok(problems.length > 0, 'no desired state and no problem');
    outcome.refused++;
    outcome.problems += problems.length;
  }
  for (const p of problems) {
    const where = `${p.file}:${p.line}:${p.column} ${p.rule} ${p.message}`;
    assert.ok(p.file === YAML_FILE || p.file === CSV_FILE, `unknown file in ${where}`);
    assert.ok(Number.isInteger(p.line) && p.line >= 1, `line in ${where}`);
    assert.ok(Number.isInteger(p.column) && p.column >= 1, `column in ${where}`);
    assert.ok(RULES.has(p.rule), `rule in ${where}`);
    assert.ok(typeof p.message === 'string' && p.message.trim().length > 0, `message in ${where}`);
    assert.ok(typeof p.path === 'string' && (p.path === '' || p.path.startsWith('/')), `pointer in ${where}`);
  }
  await rm(root, { recursive: true, force: true });
}

const NAME = 'random and mutated YAML and CSV: never a throw; a valid model or located problems';
test(NAME, { timeout: 240_000 }, async () => {
  const started = performance.now();
  await fc.assert(fc.asyncProperty(configs, check), { numRuns: RUNS, seed: Number(process.env.DIDSYNC_PROPERTY_SEED ?? 7) });
  recordResult({
    area: 'Random input', fault: 'mutated valid configs and random bytes as YAML and rates CSV (fast-check)', database: '-',
    cases: outcome.valid + outcome.refused,
    outcome: `no exception; ${outcome.valid} valid models, ${outcome.refused} refused with ${outcome.problems} problems, each with a file, line >= 1, column >= 1, rule and message`,
    test: NAME, seconds: Math.round((performance.now() - started) / 1000),
  });
});
