// Checks the rate decks `validate` reads (LoadOptions.deckChecker) off the
// main thread once they are large: the first decks are checked here as they
// come, and when their bytes pass a threshold, worker threads take the rest
// while the main thread goes on parsing YAML and validating objects. Only
// row counts and problems come back, so nothing large crosses threads (the
// decks themselves stay in the worker: copying a million rates back cost
// more than parsing them in parallel saved).
//
// Measured at full size (100 decks, a million rates, 2 cores): the worker
// checks the decks in about 1.1 s while the main thread reads and validates
// 2,100 YAML files; validate went 2.65 -> 2.3 s with this alone. A config of
// a few small decks never starts a worker (starting one costs about 40 ms).
// Tried and not kept: reading a share of the YAML files in the worker too and
// sending the documents back. At a third or a sixth of the files it was
// slower: both cores are busy already, and sending, receiving and restoring
// the documents' prototypes cost about what parsing them here saved.

import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DeckChecker } from '../load/index.js';
import type { Problem } from '../report/problem.js';
import { checkDeckFile, type DeckFileCheck } from './deck-file.js';
import type { DeckJob } from './deck-worker.js';

export interface DeckChecksOptions {
  maxProblemsPerFile: number;
  /** Deck bytes checked on the main thread before workers take over; 0 sends every deck to a worker. */
  inlineBytes?: number;
  /** Worker threads; by default one fewer than the cores, at least one, at most four. */
  workers?: number;
}

const INLINE_BYTES = 512 * 1024;

export interface DeckResults {
  /** Rows of each deck that could be read, by path relative to the root. */
  rows: Map<string, number>;
  problems: Problem[];
}

export class DeckChecks implements DeckChecker {
  private readonly results: DeckFileCheck[] = [];
  private readonly pending: Promise<DeckFileCheck>[] = [];
  private pool: WorkerPool | undefined;
  private inlineLeft: number;

  constructor(private readonly opts: DeckChecksOptions) {
    this.inlineLeft = opts.inlineBytes ?? INLINE_BYTES;
  }

  submit(deck: { file: string; path: string; size: number }): void {
    if (!this.pool && deck.size <= this.inlineLeft) {
      this.inlineLeft -= deck.size;
      this.results.push(checkDeckFile(deck.file, deck.path, this.opts.maxProblemsPerFile));
      return;
    }
    this.pool ??= new WorkerPool(this.opts.workers ?? Math.max(1, Math.min(4, availableParallelism() - 1)));
    this.pending.push(this.pool.run({ file: deck.file, path: deck.path, maxProblems: this.opts.maxProblemsPerFile }, deck.size));
  }

  /** When every deck is submitted: each readable deck's row count, and every problem found. */
  async finish(): Promise<DeckResults> {
    try {
      this.results.push(...await Promise.all(this.pending));
    } finally {
      await this.close();
    }
    const rows = new Map<string, number>();
    const problems: Problem[] = [];
    for (const r of this.results) {
      if (r.rows !== undefined) rows.set(r.file, r.rows);
      problems.push(...r.problems);
    }
    return { rows, problems };
  }

  /** Stops the workers; for a caller whose load failed before finish(). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.close();
  }
}

/** Workers that each take jobs in order; a job goes to the one with the fewest bytes still to do. */
class WorkerPool {
  private readonly workers: { worker: Worker; bytes: number; queue: { resolve: (r: DeckFileCheck) => void; reject: (e: Error) => void; bytes: number }[] }[];

  constructor(count: number) {
    this.workers = Array.from({ length: count }, () => {
      const slot = { worker: startWorker(), bytes: 0, queue: [] as WorkerPool['workers'][number]['queue'] };
      slot.worker.on('message', (result: DeckFileCheck) => {
        const job = slot.queue.shift()!;
        slot.bytes -= job.bytes;
        job.resolve(result);
      });
      const fail = (e: Error) => {
        for (const job of slot.queue.splice(0)) job.reject(e);
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => fail(new Error(`a deck worker stopped (exit code ${code})`)));
      return slot;
    });
  }

  run(job: DeckJob, bytes: number): Promise<DeckFileCheck> {
    const slot = this.workers.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    return new Promise((resolve, reject) => {
      slot.queue.push({ resolve, reject, bytes });
      slot.bytes += bytes;
      slot.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}

/**
 * The worker's module has this module's extension: .js when compiled, .ts when run from source
 * (the tests), where the worker registers the TypeScript loader first (a loader registered on the
 * main thread does not reach workers on Node 20).
 */
function startWorker(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./deck-worker${ext}`, import.meta.url);
  if (ext !== '.ts') return new Worker(url);
  const load = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(load, { eval: true });
}
