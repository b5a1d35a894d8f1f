// `didsync export --out DIR [--all]`: the database as a new config repository.
// `didsync export --into DIR [--all]`: the database written back into an
// existing config repository, editing only what differs.
// Both read the database only, and check that what they wrote validates.

import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { SetExit } from './index.js';
import { loadDesired, withDatabase } from '../session.js';
import { exportDatabase, holdsConfig } from '../../export/export.js';
import { writeTree } from '../../export/write-tree.js';
import { describeWriteBack, planWriteBack } from '../../export/write-back.js';
import { writeChanges } from '../../export/file-edits.js';
import { validateRoot } from '../../validate/index.js';
import { formatProblemsText } from '../../report/format-problems.js';
import { UserError } from '../../report/errors.js';

interface ExportFlags {
  out?: string;
  into?: string;
  db?: string;
  all?: boolean;
}

export function register(program: Command, setExit: SetExit): void {
  program
    .command('export')
    .description('write the database as a config repository (--out), or write its changes back into one (--into)')
    .option('--out <dir>', 'write a new config repository into this (empty) folder')
    .option('--into <dir>', 'edit the config in this folder so that it matches the database')
    .option('--db <url>', 'database URL (default: $DATABASE_URL, else the embedded database)')
    .option('--all', 'every row of the managed tables, not only the managed objects (--out) or those related to the config (--into)')
    .action(async (flags: ExportFlags) => {
      if ((flags.out === undefined) === (flags.into === undefined)) {
        throw new UserError('give exactly one of --out DIR (a new config repository) and --into DIR (update an existing one)');
      }
      if (flags.out !== undefined) await exportOut(flags.out, flags);
      else await exportInto(flags.into!, flags);
      setExit(0);
    });
}

async function exportOut(out: string, flags: ExportFlags): Promise<void> {
  if (await holdsConfig(out)) {
    throw new UserError(`${out} already holds YAML files; export into an empty folder, or update that config with --into ${out}`);
  }
  const result = await withDatabase(flags.db, (db) => exportDatabase(db, { all: flags.all === true }));
  await writeTree(out, result.files);
  for (const f of result.files) process.stdout.write(`wrote ${f.path}\n`);
  for (const s of result.skipped) process.stderr.write(`didsync: skipped ${s.kind} ${s.key}: ${s.reason}\n`);
  process.stdout.write(`Exported ${result.objects} object(s) in ${result.files.length} file(s) to ${out}.\n`);
  await checkWritten(out, 'the exported config');
}

async function exportInto(into: string, flags: ExportFlags): Promise<void> {
  const { root, desired } = await loadDesired(into);
  const result = await withDatabase(flags.db, (db) => planWriteBack(db, root, desired, { all: flags.all === true }));
  await writeChanges(root, result.files);
  process.stdout.write(describeWriteBack(result, into));
  if (result.files.length > 0) await checkWritten(into, 'the updated config');
}

/** The files written must validate; when the database holds values the rules refuse, say where. */
async function checkWritten(dir: string, what: string): Promise<void> {
  const root = resolve(dir);
  const { problems } = await validateRoot(root);
  if (problems.length === 0) return;
  process.stderr.write(await formatProblemsText(root, problems, { colour: process.stderr.isTTY === true }));
  throw new UserError(`${what} in ${dir} does not validate (${problems.length} problem(s)): the database holds values the config rules refuse; correct them in the files (or in the database) before committing`);
}
