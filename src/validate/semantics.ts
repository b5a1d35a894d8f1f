// Rules across fields and objects that a JSON Schema cannot say: a service
// runs in a direction its interconnect carries, a capped capacity has a
// limit, addresses are addresses and identify one carrier on ingress, a plan
// takes its rates from one place. Each runs only on values the schema found
// well-formed (pointers already reported are skipped).

import cron from 'node-cron';
import type { Problem } from '../report/problem.js';
import { alreadyReported, describe, text, type TypedDocument } from './documents.js';
import type { Catalogue } from './identity.js';
import { checkIngressOverlap } from './ingress-overlap.js';
import { checkAddresses, type AddressBlock } from './ip-ranges.js';
import { problemAt } from './locate.js';

/** Interconnect directions that carry a service of each direction. */
const CARRIES: Record<string, readonly string[]> = {
  ingress: ['ingress', 'both'],
  egress: ['egress', 'both'],
};

/** With `across` false, only the rules within one document. */
export function checkSemantics(typed: readonly TypedDocument[], catalogue: Catalogue, problems: Problem[], opts: { across: boolean } = { across: true }): void {
  const blocks: AddressBlock[] = [];
  for (const td of typed) {
    checkCapacity(td, problems);
    if (td.kind === 'Service' && opts.across) checkServiceDirection(td, catalogue, problems);
    if (td.kind === 'Interconnect' && td.key !== undefined) blocks.push(...checkAddresses(td, problems));
    if (td.kind === 'RatingPlan') checkRatesSource(td, problems);
    if (td.kind === 'Settings') checkSchedules(td, problems);
  }
  if (opts.across) checkIngressOverlap(blocks, problems);
}

/** The daemon runs these: a cron the scheduler would reject must fail here, not at 3 am. */
function checkSchedules(td: TypedDocument, problems: Problem[]): void {
  for (const field of ['schedule', 'driftSchedule']) {
    const expression = td.data[field];
    if (typeof expression !== 'string' || alreadyReported(td, `/${field}`) || cron.validate(expression)) continue;
    problems.push(problemAt(td.doc, `/${field}`, {
      rule: 'semantic',
      message: `${field} '${expression}' is not a valid cron expression`,
      hint: "five fields (minute hour day month weekday) or six with seconds first, e.g. '*/5 * * * *'",
    }));
  }
}

function checkCapacity(td: TypedDocument, problems: Problem[]): void {
  if (td.data.capacityMode !== 'capped') return;
  const limit = td.data.capacityLimit;
  if (typeof limit === 'number' && limit > 0) return;
  const pointer = limit === undefined || limit === null ? '/capacityMode' : '/capacityLimit';
  if (alreadyReported(td, pointer)) return;
  problems.push(problemAt(td.doc, pointer, {
    rule: 'semantic',
    message: `${describe(td)} has capacityMode capped but ${limit === undefined || limit === null ? 'no capacityLimit' : `capacityLimit ${String(limit)}`}; a capped capacity needs a positive capacityLimit`,
    hint: 'set capacityLimit to the most concurrent calls allowed, or use capacityMode: unrestricted',
  }));
}

function checkServiceDirection(td: TypedDocument, catalogue: Catalogue, problems: Problem[]): void {
  const direction = text(td.data.direction);
  const carrier = text(td.data.carrier);
  const name = text(td.data.interconnect);
  if (!direction || !carrier || !name || !CARRIES[direction] || alreadyReported(td, '/direction')) return;
  const interconnect = catalogue.get('Interconnect')?.get(`${carrier}/${name}`);
  const carried = text(interconnect?.data.direction);
  if (!interconnect || !carried || CARRIES[direction].includes(carried)) return;
  problems.push(problemAt(td.doc, '/direction', {
    rule: 'semantic',
    message: `${describe(td)} is ${direction}, but its ${describe(interconnect)} carries only ${carried} calls`,
    hint: `set the interconnect's direction to both, or move the service to an interconnect that carries ${direction} calls`,
  }));
}

function checkRatesSource(td: TypedDocument, problems: Problem[]): void {
  if (!Object.hasOwn(td.data, 'rates') || !Object.hasOwn(td.data, 'ratesFile')) return;
  if (alreadyReported(td, '/ratesFile') || alreadyReported(td, '/rates')) return;
  problems.push(problemAt(td.doc, '/ratesFile', {
    rule: 'semantic',
    message: `${describe(td)} has both inline rates and a ratesFile`,
    hint: 'keep the rates in one place: either the `rates` list or the CSV named by ratesFile',
  }));
}
