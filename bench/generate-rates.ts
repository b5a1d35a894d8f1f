// Generated rating plans: the plan YAML and its rate deck CSV. A deck is
// built in chunks of concatenated rows and written through one file handle,
// so a million rates take a few hundred milliseconds and never a million
// small strings held at once.

import { open } from 'node:fs/promises';
import { COUNTRIES } from './destinations.js';
import type { Prng } from './prng.js';

const HEADER = 'prefix,destination,rate,connectionFee,initialInterval,recurringInterval,effectiveDate,endDate\n';
const ROWS_PER_CHUNK = 50_000;
/** Every this many rates, one is an announced increase of the rate before it. */
const INCREASE_EVERY = 1000;

export function planName(p: number): string {
  return `Plan ${String(p + 1).padStart(3, '0')}`;
}

export function planSlug(p: number): string {
  return `plan-${String(p + 1).padStart(3, '0')}`;
}

export function planYaml(p: number): string {
  const currency = ['USD', 'EUR', 'GBP'][p % 3];
  return `# yaml-language-server: $schema=../../schemas/rating-plan.schema.json
kind: RatingPlan
name: ${planName(p)}
currency: ${currency}
timeZone: ${['UTC', 'Europe/London', 'America/New_York'][p % 3]}
defaultRates: block
marginEnforcement: warn
minMargin: "0.0005"
effectiveDate: "2025-01-01T00:00:00Z"
initialInterval: 60
recurringInterval: 60
selectedTimeClasses: [AllDay]
zonesSelect: all
ratesFile: rates/${planSlug(p)}.csv
`;
}

/** Writes a deck of exactly `rows` rates; returns the bytes written. */
export async function writeDeck(path: string, rows: number, prng: Prng): Promise<number> {
  const ccs = COUNTRIES.map((c) => c.cc);
  const fixed = COUNTRIES.map((c) => `${c.name} - Fixed`);
  const mobile = COUNTRIES.map((c) => `${c.name} - Mobile`);
  // prefixes: country code + a fixed-width number, so no two collide
  const width = String(Math.max(1, Math.ceil(rows / ccs.length) - 1)).length;
  const file = await open(path, 'w');
  let bytes = 0;
  try {
    let chunk = HEADER;
    let prefixCount = 0;
    let last = { prefix: '', destination: '', rate: 0 };
    for (let i = 0; i < rows; i++) {
      if (i % INCREASE_EVERY === INCREASE_EVERY - 1 && last.prefix !== '') {
        chunk += `${last.prefix},${last.destination},${rateText(Math.min(999999, last.rate + 1000))},,,,2027-03-01,\n`;
      } else {
        const c = prefixCount % ccs.length;
        const prefix = ccs[c] + String(Math.floor(prefixCount / ccs.length)).padStart(width, '0');
        const destination = prefixCount % 3 === 0 ? fixed[c] : mobile[c];
        const rate = 1 + prng.int(200_000);
        const fee = i % 50 === 0 ? '0.0100' : '';
        const intervals = i % 7 === 0 ? '1,1' : ',';
        const dated = i % 40 === 0 ? '2026-01-01' : '';
        chunk += `${prefix},${destination},${rateText(rate)},${fee},${intervals},${dated},\n`;
        last = { prefix, destination, rate };
        prefixCount++;
      }
      if ((i + 1) % ROWS_PER_CHUNK === 0) {
        bytes += await writeText(file, chunk);
        chunk = '';
      }
    }
    bytes += await writeText(file, chunk);
  } finally {
    await file.close();
  }
  return bytes;
}

/** Millionths as a six-place decimal below 1: 1234 -> 0.001234. */
function rateText(millionths: number): string {
  return `0.${String(millionths).padStart(6, '0')}`;
}

async function writeText(file: Awaited<ReturnType<typeof open>>, text: string): Promise<number> {
  const buffer = Buffer.from(text);
  await file.write(buffer);
  return buffer.length;
}
