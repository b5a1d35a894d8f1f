// A plan as a pull-request comment: a summary table, one collapsible
// section per object, rate changes summarised, and never longer than a
// comment may be (GitHub allows 65,536 characters; we stay well below).
// Lists that can grow with the database (drift, orphans, conflicts, a
// guard's objects) are capped, and whatever does not fit is cut with a note.

import type { Plan, PlanChange } from '../reconcile/plan.js';
import { SYMBOL, changeHeader, changeLines } from './change-lines.js';
import { summaryLine } from './plan-text.js';

export const MAX_MARKDOWN = 60_000;
/** Entries shown of each list before "… N more". */
const LIST_CAP = 50;
/** Room kept for the closing note. */
const RESERVE = 300;

export function renderPlanMarkdown(plan: Plan, opts: { title?: string; maxLength?: number } = {}): string {
  const max = opts.maxLength ?? MAX_MARKDOWN;
  const head: string[] = [];
  head.push(`### ${opts.title ?? 'didsync plan'}`);
  head.push('');
  head.push(`**${summaryLine(plan)}**${plan.source.commit ? ` (commit \`${plan.source.commit.slice(0, 12)}\`)` : ''}`);
  head.push('');
  head.push('| action | objects |', '|---|---:|');
  for (const a of ['create', 'update', 'delete', 'adopt'] as const) head.push(`| ${a} | ${plan.summary[a]} |`);
  const rateTotals = plan.changes.reduce((t, c) => c.rates
    ? { added: t.added + c.rates.added, changed: t.changed + c.rates.changed, removed: t.removed + c.rates.removed } : t,
  { added: 0, changed: 0, removed: 0 });
  if (rateTotals.added + rateTotals.changed + rateTotals.removed > 0) {
    head.push(`| rates added / changed / removed | ${rateTotals.added} / ${rateTotals.changed} / ${rateTotals.removed} |`);
  }
  head.push('');

  const blocks: string[] = [];
  for (const g of plan.guards) {
    blocks.push(`> [!WARNING]\n> **Refused without --force:** ${escapeMd(clip(g.message))}\n> Objects: ${escapeMd(capped(g.objects, 20).join(', '))}\n`);
  }
  for (const x of plan.conflicts.slice(0, 20)) blocks.push(`> [!CAUTION]\n> **Conflict:** ${x.kind} ${escapeMd(x.key)}: ${escapeMd(clip(x.message))}\n`);
  if (plan.conflicts.length > 20) blocks.push(`_… ${plan.conflicts.length - 20} more conflict(s); run \`didsync plan\` for all of them._\n`);
  if (plan.drift.length > 0) {
    const items = plan.drift.map((d) => `- ${d.kind} ${escapeMd(d.key)}: ${[...d.fields, ...(d.rates ? ['rates'] : [])].join(', ')}`);
    blocks.push(details(`Drift: ${plan.drift.length} object(s) differ from the last apply`, capped(items, LIST_CAP, '- ').join('\n')));
  }
  const tail: string[] = [];
  if (plan.orphans.length > 0) {
    tail.push(details(
      `${plan.orphans.length} managed object(s) no longer in the config (kept without --prune)`,
      capped(plan.orphans.map((o) => `- ${o.kind} ${escapeMd(o.key)}`), LIST_CAP, '- ').join('\n'),
    ));
  }

  // Everything in order while it fits; changes stop at the first that does not.
  let body = head.join('\n');
  const budget = max - RESERVE;
  const fits = (block: string) => body.length + block.length + 1 <= budget;
  let skipped = 0;
  let omitted = 0;
  for (const block of blocks) {
    if (fits(block)) body += `\n${block}`;
    else skipped++;
  }
  for (const [i, c] of plan.changes.entries()) {
    const section = changeSection(c);
    if (!fits(section)) {
      omitted = plan.changes.length - i;
      break;
    }
    body += `\n${section}`;
  }
  for (const block of tail) {
    if (fits(block)) body += `\n${block}`;
    else skipped++;
  }
  if (omitted > 0 || skipped > 0) {
    const what = [omitted > 0 ? `${omitted} more object change(s)` : '', skipped > 0 ? `${skipped} more section(s)` : ''].filter(Boolean).join(' and ');
    body += `\n_${what} not shown: the comment would exceed ${max} characters. Run \`didsync plan\` for the full plan._\n`;
  }
  return `${body.trimEnd()}\n`;
}

function changeSection(c: PlanChange): string {
  const title = `<code>${SYMBOL[c.action]}</code> ${escapeHtml(changeHeader(c))}`;
  // Signs in the first column, so that GitHub colours the lines of a diff block.
  const lines = changeLines(c, 10).map((l) => `${l.sign} ${'  '.repeat(l.depth - 1)}${l.text}`);
  if (lines.length === 0) return `${title}\n`;
  return details(title, `\`\`\`diff\n${fence(lines.join('\n'))}\n\`\`\``);
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>\n`;
}

function capped(items: string[], n: number, bullet = ''): string[] {
  return items.length <= n ? items : [...items.slice(0, n), `${bullet}… ${items.length - n} more`];
}

function clip(s: string, n = 1000): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Keep user text from closing the code fence. */
function fence(s: string): string {
  return s.replace(/```/g, '`\u200b``');
}
