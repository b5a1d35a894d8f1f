// Runs only the loader stage (files -> documents and rate decks) over a
// config tree, so the benchmark can tell how much of validate's time is
// parsing and how much is checking. Prints counts; exits 1 on a problem.
// Plain JavaScript over the compiled loader (bench/cli.ts builds it), so it
// starts as fast as the installed command does.

import { loadConfig } from '../dist/load/index.js';

const root = process.argv[2];
if (!root) throw new Error('usage: load-only.mjs <config dir>');
const result = await loadConfig(root);
let rates = 0;
for (const deck of result.decks.values()) rates += deck.prefix.length;
process.stdout.write(JSON.stringify({ documents: result.documents.length, rates, problems: result.problems.length }) + '\n');
process.exitCode = result.problems.length === 0 ? 0 : 1;
