// A user's mistake, located: what validate prints and what plan/apply refuse
// on. Problems are values, collected (never thrown one by one), sorted and
// rendered by src/report/format-problems.ts.

export type Rule =
  | 'syntax'      // YAML or CSV that does not parse
  | 'schema'      // JSON Schema violation (type, enum, range, unknown field)
  | 'runtime'     // a field DIDTron owns at run time written in YAML
  | 'decimal'     // malformed decimal or more digits than the column holds
  | 'duplicate'   // two objects, nested elements or rates with one identity
  | 'reference'   // a name that resolves to nothing
  | 'semantic'    // a cross-field or cross-object rule
  | 'path'        // a file reference that is missing or escapes the root
  | 'limit';      // input over a size, depth or alias limit

export interface Problem {
  /** Path relative to the config root, with forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the file as a whole. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  /** JSON Pointer into the document (`/contacts/0/email`); '' for the document itself. */
  path: string;
  rule: Rule;
  message: string;
  /** Optional advice printed under the message ("did you mean ..."). */
  hint?: string;
}

export function compareProblems(a: Problem, b: Problem): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(compareProblems);
}

/** Longest message kept whole: messages quote what the user wrote, and a value can be megabytes long. */
export const MAX_MESSAGE_LENGTH = 500;

/** The problems with every message over the bound cut in its middle, keeping its start and its end. */
export function boundMessages(problems: Problem[]): Problem[] {
  return problems.map((p) => (p.message.length <= MAX_MESSAGE_LENGTH ? p : { ...p, message: boundMessage(p.message) }));
}

function boundMessage(message: string): string {
  const head = cut(message, 300);
  const tail = message.slice(cut(message, message.length - 150).length);
  return `${head}… (${message.length - head.length - tail.length} characters left out) …${tail}`;
}

/** The first `n` UTF-16 units of `text`, one less when that would split a surrogate pair. */
function cut(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}
