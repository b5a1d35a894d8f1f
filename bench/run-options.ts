// The benchmark's command line: config sizes (as generate.ts names them),
// where the PostgreSQL server is, which databases to skip, PGlite's scale
// and the naive baseline's sample. Throws on a malformed value.

import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, type GenerateOptions } from './generate.js';

export interface RunOptions {
  options: GenerateOptions;
  /** A database on the server to create and drop the run's database through. */
  postgresUrl: string;
  skipPostgres: boolean;
  skipPglite: boolean;
  /** PGlite's config is this fraction of the carriers and rates (plans and per-carrier counts stay). */
  pgliteScale: number;
  /** Rows the naive upsert sends (default 2% of the rates, at most 20,000); its time is extrapolated to every row. */
  naiveSample: number;
  keep: boolean;
}

const SIZE_FLAGS: Record<string, keyof GenerateOptions> = {
  carriers: 'carriers', interconnects: 'interconnectsPerCarrier', services: 'servicesPerCarrier',
  plans: 'ratingPlans', rates: 'rates', seed: 'seed',
};
const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export function readRunOptions(argv: string[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      ...Object.fromEntries(Object.keys(SIZE_FLAGS).map((f) => [f, { type: 'string' as const }])),
      postgres: { type: 'string' },
      'skip-postgres': { type: 'boolean', default: false },
      'skip-pglite': { type: 'boolean', default: false },
      'pglite-scale': { type: 'string' },
      'naive-sample': { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const text = values as Record<string, string | boolean | undefined>;
  const options = { ...DEFAULT_OPTIONS };
  for (const [flag, field] of Object.entries(SIZE_FLAGS)) {
    const n = wholeNumber(flag, text[flag]);
    if (n !== undefined) options[field] = n;
  }
  const scale = text['pglite-scale'] === undefined ? 0.1 : Number(text['pglite-scale']);
  if (!(scale > 0 && scale <= 1)) throw new Error(`--pglite-scale needs a number in (0, 1], not '${String(text['pglite-scale'])}'`);
  return {
    options,
    postgresUrl: typeof text.postgres === 'string' ? text.postgres : process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES,
    skipPostgres: text['skip-postgres'] === true,
    skipPglite: text['skip-pglite'] === true,
    pgliteScale: scale,
    naiveSample: wholeNumber('naive-sample', text['naive-sample']) ?? Math.max(1, Math.min(20_000, Math.ceil(options.rates / 50))),
    keep: text.keep === true,
  };
}

/** PGlite's sizes: the carriers and rates scaled, at least one carrier. */
export function scaled(o: GenerateOptions, scale: number): GenerateOptions {
  return { ...o, carriers: Math.max(1, Math.round(o.carriers * scale)), rates: Math.round(o.rates * scale) };
}

function wholeNumber(flag: string, value: string | boolean | undefined): number | undefined {
  if (typeof value !== 'string') return undefined;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${flag} needs a whole number, not '${value}'`);
  return n;
}
