// Renders located problems for people and machines: text like a compiler
// (location, rule, message, the source line with a caret, a hint), the JSON
// of CONTRACT §4, GitHub workflow commands (annotations on the PR diff) and
// a GitLab Code Quality report (the merge request's widget and diff).
// It reads source files only to show the lines it needs, and must never
// print user text raw to a terminal: control and bidi characters are shown
// escaped, so a config cannot restyle or reorder the output.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pc from 'picocolors';
import type { Problem } from './problem.js';

export interface TextOptions {
  /** ANSI colours; callers pass true only for a TTY. */
  colour?: boolean;
}

/** `config is valid: N objects, R rates`: what validate prints on success. */
export function formatValidSummary({ objects, rates }: { objects: number; rates: number }): string {
  return `config is valid: ${objects} object${objects === 1 ? '' : 's'}, ${rates} rate${rates === 1 ? '' : 's'}`;
}

/** `N problems in M files`. */
export function problemSummary(problems: readonly Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size;
  const n = problems.length;
  return `${n} problem${n === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
}

export async function formatProblemsText(root: string, problems: readonly Problem[], opts: TextOptions = {}): Promise<string> {
  if (problems.length === 0) return '';
  const c = pc.createColors(opts.colour === true);
  const lines = await sourceLines(root, problems);
  const out: string[] = [];
  for (const p of problems) {
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
    out.push(`${c.bold(where)}: ${c.red(c.bold(`error[${p.rule}]`))}: ${c.bold(shown(p.message))}`);
    const source = p.line > 0 ? lines.get(p.file)?.get(p.line) : undefined;
    if (source !== undefined) out.push(...excerpt(source, p.line, p.column, c));
    if (p.hint) out.push(`  ${c.cyan('hint')}: ${shown(p.hint)}`);
  }
  out.push(problemSummary(problems));
  return out.join('\n') + '\n';
}

type Colours = ReturnType<typeof pc.createColors>;

const MAX_WIDTH = 160;

/** The gutter, the line and a caret under the column; long lines are cut around the column. */
function excerpt(source: string, line: number, column: number, c: Colours): string[] {
  let text = source;
  let col = Math.max(column, 1);
  let lead = '';
  if (text.length > MAX_WIDTH) {
    const from = Math.max(0, Math.min(col - 1 - MAX_WIDTH / 2, text.length - MAX_WIDTH));
    lead = from > 0 ? '...' : '';
    text = text.slice(from, from + MAX_WIDTH) + (from + MAX_WIDTH < text.length ? '...' : '');
    col -= from;
  }
  const gutter = String(line);
  const pad = ' '.repeat(gutter.length);
  const visibleLine = lead + text.replace(UNSAFE_IN_LINE, '?');
  const under = (lead + text).slice(0, col - 1 + lead.length).replace(/[^\t]/g, ' ');
  return [
    ` ${c.dim(`${gutter} |`)} ${visibleLine}`,
    ` ${c.dim(`${pad} |`)} ${under}${c.red('^')}`,
  ];
}

// One UTF-16 unit each, so replacing them with '?' keeps the caret aligned.
const UNSAFE_IN_LINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const UNSAFE_IN_MESSAGE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function shown(message: string): string {
  return message.replace(UNSAFE_IN_MESSAGE, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The lines each problem needs, per file; a file that cannot be read shows no excerpt. */
async function sourceLines(root: string, problems: readonly Problem[]): Promise<Map<string, Map<number, string>>> {
  const wanted = new Map<string, Set<number>>();
  for (const p of problems) {
    if (p.line <= 0) continue;
    let set = wanted.get(p.file);
    if (!set) wanted.set(p.file, (set = new Set()));
    set.add(p.line);
  }
  const out = new Map<string, Map<number, string>>();
  for (const [file, lineNumbers] of wanted) {
    const text = await readFile(join(root, ...file.split('/')), 'utf8').catch(() => undefined);
    if (text !== undefined) out.set(file, pickLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, lineNumbers));
  }
  return out;
}

function pickLines(text: string, wanted: Set<number>): Map<number, string> {
  const found = new Map<number, string>();
  const last = Math.max(...wanted);
  let start = 0;
  for (let line = 1; line <= last && start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (wanted.has(line)) found.set(line, text.slice(start, end).replace(/\r$/, ''));
    start = end + 1;
  }
  return found;
}

/** CONTRACT §4: `{ valid, errors: [{file, line, column, path, rule, message, hint?}] }`. */
export function formatProblemsJson(problems: readonly Problem[]): string {
  const errors = problems.map((p) => ({
    file: p.file, line: p.line, column: p.column, path: p.path, rule: p.rule, message: p.message,
    ...(p.hint ? { hint: p.hint } : {}),
  }));
  return JSON.stringify({ valid: problems.length === 0, errors }, null, 2) + '\n';
}

/**
 * GitHub workflow commands, one `::error` per problem. `prefix` is the config
 * root relative to the repository checkout, so annotations land on the file.
 */
export function formatProblemsGithub(problems: readonly Problem[], prefix = ''): string {
  return problems.map((p) => {
    const props = [`file=${escapeProperty(prefix ? `${prefix}/${p.file}` : p.file)}`];
    if (p.line > 0) props.push(`line=${p.line}`);
    if (p.column > 0) props.push(`col=${p.column}`);
    props.push(`title=${escapeProperty(`didsync ${p.rule}`)}`);
    const message = p.hint ? `${p.message}\nhint: ${p.hint}` : p.message;
    return `::error ${props.join(',')}::${escapeData(message)}\n`;
  }).join('');
}

/**
 * A GitLab Code Quality report (the Code Climate subset GitLab reads from
 * `artifacts:reports:codequality`): one issue per problem, shown in the merge
 * request's widget and diff. Every problem blocks an apply, so each is a
 * `blocker`. The fingerprint, which GitLab uses to tell issues apart and to
 * match them across pipelines, covers the place, the rule and the message:
 * two problems of one rule in one file stay two issues.
 */
export function formatProblemsGitlab(problems: readonly Problem[], prefix = ''): string {
  const issues = problems.map((p) => {
    const path = prefix ? `${prefix}/${p.file}` : p.file;
    const fingerprint = createHash('sha256').update([path, p.line, p.column, p.path, p.rule, p.message].join('\u0000')).digest('hex').slice(0, 32);
    return {
      description: p.hint ? `${p.message} (hint: ${p.hint})` : p.message,
      check_name: `didsync/${p.rule}`,
      fingerprint,
      severity: 'blocker',
      location: p.line > 0 && p.column > 0
        ? { path, positions: { begin: { line: p.line, column: p.column } } }
        : { path, lines: { begin: Math.max(p.line, 1) } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
