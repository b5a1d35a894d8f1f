// The problem for a config file or deck that was listed but cannot be read
// (removed meanwhile, no permission): at the file's start, with the system's
// error code, never a stack trace.

import type { Problem } from '../report/problem.js';

export function unreadable(file: string, e: unknown): Problem {
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  return { file, line: 1, column: 1, path: '', rule: 'path', message: `cannot read ${file}: ${code}` };
}
