// Writes the example rate decks, examples/rating-plans/rates/<slug>.csv, from
// the destination catalogue with fixed seeds: `npx tsx scripts/gen-examples.ts`.
// The CSVs are committed; a test checks they still equal this output, so the
// fixture every feature applies never drifts from its recipe by hand edits.

import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { COUNTRIES, NANP_EXCLUDED, NANP_OTHERS, SPECIALS, type Country } from '../bench/destinations.js';
import { createPrng, type Prng } from '../bench/prng.js';

export interface DeckProfile {
  slug: string;
  seed: number;
  /** USD -> the plan's currency. */
  fx: number;
  /** Sell price over the catalogue's cost. */
  markup: number;
  /** Interval overrides by country code, `[initial, recurring]`; others use the plan's. */
  intervals: Record<string, [number, number]>;
}

export const EXAMPLE_DECKS: readonly DeckProfile[] = [
  { slug: 'uk-wholesale', seed: 44, fx: 0.79, markup: 1.12, intervals: { '1': [6, 6], '52': [60, 60] } },
  { slug: 'global-standard', seed: 1, fx: 1, markup: 1.08, intervals: { '1': [6, 6], '91': [1, 1], '880': [1, 1] } },
  { slug: 'global-premium', seed: 7, fx: 1, markup: 1.35, intervals: { '1': [6, 6], '44': [1, 1], '49': [1, 1] } },
];

export const RATES_HEADER = 'prefix,destination,rate,connectionFee,initialInterval,recurringInterval,effectiveDate,endDate';

interface Destination { prefix: string; destination: string; cc: string; usd: number; feeUsd?: number }

interface Row { prefix: string; destination: string; rate: string; fee: string; intervals: string; effective: string; end: string }

const PAST_DATES = ['2025-01-01', '2025-04-01', '2025-07-01', '2026-01-01', '2026-06-01', '2026-10-01'];
/** Announced increases: [effective, end date of the rate it replaces]. */
const INCREASES: [string, string][] = [['2027-03-01', '2027-02-28'], ['2027-04-01', '2027-03-31']];

/** Seed of the operator split: one answer for every deck, as in the real numbering plan. */
const CATALOGUE_SEED = 2025;

/** Every destination of the catalogue, one per distinct prefix, in catalogue order. */
export function destinations(): Destination[] {
  const prng = createPrng(CATALOGUE_SEED);
  const out: Destination[] = [];
  const seen = new Set<string>();
  const add = (d: Destination) => {
    if (!seen.has(d.prefix)) { seen.add(d.prefix); out.push(d); }
  };
  add({ prefix: '1', destination: 'United States', cc: '1', usd: 0.004 });
  for (const [area, name, usd] of NANP_OTHERS) add({ prefix: `1${area}`, destination: name, cc: '1', usd });
  for (let n = 2; n <= 9; n++) {
    for (let m = 0; m <= 8; m++) {
      for (let x = 0; x <= 9; x++) {
        const area = `${n}${m}${x}`;
        if (m === 1 && x === 1) continue;
        if (!NANP_EXCLUDED.has(area)) add({ prefix: `1${area}`, destination: 'United States', cc: '1', usd: 0.004 });
      }
    }
  }
  for (const s of SPECIALS) add({ ...s, cc: s.prefix });
  for (const country of COUNTRIES) countryDestinations(country, prng).forEach(add);
  return out;
}

function countryDestinations(k: Country, prng: Prng): Destination[] {
  const out: Destination[] = [{ prefix: k.cc, destination: `${k.name} - Fixed`, cc: k.cc, usd: k.fixedUsd }];
  for (const [city, area] of k.cities) {
    out.push({ prefix: k.cc + area, destination: `${k.name} - ${city}`, cc: k.cc, usd: k.fixedUsd * 0.9 });
  }
  const mobile = (prefix: string, operator?: string): Destination => ({
    prefix, cc: k.cc, usd: k.mobileUsd,
    destination: operator ? `${k.name} - Mobile ${operator}` : `${k.name} - Mobile`,
  });
  if (k.mobileAll) out.push(mobile(k.cc + k.mobileAll));
  for (const root of k.mobile) {
    out.push(mobile(k.cc + root));
    for (let d = 0; d <= 9; d++) {
      const block = k.cc + root + d;
      const operator = prng.pick(k.operators);
      out.push(mobile(block, operator));
      if (k.depth < 2) continue;
      // number portability leaves a few sub-blocks with another operator
      for (let e = 0; e <= 9; e++) out.push(mobile(block + e, prng.next() < 0.2 ? prng.pick(k.operators) : operator));
    }
  }
  return out;
}

/** Six places at most, at least four: 0.0123, 0.012345. */
export function money(value: number): string {
  return value.toFixed(6).replace(/(\.\d{4}\d*?)0+$/, '$1');
}

function rows(profile: DeckProfile): Row[] {
  const prng = createPrng(profile.seed);
  const out: Row[] = [];
  destinations().forEach((d, i) => {
    const cost = d.usd * profile.fx * profile.markup;
    const rate = cost * (0.92 + 0.2 * prng.next());
    const iv = profile.intervals[d.cc];
    const base: Row = {
      prefix: d.prefix, destination: d.destination, rate: money(rate),
      fee: d.feeUsd === undefined ? '' : money(d.feeUsd * profile.fx),
      intervals: iv ? `${iv[0]},${iv[1]}` : ',',
      effective: prng.next() < 0.08 ? prng.pick(PAST_DATES) : '', end: '',
    };
    out.push(base);
    if (i % 397 === 200) {
      const [effective, end] = INCREASES[(i >> 1) % INCREASES.length];
      base.end = end;
      out.push({ ...base, rate: money(rate * (1.08 + 0.22 * prng.next())), effective, end: '' });
    } else if (i % 911 === 450) {
      out.push({ ...base, rate: money(rate * 0.85), effective: '2026-11-01', end: '2026-12-31' });
    }
  });
  return out.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : a.effective < b.effective ? -1 : 1));
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of one example deck. */
export function buildDeck(profile: DeckProfile): string {
  const lines = [RATES_HEADER];
  for (const r of rows(profile)) {
    lines.push(`${r.prefix},${csvCell(r.destination)},${r.rate},${r.fee},${r.intervals},${r.effective},${r.end}`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const dir = fileURLToPath(new URL('../examples/rating-plans/rates/', import.meta.url));
  await mkdir(dir, { recursive: true });
  for (const profile of EXAMPLE_DECKS) {
    const text = buildDeck(profile);
    await writeFile(`${dir}${profile.slug}.csv`, text);
    process.stdout.write(`rates/${profile.slug}.csv: ${text.split('\n').length - 2} rates\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
