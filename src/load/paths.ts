// Resolves a RatingPlan's `ratesFile` to a CSV inside the config root. It
// owns the refusals: absolute paths, `..` that leaves the root, symbolic
// links resolving outside it, folders, missing files and files over the size
// limit, each as a problem at the `ratesFile` value in the YAML. It must
// never open a file outside the root, whatever the YAML says.

import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import type { Problem } from '../report/problem.js';
import { isInside } from './files.js';
import type { Position } from './types.js';

export interface RatesFileRef {
  /** The YAML file naming the CSV, relative to the root. */
  yamlFile: string;
  /** The `ratesFile` value as written. */
  ratesFile: string;
  /** Where that value is in the YAML (problems point here). */
  at: Position;
}

export type ResolvedRatesFile =
  | { ok: true; file: string; path: string; size: number }
  | { ok: false; problem: Problem };

/** The root-relative path a `ratesFile` names (forward slashes), or undefined when it leaves the root. */
export function ratesFileKey(yamlFile: string, ratesFile: string): string | undefined {
  const joined = posix.normalize(posix.join(posix.dirname(yamlFile), ratesFile));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return undefined;
  return joined;
}

export async function resolveRatesFile(
  root: string, realRoot: string, ref: RatesFileRef, maxBytes: number,
): Promise<ResolvedRatesFile> {
  const refuse = (message: string, hint?: string, rule: Problem['rule'] = 'path'): ResolvedRatesFile => ({
    ok: false,
    problem: {
      file: ref.yamlFile, line: ref.at.line, column: ref.at.column, path: '/ratesFile', rule, message,
      ...(hint ? { hint } : {}),
    },
  });
  const name = ref.ratesFile;
  const relativeHint = 'write the path relative to this YAML file, inside the config root, e.g. rates/uk.csv';
  if (name.trim() === '') return refuse('ratesFile is empty', relativeHint);
  if (name.includes('\0')) return refuse('ratesFile contains a NUL character', relativeHint);
  if (isAbsolute(name) || posix.isAbsolute(name) || /^[a-zA-Z]:[\\/]/.test(name) || name.startsWith('\\')) {
    return refuse(`ratesFile '${name}' is an absolute path`, relativeHint);
  }
  if (name.includes('\\')) return refuse(`ratesFile '${name}' contains a backslash`, 'separate folders with forward slashes (/)');
  const file = ratesFileKey(ref.yamlFile, name);
  if (file === undefined) return refuse(`ratesFile '${name}' leaves the config root`, relativeHint);
  const path = join(root, ...file.split('/'));
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return refuse(`ratesFile '${name}' does not exist (looked for ${file} in the config root)`,
      'check the spelling; the path is relative to the folder of this YAML file');
  }
  if (!isInside(realRoot, real)) {
    return refuse(`ratesFile '${name}' is a symbolic link to a file outside the config root`,
      'copy the CSV into the config root instead of linking it');
  }
  const info = await stat(real).catch(() => undefined);
  if (!info) return refuse(`ratesFile '${name}' cannot be read`);
  if (info.isDirectory()) return refuse(`ratesFile '${name}' is a folder, not a CSV file`, 'name the CSV file itself');
  if (!info.isFile()) return refuse(`ratesFile '${name}' is not a regular file`);
  if (info.size > maxBytes) {
    return refuse(`ratesFile '${name}' is ${(info.size / 1024 / 1024).toFixed(1)} MiB; a rates file may be at most ${(maxBytes / 1024 / 1024).toFixed(0)} MiB`,
      'split the plan, or raise the CSV size limit', 'limit');
  }
  return { ok: true, file, path: real, size: info.size };
}
