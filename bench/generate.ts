// Writes a synthetic config repository of any size in the examples' layout,
// for benchmarks: carriers with their interconnects and services, rating
// plans with CSV decks, categories and settings. The same options give
// byte-identical files (a seeded PRNG per file, no clock, fixed order), so
// timings of two revisions compare the same input. Transport addresses are
// unique across the whole config (10.0.0.0/8, from the interconnect's number),
// so the ingress overlap check has real work and no findings.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CATEGORY_CODES, GROUP_CODES, carrierCode, carrierYaml } from './generate-carrier.js';
import { planName, planSlug, planYaml, writeDeck } from './generate-rates.js';
import { createPrng } from './prng.js';

export interface GenerateOptions {
  carriers: number;
  interconnectsPerCarrier: number;
  servicesPerCarrier: number;
  ratingPlans: number;
  /** Total rates, spread evenly over the plans' decks. */
  rates: number;
  seed: number;
}

export const DEFAULT_OPTIONS: Readonly<GenerateOptions> = Object.freeze({
  carriers: 2000, interconnectsPerCarrier: 2, servicesPerCarrier: 2, ratingPlans: 100, rates: 1_000_000, seed: 1,
});

const WRITES_IN_FLIGHT = 32;

export async function generateConfig(dir: string, opts: GenerateOptions): Promise<{ files: number; bytes: number }> {
  checkOptions(opts);
  await mkdir(join(dir, 'carriers'), { recursive: true });
  await mkdir(join(dir, 'rating-plans', 'rates'), { recursive: true });
  const texts: [string, string][] = [
    ['categories.yaml', categoriesYaml()],
    ['settings.yaml', SETTINGS_YAML],
  ];
  const planNames = Array.from({ length: opts.ratingPlans }, (_, p) => planName(p));
  for (let i = 1; i <= opts.carriers; i++) {
    const shape = { index: i, interconnects: opts.interconnectsPerCarrier, services: opts.servicesPerCarrier, planNames };
    texts.push([`carriers/${carrierCode(i).toLowerCase()}.yaml`, carrierYaml(shape, createPrng(opts.seed * 7919 + i))]);
  }
  for (let p = 0; p < opts.ratingPlans; p++) texts.push([`rating-plans/${planSlug(p)}.yaml`, planYaml(p)]);
  let bytes = await writeAll(dir, texts);
  const perPlan = opts.ratingPlans ? Math.floor(opts.rates / opts.ratingPlans) : 0;
  for (let p = 0; p < opts.ratingPlans; p++) {
    const rows = perPlan + (p < opts.rates % opts.ratingPlans ? 1 : 0);
    const path = join(dir, 'rating-plans', 'rates', `${planSlug(p)}.csv`);
    bytes += await writeDeck(path, rows, createPrng(opts.seed * 104729 + p));
  }
  return { files: texts.length + opts.ratingPlans, bytes };
}

function checkOptions(o: GenerateOptions): void {
  for (const [name, value] of Object.entries(o)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number >= 0, not ${value}`);
  }
  if (o.servicesPerCarrier > 0 && o.interconnectsPerCarrier === 0) {
    throw new RangeError('services need an interconnect: set interconnectsPerCarrier >= 1');
  }
  if (o.rates > 0 && o.ratingPlans === 0) throw new RangeError('rates need a rating plan: set ratingPlans >= 1');
  if (o.carriers * o.interconnectsPerCarrier >= 2 ** 24 - 1) throw new RangeError('too many interconnects for unique addresses in 10.0.0.0/8');
}

async function writeAll(dir: string, texts: [string, string][]): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < texts.length; i += WRITES_IN_FLIGHT) {
    await Promise.all(texts.slice(i, i + WRITES_IN_FLIGHT).map(([file, text]) => {
      const buffer = Buffer.from(text);
      bytes += buffer.length;
      return writeFile(join(dir, ...file.split('/')), buffer);
    }));
  }
  return bytes;
}

function categoriesYaml(): string {
  const categories = CATEGORY_CODES.map((code, i) =>
    `kind: CustomerCategory\ncode: ${code}\nname: Category ${code}\ndisplayOrder: ${i + 1}\nisActive: true\nshowOnWebsite: true\ndefaultBillingType: postpaid\n`);
  const groups = GROUP_CODES.map((code, i) =>
    `kind: CustomerGroup\ncode: ${code}\ncategory: ${CATEGORY_CODES[i % CATEGORY_CODES.length]}\nname: Group ${code}\ndisplayOrder: ${i + 1}\nisActive: true\n`);
  return '# yaml-language-server: $schema=../schemas/customer-category.schema.json\n' + [...categories, ...groups].join('---\n');
}

const SETTINGS_YAML = `# yaml-language-server: $schema=../schemas/settings.schema.json
kind: Settings
guards: { maxDeletePercent: 25, refuseNonZeroBalanceDelete: true }
rateIncreaseNoticeDays: 7
prune: false
drift: report
`;
