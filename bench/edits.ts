// The changes the benchmark plans and applies, made to a generated config in
// place and deterministically: the same config always gets the same edits.
// Only generated files are edited; a file not in the generator's shape is an
// error here, not a silently different benchmark.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { carrierCode } from './generate-carrier.js';

export interface RateEdits {
  decks: number;
  rows: number;
}

const RATE_COLUMN = 2;

/**
 * Lowers the rate of every `every`-th data row of every deck by one
 * millionth (raises it where it is already the smallest): a change spread
 * over every plan that no rate-increase notice guard can refuse.
 */
export async function changeRates(dir: string, every = 100): Promise<RateEdits> {
  const decksDir = join(dir, 'rating-plans', 'rates');
  const files = (await readdir(decksDir)).filter((f) => f.endsWith('.csv')).sort();
  let rows = 0;
  for (const file of files) {
    const path = join(decksDir, file);
    const lines = (await readFile(path, 'utf8')).split('\n');
    for (let i = every; i < lines.length; i += every) {
      if (lines[i] === '') continue;
      lines[i] = withRateChanged(lines[i], `${file}:${i + 1}`);
      rows++;
    }
    await writeFile(path, lines.join('\n'));
  }
  return { decks: files.length, rows };
}

function withRateChanged(line: string, where: string): string {
  if (line.includes('"')) throw new Error(`${where}: quoted CSV field; only generated decks can be edited`);
  const cells = line.split(',');
  const millionths = Math.round(Number(cells[RATE_COLUMN]) * 1e6);
  if (!Number.isSafeInteger(millionths) || millionths < 0) throw new Error(`${where}: no rate in column ${RATE_COLUMN + 1}`);
  cells[RATE_COLUMN] = ((millionths > 1 ? millionths - 1 : millionths + 1) / 1e6).toFixed(6);
  return cells.join(',');
}

/** Raises the first carrier's own capacityLimit by one: a one-line change. Returns the file's config path. */
export async function changeOneCarrier(dir: string): Promise<string> {
  const file = `carriers/${carrierCode(1).toLowerCase()}.yaml`;
  const path = join(dir, ...file.split('/'));
  const text = await readFile(path, 'utf8');
  // the first capacityLimit is the Carrier's; interconnects come after it
  const edited = text.replace(/^capacityLimit: (\d+)$/m, (_, n: string) => `capacityLimit: ${Number(n) + 1}`);
  if (edited === text) throw new Error(`${file}: no capacityLimit line to change`);
  await writeFile(path, edited);
  return file;
}
