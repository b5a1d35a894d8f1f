/** Compiles src/ into dist/ when a source is newer than the build (build-if-stale.mjs). */
export function buildIfStale(root: string): void;
