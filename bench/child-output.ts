// Reading what a measured child printed: its JSON report, and the one line of
// its stderr that says what went wrong. Results are committed, so that line
// is stripped of this machine's folders and database addresses.

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Folders to name by role instead of by path, e.g. { '<config>': dir }. */
export type KnownFolders = Record<string, string>;

/** The error line of a child's stderr (not the stack's first frame), without paths or URLs. */
export function failureLine(stderr: string, folders: KnownFolders): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  let line = lines.find((l) => /\b(error|Error|ERROR|FATAL)\b/.test(l)) ?? lines[0] ?? '';
  for (const [name, folder] of Object.entries(folders)) {
    const trimmed = folder.replace(/[\\/]$/, '');
    if (trimmed !== '') line = line.replaceAll(trimmed, name);
  }
  return line
    .replace(/postgres(ql)?:\/\/\S+/gi, '<database>')
    .replace(/pglite:\S+/gi, '<database>')
    .replace(/file:\/\/\S*/g, '<file>')
    .replace(/(^|[\s'"(])\/[^\s'")]+/g, '$1<path>')
    .slice(0, 200);
}

/** The one-line reason a child failed: its error line, else its exit code. */
export function failureReason(m: { exitCode: number; stderr: string }, folders: KnownFolders): string {
  return failureLine(m.stderr, folders) || `exit code ${m.exitCode}`;
}
