import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { MigrationResult } from '../../../core/codemods/index.js';
import { migrate, renderLeftovers, renderMigrationDiff } from '../../../core/codemods/index.js';
import { SchemaError } from '../../../core/schema/index.js';
import { FileReadError } from '../../../adapters/files/index.js';
import { createDiskCheckout, writeCheckoutFiles } from '../../../adapters/checkout/index.js';
import { builtinTransforms } from '../../../../transforms/index.js';
import type { CliCommand, CliIo } from '../cli-io.js';
import { exitCodes } from '../cli-io.js';
import type { MigrateArgs } from './migrate-args.js';
import { parseMigrateArgs } from './migrate-args.js';
import { MigrateInputError, readMigrateInput } from './read-migrate-input.js';

const usage = `usage: downstream migrate --repo PATH (--changes CHANGESET.json | --from OLD --to NEW)
                          [--dataset NAME] [--physical-name TABLE] [--paths GLOB]...
                          [--dry-run | --write] [--format text|json]

Patches a consumer checkout for a schema change with the built-in codemods (docs/codemods.md).
  --repo PATH            the consumer checkout
  --changes FILE         a ChangeSet, as \`downstream diff --format json\` prints it
  --from OLD --to NEW    two versions of the schema, diffed first
  --dataset NAME         which dataset of a schema file, and a name the consumer may use for it
  --physical-name TABLE  the dataset's table when the change set does not name it
  --paths GLOB           where the consumer keeps its data-access code (repeatable)
  --dry-run | --write    print the patch (default), or apply it to the checkout
  --format text|json     a unified diff and the leftovers, or the full result as JSON
Exit status: 0 patched or nothing to do, 1 leftovers remain, 2 bad input.
`;

function renderText(result: MigrationResult, written: boolean): string {
  const diff = renderMigrationDiff(result.edits);
  const files = result.edits.length;
  const verification = result.verified.status === 'skipped' ? 'nothing to type-check' : `type check ${result.verified.status} on ${result.verified.checkedFiles} file(s)`;
  const summary = `${files} file(s) ${written ? 'patched' : files === 0 ? 'to patch' : 'would be patched (dry run; --write applies)'}; ${result.leftovers.length} leftover(s); ${verification}`;
  return `${diff}${diff === '' ? '' : '\n'}${renderLeftovers(result.leftovers)}${summary}\n`;
}

function renderJson(result: MigrationResult, written: boolean): string {
  const edits = result.edits.map((edit) => ({
    path: edit.path,
    transform: edit.transform,
    edits: edit.edits.length,
    diff: renderMigrationDiff([edit]),
  }));
  return `${JSON.stringify({ written, edits, leftovers: result.leftovers, verified: result.verified, stats: result.stats }, null, 2)}\n`;
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    // Missing or unreadable: either way not a checkout we can patch.
    return false;
  }
}

async function execute(args: MigrateArgs, io: CliIo): Promise<number> {
  const repo = path.resolve(io.cwd, args.repo);
  if (!(await isDirectory(repo))) {
    io.stderr.write(`downstream migrate: --repo ${args.repo}: not a directory\n`);
    return exitCodes.badInput;
  }
  const input = await readMigrateInput(io.cwd, args);
  const result = await migrate(createDiskCheckout(repo), input.changeSet, {
    transforms: builtinTransforms,
    ...(args.paths === undefined ? {} : { paths: args.paths }),
    ...(args.physicalName === undefined ? {} : { physicalName: args.physicalName }),
    ...(args.dataset === undefined ? {} : { datasetNames: [args.dataset] }),
    ...(input.fieldNames === undefined ? {} : { fieldNames: input.fieldNames }),
    clock: () => performance.now(),
  });
  if (args.write) await writeCheckoutFiles(repo, result.edits);
  io.stdout.write(args.format === 'json' ? renderJson(result, args.write) : renderText(result, args.write));
  return result.leftovers.length > 0 ? exitCodes.findings : exitCodes.ok;
}

async function runMigrate(argv: string[], io: CliIo): Promise<number> {
  const args = parseMigrateArgs(argv);
  if (args === 'help') {
    io.stdout.write(usage);
    return exitCodes.ok;
  }
  if ('error' in args) {
    io.stderr.write(`downstream migrate: ${args.error}\n${usage}`);
    return exitCodes.badInput;
  }
  try {
    return await execute(args, io);
  } catch (error) {
    if (error instanceof SchemaError) {
      io.stderr.write(`${error.describe()}\n`);
      return exitCodes.badInput;
    }
    if (error instanceof FileReadError || error instanceof MigrateInputError) {
      io.stderr.write(`downstream migrate: ${error.message}\n`);
      return exitCodes.badInput;
    }
    throw error;
  }
}

/** `downstream migrate`: patch a consumer checkout for a change set, print the diff and what is left for a person. */
export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'patch a consumer checkout for a schema change (diff and leftovers)',
  usage,
  run: runMigrate,
};
