// Finds the config files: every *.yaml / *.yml below the root, recursively,
// skipping dot-folders, node_modules and what the root's .didsyncignore
// excludes (see ignore.ts), sorted so every run reads the same
// files in the same order. Symlinks are followed only while they stay inside
// the root (a config must not read /etc through a link). It must never read
// file contents: sizes are checked here, parsing happens in yaml.ts.

import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Problem } from '../report/problem.js';
import type { LoadLimits } from './limits.js';
import { isIgnored, readIgnoreRules } from './ignore.js';

export interface ConfigFile {
  /** Relative to the root, forward slashes. */
  file: string;
  /** Absolute path to read. */
  path: string;
  size: number;
}

export interface ConfigFiles {
  files: ConfigFile[];
  problems: Problem[];
  /** The walk stopped at the file-count limit: the list is incomplete. */
  truncated: boolean;
}

const YAML_NAME = /\.ya?ml$/i;

export function isInside(realRoot: string, realPath: string): boolean {
  const rel = relative(realRoot, realPath);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** `realRoot` must be the root's realpath. */
export async function listConfigFiles(root: string, realRoot: string, limits: LoadLimits): Promise<ConfigFiles> {
  const { ignore, problems } = await readIgnoreRules(root);
  const out: ConfigFiles = { files: [], problems, truncated: false };
  const visited = new Set<string>([realRoot]);
  // A problem with a whole file or folder points at its start: positions are
  // 1-based everywhere (CI annotations and editors drop a line 0).
  const problem = (file: string, rule: Problem['rule'], message: string, hint?: string) =>
    out.problems.push({ file, line: 1, column: 1, path: '', rule, message, ...(hint ? { hint } : {}) });

  // Synchronous: thousands of lstat calls through the thread pool cost about
  // ten times as long as the same calls made in a row (measured on 2,300 files).
  const walk = (dir: string, relDir: string): boolean => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      problem(relDir || '.', 'path', `cannot read the folder ${relDir || '.'}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
      return true;
    }
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const path = join(dir, name);
      const file = relDir ? `${relDir}/${name}` : name;
      const info = statOrUndefined(path, lstatSync);
      if (!info) continue;
      if (!info.isSymbolicLink() && isIgnored(ignore, file, info.isDirectory())) continue;
      let isDir = info.isDirectory();
      let isFile = info.isFile();
      let size = info.size;
      if (info.isSymbolicLink()) {
        const target = realOrUndefined(path);
        const targetInfo = target ? statOrUndefined(target, statSync) : undefined;
        if (isIgnored(ignore, file, targetInfo?.isDirectory() ?? false)) continue;
        if (!target || !targetInfo) {
          if (YAML_NAME.test(name)) problem(file, 'path', `${file} is a broken symbolic link`, 'remove the link or fix its target');
          continue;
        }
        if (!targetInfo.isDirectory() && !YAML_NAME.test(name)) continue;
        if (!isInside(realRoot, target)) {
          problem(file, 'path', `${file} is a symbolic link to ${targetInfo.isDirectory() ? 'a folder' : 'a file'} outside the config root`,
            'config files must live inside the config root; copy the file in instead of linking it');
          continue;
        }
        isDir = targetInfo.isDirectory();
        isFile = targetInfo.isFile();
        size = targetInfo.size;
        if (isDir && visited.has(target)) continue;
        if (isDir) visited.add(target);
      }
      if (isDir) {
        if (!walk(path, file)) return false;
      } else if (isFile && YAML_NAME.test(name)) {
        if (out.files.length >= limits.maxFiles) {
          problem(file, 'limit', `the config root holds more than ${limits.maxFiles} YAML files`,
            'point --config at the config folder itself, or raise the file limit');
          return false;
        }
        if (size > limits.maxYamlBytes) {
          problem(file, 'limit', `${file} is ${mib(size)}; a YAML file may be at most ${mib(limits.maxYamlBytes)}`,
            'split it into several files, or move rates into a CSV file (ratesFile)');
          continue;
        }
        out.files.push({ file, path, size });
      }
    }
    return true;
  };

  out.truncated = !walk(root, '');
  return out;
}

function statOrUndefined(path: string, how: typeof statSync): Stats | undefined {
  try {
    return how(path);
  } catch {
    return undefined;
  }
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function mib(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}
