// PGlite's WebAssembly modules and file-system bundle, compiled once per
// process: a second database in the same process (tests, the daemon's
// re-opens) then starts in a fraction of the time.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PGliteOptions } from '@electric-sql/pglite';

type WasmModule = NonNullable<PGliteOptions['pgliteWasmModule']>;
// Node's WebAssembly global is not in the ES lib this project compiles against.
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> } }).WebAssembly;

export interface PgliteRuntime {
  pgliteWasmModule: WasmModule;
  initdbWasmModule: WasmModule;
  fsBundle: Blob;
}

let runtime: Promise<PgliteRuntime> | undefined;

export function pgliteRuntime(): Promise<PgliteRuntime> {
  runtime ??= load().catch((e: unknown) => {
    runtime = undefined;
    throw e;
  });
  return runtime;
}

async function load(): Promise<PgliteRuntime> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const dist = dirname(entry);
  const [pglite, initdb, data] = await Promise.all([
    readFile(join(dist, 'pglite.wasm')),
    readFile(join(dist, 'initdb.wasm')),
    readFile(join(dist, 'pglite.data')),
  ]);
  const [pgliteWasmModule, initdbWasmModule] = await Promise.all([wasm.compile(pglite), wasm.compile(initdb)]);
  return { pgliteWasmModule, initdbWasmModule, fsBundle: new Blob([data]) };
}
