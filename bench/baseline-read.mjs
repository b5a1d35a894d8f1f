// The baseline a validate run is compared with: read every file of a config
// tree and split it into lines, nothing more. What validate costs beyond this
// is parsing and checking; run as a child so its memory is measured alone.
// Plain JavaScript, so no compiler's start-up is in the baseline.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name.startsWith('.') ? [] : walk(path);
    return /\.(ya?ml|csv)$/.test(e.name) ? [path] : [];
  }));
  return nested.flat();
}

const root = process.argv[2];
if (!root) throw new Error('usage: baseline-read.mjs <config dir>');
let lines = 0;
const files = await walk(root);
for (const file of files) lines += (await readFile(file, 'utf8')).split('\n').length;
process.stdout.write(JSON.stringify({ files: files.length, lines }) + '\n');
