// A plan for a terminal, Terraform-like: `+` create, `~` update or adopt,
// `-` delete, `from → to`, a summary line. Colour only when asked (a TTY).
// Reads the plan; never changes it.

import pc from 'picocolors';
import type { Plan } from '../reconcile/plan.js';
import { SYMBOL, changeHeader, changeLines, type Line, type Sign } from './change-lines.js';

export interface TextOptions {
  colour: boolean;
  /** Rate samples shown per plan and sort (added/changed/removed). */
  rateSamples?: number;
}

export function renderPlanText(plan: Plan, opts: TextOptions): string {
  const c = pc.createColors(opts.colour);
  const paint = (sign: Sign, text: string) =>
    sign === '+' ? c.green(text) : sign === '-' ? c.red(text) : sign === '~' ? c.yellow(text) : sign === '!' ? c.magenta(text) : text;
  const out: string[] = [];
  const put = (l: Line) => out.push(paint(l.sign, `${'    '.repeat(l.depth)}${l.sign} ${l.text}`));

  for (const change of plan.changes) {
    const sign = SYMBOL[change.action];
    out.push(paint(sign, `  ${sign} ${changeHeader(change)}`));
    for (const l of changeLines(change, opts.rateSamples ?? 10)) put(l);
  }
  if (plan.changes.length > 0) out.push('');
  if (plan.orphans.length > 0) {
    out.push(c.bold('Managed objects no longer in the config (kept; apply with --prune to delete):'));
    for (const o of plan.orphans) out.push(`  ? ${o.kind} ${o.key}`);
    out.push('');
  }
  if (plan.drift.length > 0) {
    out.push(c.bold('Drift (the database differs from what didsync last applied):'));
    for (const d of plan.drift) out.push(paint('!', `  ! ${d.kind} ${d.key}: ${[...d.fields, ...(d.rates ? ['rates'] : [])].join(', ')}`));
    out.push('');
  }
  if (plan.conflicts.length > 0) {
    out.push(c.bold(c.red('Conflicts (nothing can be applied until they are resolved):')));
    for (const x of plan.conflicts) out.push(c.red(`  ✗ ${x.kind} ${x.key}: ${x.message}`));
    out.push('');
  }
  if (plan.guards.length > 0) {
    out.push(c.bold(c.red('Safety guards (apply refuses without --force):')));
    for (const g of plan.guards) {
      out.push(c.red(`  ✗ ${g.message}`));
      out.push(`      objects: ${g.objects.join(', ')}`);
    }
    out.push('');
  }
  out.push(summaryLine(plan));
  return `${out.join('\n')}\n`;
}

export function summaryLine(plan: Plan): string {
  const s = plan.summary;
  if (plan.changes.length === 0) return 'No changes. The database matches the config.';
  const rates = plan.changes.reduce((n, ch) => n + (ch.rates ? ch.rates.added + ch.rates.changed + ch.rates.removed : 0), 0);
  return `Plan: ${s.create} to create, ${s.update} to update, ${s.delete} to delete, ${s.adopt} to adopt` +
    `${rates > 0 ? `; ${rates} rate change(s)` : ''}.`;
}
