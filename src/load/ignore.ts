// `.didsyncignore` at the config root: paths the loader must not read as
// config (CI workflows, documentation, tooling kept in the config
// repository). A small gitignore dialect:
//
//   # comment            blank lines and lines starting with # are skipped
//   ci/                  a trailing / matches folders only
//   notes.yaml           a pattern without / matches a name at any depth
//   /drafts              a leading (or inner) / anchors it at the root
//   *.draft.yaml         * matches within one name, ? one character
//   docs/**              ** matches any number of folders
//   !keep.yaml           ! re-includes what an earlier pattern excluded
//
// The last matching pattern wins, and, as in git, nothing inside an excluded
// folder can be re-included (the folder is not entered). It only decides
// which paths are skipped; it must never read config files.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Problem } from '../report/problem.js';

export const IGNORE_FILE = '.didsyncignore';

interface IgnoreRule {
  negated: boolean;
  folderOnly: boolean;
  /** Matches the path from the root (anchored) or a single name (not anchored). */
  anchored: boolean;
  regex: RegExp;
}

export interface IgnoreRules {
  rules: readonly IgnoreRule[];
}

export const NO_IGNORE_RULES: IgnoreRules = { rules: [] };

/** Reads `<root>/.didsyncignore`; no file means no rules. */
export async function readIgnoreRules(root: string): Promise<{ ignore: IgnoreRules; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(join(root, IGNORE_FILE), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') return { ignore: NO_IGNORE_RULES, problems: [] };
    return {
      ignore: NO_IGNORE_RULES,
      problems: [{ file: IGNORE_FILE, line: 1, column: 1, path: '', rule: 'path', message: `cannot read ${IGNORE_FILE}: ${code}` }],
    };
  }
  return { ignore: parseIgnoreRules(text), problems: [] };
}

export function parseIgnoreRules(text: string): IgnoreRules {
  const rules: IgnoreRule[] = [];
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    let line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const folderOnly = line.endsWith('/');
    line = line.replace(/\/+$/, '');
    const anchored = line.includes('/');
    line = line.replace(/^\/+/, '');
    if (line === '') continue;
    rules.push({ negated, folderOnly, anchored, regex: globRegex(line) });
  }
  return { rules };
}

/** Whether a path (relative to the root, forward slashes) is excluded. */
export function isIgnored(ignore: IgnoreRules, path: string, isFolder: boolean): boolean {
  let ignored = false;
  const name = path.slice(path.lastIndexOf('/') + 1);
  for (const rule of ignore.rules) {
    if (rule.folderOnly && !isFolder) continue;
    if (rule.regex.test(rule.anchored ? path : name)) ignored = !rule.negated;
  }
  return ignored;
}

function globRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      const slashAfter = pattern[i + 2] === '/';
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') {
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else {
      out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}
