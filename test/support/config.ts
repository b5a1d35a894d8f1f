// Small config repositories in temp folders, and the plan/apply flow the
// CLI runs, as library calls (so a test can look at the plan it applies).

import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after } from 'node:test';
import type { Driver, Queryable } from '../../src/drivers/driver.js';
import { validateRoot } from '../../src/validate/index.js';
import { applyPlan, makePlan, settingsOf } from '../../src/reconcile/engine.js';
import { readKnownDecks } from '../../src/reconcile/deck-records.js';
import type { Plan } from '../../src/reconcile/plan.js';
import type { DesiredState } from '../../src/load/types.js';

const roots: string[] = [];
after(async () => {
  for (const r of roots) await rm(r, { recursive: true, force: true });
});

/** A config root holding `files` (path -> text). */
export async function writeConfig(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'didsync-config-'));
  roots.push(root);
  await updateConfig(root, files);
  return root;
}

/** A copy of examples/ to edit. */
export async function copyExamples(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'didsync-examples-'));
  roots.push(root);
  await cp(join(import.meta.dirname, '../../examples'), root, { recursive: true });
  return root;
}

export async function updateConfig(root: string, files: Record<string, string | null>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (text === null) {
      await rm(full, { force: true });
      continue;
    }
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, text);
  }
}

/** The desired state of a valid test config, read with these options; throws with its problems otherwise. */
async function validDesired(root: string, opts: Parameters<typeof validateRoot>[1] = {}): Promise<DesiredState> {
  const { desired, problems } = await validateRoot(root, opts);
  if (!desired || problems.length > 0) {
    throw new Error(`test config is invalid:\n${problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n')}`);
  }
  return desired;
}

export function desiredOf(root: string): Promise<DesiredState> {
  return validDesired(root);
}

/** The config with every CSV deck hashed, none stubbed: the digests of its decks are those a plan gives them (engine.ts deckDigests). */
export function hashedDesiredOf(root: string): Promise<DesiredState> {
  return validDesired(root, { knownDecks: new Map() });
}

/** The config as an incremental plan reads it against `db`: known decks are stubs, and the others are put off (LoadOptions.deferDecks). */
export async function deferredDesiredOf(db: Queryable, root: string): Promise<DesiredState> {
  return validDesired(root, { knownDecks: await readKnownDecks(db), deferDecks: true });
}

/** The config as plan and apply read it against `db`: CSV decks didsync applied byte for byte are stubs. */
export async function knownDesiredOf(db: Queryable, root: string): Promise<DesiredState> {
  return validDesired(root, { knownDecks: await readKnownDecks(db) });
}

export interface FlowOptions {
  prune?: boolean;
  today?: string;
}

/** Plans as `didsync plan` does: decks applied byte for byte are stubs (knownDesiredOf). */
export async function planConfig(db: Queryable & { description?: string }, root: string, opts: FlowOptions = {}): Promise<Plan> {
  const desired = await knownDesiredOf(db, root);
  const settings = settingsOf(desired);
  return makePlan(db, desired, {
    prune: opts.prune ?? settings.prune, guards: settings.guards, today: opts.today ?? '2026-01-01',
    createdAt: '2026-01-01T00:00:00.000Z', commit: null, dbDescription: db.description ?? 'test',
  });
}

export async function applyConfig(db: Driver, root: string, opts: FlowOptions & { force?: boolean } = {}): Promise<Plan> {
  const plan = await planConfig(db, root, opts);
  await applyPlan(db, plan, { force: opts.force === true, lockTimeoutSeconds: 5, run: { trigger: 'cli', command: 'apply' } });
  return plan;
}

export async function scalar<T = unknown>(db: Queryable, sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await db.query(sql, params);
  return Object.values(rows[0] ?? {})[0] as T;
}

export const MINIMAL = {
  'config.yaml': `kind: Carrier
code: ACME
name: Acme Telecom Ltd
partnerType: bilateral
status: active
primaryCurrency: USD
customerCreditType: postpaid
customerCreditLimit: "5000.00"
capacityMode: capped
capacityLimit: 120
contacts:
  - name: NOC
    email: noc@acme.example
    isPrimary: true
  - name: Billing
    email: billing@acme.example
---
kind: Interconnect
carrier: ACME
name: lon-1
direction: both
protocol: SIP
ipAddresses:
  - { ipAddress: 192.0.2.10, addressType: transport }
codecs:
  - { codecName: PCMA, allowed: true, ptime: 20 }
  - { codecName: G729, allowed: true, ptime: 20 }
signalling: { sessionTimerEnabled: true, sessionTimerInterval: 1800, 100relEnabled: false }
---
kind: RatingPlan
name: UK Wholesale
currency: GBP
timeZone: Europe/London
initialInterval: 60
recurringInterval: 60
ratesFile: rates/uk-wholesale.csv
---
kind: Service
carrier: ACME
name: uk-termination
interconnect: lon-1
direction: egress
ratingPlan: UK Wholesale
routingPlan: RP-UK
priority: 1
weight: 100
`,
  'rates/uk-wholesale.csv': `prefix,destination,rate,connectionFee,effectiveDate
44,United Kingdom,0.0100,0,2025-01-01
4420,London,0.0080,,2025-01-01
447,UK Mobile,0.0300,0.01,
`,
};
