// A plan saved by `plan --out` and read back by `apply --plan`. The file is
// the plan as JSON plus a checksum of it: apply refuses a file that is not a
// plan of this format, or that was changed after it was saved (what was
// reviewed is what is applied). The shape is checked before anything reads
// the plan, so a broken file is a clear refusal, never a crash in a
// renderer. The checksum guards against edits and corruption, not against
// someone who recomputes it: the guards are judged again at apply time.

import { createHash } from 'node:crypto';
import { constants, createWriteStream } from 'node:fs';
import { access, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { KIND_NAMES } from '../model/kinds.js';
import { UserError } from '../report/errors.js';
import { PLAN_FORMAT_VERSION, type Plan } from './plan.js';
import { deckTextsToSave } from './applied-decks.js';

const RATE_COLUMNS = ['prefix', 'destination', 'rate', 'connectionFee', 'initialInterval', 'recurringInterval', 'effectiveDate', 'endDate'] as const;

const PLAN_SCHEMA = {
  type: 'object',
  required: ['formatVersion', 'checksum', 'createdAt', 'source', 'database', 'prune', 'changes', 'refresh', 'orphans', 'drift', 'conflicts', 'guards', 'summary', 'rateOps'],
  properties: {
    formatVersion: { const: PLAN_FORMAT_VERSION },
    checksum: { type: 'string' },
    createdAt: { type: 'string' },
    source: {
      type: 'object', required: ['configDigest'],
      properties: {
        commit: { type: ['string', 'null'] }, configDigest: { type: 'string' },
        deckTexts: { type: 'object', additionalProperties: { type: 'string' } },
        deckEdits: {
          type: 'object',
          additionalProperties: { type: 'object', required: ['base', 'sha256', 'edits'], properties: { base: { type: 'string' }, sha256: { type: 'string' } } },
        },
      },
    },
    database: {
      type: 'object', required: ['description', 'digests'],
      properties: { description: { type: 'string' }, digests: { type: 'object', additionalProperties: { type: 'string' } } },
    },
    settings: {
      type: 'object', required: ['guards', 'lockTimeoutSeconds'],
      properties: {
        lockTimeoutSeconds: { type: 'number', minimum: 0 },
        guards: {
          type: 'object', required: ['maxDeletePercent', 'refuseNonZeroBalanceDelete', 'rateIncreaseNoticeDays'],
          properties: {
            maxDeletePercent: { type: 'number' }, refuseNonZeroBalanceDelete: { type: 'boolean' }, rateIncreaseNoticeDays: { type: 'number' },
          },
        },
      },
    },
    prune: { type: 'boolean' },
    changes: {
      type: 'array',
      items: {
        type: 'object', required: ['action', 'kind', 'key', 'fields'],
        properties: {
          action: { enum: ['create', 'update', 'delete', 'adopt'] },
          kind: { enum: KIND_NAMES.filter((k) => k !== 'Settings') },
          key: { type: 'string' },
          rowId: { type: 'string' },
          fields: { type: 'object', additionalProperties: { type: 'object', required: ['from', 'to'] } },
          desired: { type: 'object' },
          rates: { type: 'object', required: ['added', 'removed', 'changed'] },
        },
      },
    },
    ...Object.fromEntries(['refresh', 'orphans', 'drift', 'conflicts', 'guards'].map((k) => [k, { type: 'array', items: { type: 'object' } }])),
    summary: { type: 'object', required: ['create', 'update', 'delete', 'adopt'] },
    rateOps: {
      type: 'object',
      additionalProperties: {
        type: 'object', required: ['upsert', 'remove'],
        properties: {
          upsert: { type: 'object', required: [...RATE_COLUMNS], properties: Object.fromEntries(RATE_COLUMNS.map((c) => [c, { type: 'array' }])) },
          remove: { type: 'object', required: ['prefix', 'effectiveDate'], properties: { prefix: { type: 'array' }, effectiveDate: { type: 'array' } } },
        },
      },
    },
  },
} as const;

let validate: ReturnType<Ajv2020['compile']> | undefined;

/**
 * The file `plan --out` writes, in parts: the plan as JSON, its checksum
 * (of the plan's JSON text) last. A first plan of a million rates carries
 * every deck's text (tens of MB; a later one, the decks it read the applied
 * text of as edits of it: sourceToSave): made whole, then made again to add the
 * checksum, that text cost 150 MB more than the plan itself; in parts, each
 * deck's text is made once, hashed and written on its way out. The checksum
 * is the last member so that it can be: files that have it first, as
 * didsync wrote them before, read the same (readPlanFile).
 */
export function planFileParts(plan: Plan): Iterable<string> {
  // The live rows a plan read stay in the process that read them (plan.ts rateReference).
  const { checksum: _old, rateReference: _reference, ...rest } = plan as Plan & { checksum?: string };
  const body = { ...rest, source: sourceToSave(plan) };
  return (function* () {
    const hash = createHash('sha256');
    // Every part of the body's text but its closing brace, which the checksum goes before.
    let held: string | undefined;
    for (const part of jsonParts(body)) {
      if (held !== undefined) {
        hash.update(held);
        yield held;
      }
      held = part;
    }
    if (held !== '}' || Object.keys(body).length === 0) throw new Error('internal error: a plan is an object with members');
    hash.update(held);
    yield `,"checksum":${JSON.stringify(`sha256:${hash.digest('hex')}`)}}\n`;
  })();
}

/**
 * The plan's source as saved: the texts of decks the plan read the applied
 * text of go as edits of it (applied-decks.ts deckTextsToSave), in the place
 * of the texts; every other member as it is, in its order.
 */
function sourceToSave(plan: Plan): Plan['source'] {
  const texts = deckTextsToSave(plan);
  const source: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plan.source)) {
    if (key === 'deckTexts') Object.assign(source, texts);
    // Edits a plan read from a file carries stay.
    else if (key !== 'deckEdits' || texts.deckEdits === undefined) source[key] = value;
  }
  return source as Plan['source'];
}

/** The file `plan --out` writes, as one text (what planFileParts yields). */
export function planFileText(plan: Plan): string {
  return [...planFileParts(plan)].join('');
}

/**
 * Save a plan where `plan --out` names; a UserError naming the file when it
 * cannot be written, and no part-written file left behind (apply would
 * refuse one, but it should not look like a saved plan).
 */
export async function writePlanFile(file: string, plan: Plan): Promise<void> {
  const out = createWriteStream(file);
  // Only a file this call opened (created or emptied) is removed: never one it could not open.
  let opened = false;
  out.once('open', () => {
    opened = true;
  });
  try {
    await pipeline(Readable.from(planFileParts(plan), { objectMode: false }), out);
  } catch (e) {
    if (opened) await rm(file, { force: true }).catch(() => undefined);
    throw cannotWrite(file, e);
  }
}

/** A UserError, before anything is planned, when `file` is in no folder that can be written to, or is a folder. */
export async function checkPlanFileTarget(file: string): Promise<void> {
  try {
    await access(dirname(resolve(file)), constants.W_OK);
  } catch (e) {
    throw cannotWrite(file, e);
  }
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) throw new UserError(`cannot write plan ${file}: it is a folder`);
}

function cannotWrite(file: string, e: unknown): UserError {
  return new UserError(`cannot write plan ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}

/**
 * JSON.stringify(value), in parts: the plain objects down to `depth` levels
 * are written a property at a time, anything else (arrays, strings, deeper
 * objects) by JSON.stringify. The parts joined are exactly JSON.stringify's
 * text (test/reconcile/plan-file.test.ts), which the checksum is taken of.
 */
export function* jsonParts(value: unknown, depth = 4): Generator<string> {
  if (depth === 0 || !isPlainObject(value)) {
    yield JSON.stringify(value);
    return;
  }
  yield '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    // What JSON.stringify leaves out of an object.
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* jsonParts(v, depth - 1);
  }
  yield '}';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Reads a saved plan; a UserError naming what is wrong for anything but an intact plan of this format. */
export function readPlanFile(text: string, file: string): Plan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UserError(`cannot read plan ${file}: ${(e as Error).message}`);
  }
  validate ??= new Ajv2020({ allErrors: false, strict: false }).compile(PLAN_SCHEMA);
  if (!validate(value)) {
    const e = validate.errors?.[0];
    throw new UserError(`${file} is not a didsync plan of format version ${PLAN_FORMAT_VERSION} (saved by \`didsync plan --out\`): `
      + `${e?.instancePath || 'the plan'} ${e?.message ?? 'is malformed'}`);
  }
  const { checksum, ...body } = value as Plan & { checksum: string };
  if (checksumOf(jsonParts(body)) !== checksum) {
    throw new UserError(`${file} was changed after \`didsync plan --out\` saved it (its checksum does not match); make a new plan`);
  }
  const plan = body as Plan;
  // Live rows carried in a file are not believed: apply reads them from the database.
  delete plan.rateReference;
  for (const c of plan.changes) {
    if (c.action !== 'create' && !c.rowId) throw new UserError(`${file}: the ${c.action} of ${c.kind} ${c.key} names no row`);
    if (c.action !== 'delete' && !c.desired) throw new UserError(`${file}: the ${c.action} of ${c.kind} ${c.key} carries no values`);
  }
  for (const [key, ops] of Object.entries(plan.rateOps)) {
    const n = ops.upsert.prefix.length;
    if (RATE_COLUMNS.some((c) => ops.upsert[c].length !== n) || ops.remove.effectiveDate.length !== ops.remove.prefix.length) {
      throw new UserError(`${file}: the rate rows of rating plan ${key} are malformed`);
    }
  }
  return plan;
}

/** The checksum of a plan's JSON text, given in parts. */
function checksumOf(parts: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return `sha256:${hash.digest('hex')}`;
}
