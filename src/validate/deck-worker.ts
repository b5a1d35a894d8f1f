// A worker thread that checks rate decks for DeckChecks (deck-checks.ts):
// each message names one deck; the answer is its row count and problems,
// small to send back whatever the deck's size.

import { parentPort } from 'node:worker_threads';
import { checkDeckFile } from './deck-file.js';

export interface DeckJob {
  file: string;
  path: string;
  maxProblems: number;
}

parentPort!.on('message', (job: DeckJob) => {
  parentPort!.postMessage(checkDeckFile(job.file, job.path, job.maxProblems));
});
