// `npm run bench [-- --carriers N --rates N ...]`: generates a config of the
// given size in a temporary folder, runs each step of steps.ts against it,
// prints a table and writes bench/results/latest.json. Exits 1 when a step
// with a target fails it, so CI can run the benchmark as a check.

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, type GenerateOptions } from './generate.js';
import { formatTable, resultsJson, stepResult, type StepResult } from './report.js';
import { STEPS } from './steps.js';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const FLAGS: Record<string, keyof GenerateOptions> = {
  carriers: 'carriers', interconnects: 'interconnectsPerCarrier', services: 'servicesPerCarrier',
  plans: 'ratingPlans', rates: 'rates', seed: 'seed',
};

function readOptions(): { options: GenerateOptions; keep: boolean } {
  const { values } = parseArgs({
    allowPositionals: false,
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' as const }])),
      keep: { type: 'boolean', default: false },
    },
  });
  const options = { ...DEFAULT_OPTIONS };
  for (const [flag, field] of Object.entries(FLAGS)) {
    const text = (values as Record<string, unknown>)[flag];
    if (typeof text !== 'string') continue;
    const n = Number(text.replace(/_/g, ''));
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${flag} needs a whole number, not '${text}'`);
    options[field] = n;
  }
  return { options, keep: values.keep === true };
}

async function main(): Promise<number> {
  const { options, keep } = readOptions();
  const dir = await mkdtemp(join(tmpdir(), 'didsync-bench-'));
  const results: StepResult[] = [];
  try {
    for (const step of STEPS) {
      process.stderr.write(`bench: ${step.name}...\n`);
      const outcome = await step.run({ dir, repoRoot: REPO_ROOT, options });
      results.push(stepResult(step, outcome, results));
    }
  } finally {
    if (keep) process.stderr.write(`bench: config kept in ${dir}\n`);
    else await rm(dir, { recursive: true, force: true });
  }
  process.stdout.write(`${formatTable(results)}\n`);
  const out = join(REPO_ROOT, 'bench', 'results');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'latest.json'), JSON.stringify(resultsJson(options, results), null, 2) + '\n');
  return results.some((r) => r.pass === false || r.status === 'failed') ? 1 : 0;
}

process.exitCode = await main();
