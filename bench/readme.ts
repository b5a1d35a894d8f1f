// The results as markdown, written into the README between the markers
// `<!-- bench:start -->` and `<!-- bench:end -->`. Nothing outside the
// markers is touched; a README without them is left as it is.

import { readFile, writeFile } from 'node:fs/promises';
import type { GenerateOptions } from './generate.js';
import { COLUMNS, resultCells, type ResultsJson } from './report.js';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function sizesText(o: GenerateOptions): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  return `${n(o.carriers)} carriers, ${n(o.carriers * o.interconnectsPerCarrier)} interconnects, `
    + `${n(o.carriers * o.servicesPerCarrier)} services, ${n(o.ratingPlans)} rating plans, ${n(o.rates)} rates`;
}

export function markdownResults(json: ResultsJson): string {
  const m = json.machine;
  const machine = [`${m.cpuModel}, ${m.cpuCount} cores`, `${(m.totalMemoryMB / 1024).toFixed(1)} GiB memory`,
    `${m.platform}`, `Node ${m.node}`, ...(m.postgres ? [`PostgreSQL ${m.postgres}`] : [])].join(', ');
  const load = json.loadAverage;
  const out = [
    `Measured ${json.measuredAt.slice(0, 10)} on ${machine}, with a config of ${sizesText(json.options)}; `
      + `load average ${load.start.toFixed(1)} at the start, ${load.end.toFixed(1)} at the end.`,
  ];
  const sections = [...new Set(json.steps.map((s) => s.section))];
  for (const section of sections) {
    out.push('', `**${section}**`, '', row(COLUMNS), row(COLUMNS.map(() => '---')));
    for (const s of json.steps.filter((x) => x.section === section)) out.push(row(resultCells(s)));
  }
  return out.join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.map((c) => c.replaceAll('|', '\\|').replace(/<(?=[A-Za-z/!?])/g, '&lt;')).join(' | ')} |`;
}

/** Replaces what is between the markers; returns false when the README has none. */
export async function writeIntoReadme(readmePath: string, markdown: string): Promise<boolean> {
  const text = await readFile(readmePath, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END, start);
  if (start < 0 || end < 0) return false;
  await writeFile(readmePath, `${text.slice(0, start + START.length)}\n${markdown}\n${text.slice(end)}`);
  return true;
}
