import type { z } from 'zod';
import type { ChangeSet } from '../../../core/schema/index.js';
import { diffSchemas, readSchema, selectDatasetPair } from '../../../core/schema/index.js';
import { readTextFile } from '../../../adapters/files/index.js';
import type { MigrateArgs } from './migrate-args.js';
import { changeSetSchema } from './change-set-schema.js';

/** A change set to apply, and the old schema's top-level field names when the schemas were given. */
export type MigrateInput = { changeSet: ChangeSet; fieldNames: string[] | undefined };

/** Bad input the user can fix, named by file (and JSON path when known). */
export class MigrateInputError extends Error {
  override readonly name = 'MigrateInputError';
  readonly code = 'invalid-change-set';
}

function describeIssue(file: string, issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? '' : ` at ${issue.path.map(String).join('.')}`;
  return `${file}: not a ChangeSet${where}: ${issue.message}`;
}

async function readChangeSetFile(cwd: string, file: string): Promise<ChangeSet> {
  const text = await readTextFile(cwd, file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MigrateInputError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = changeSetSchema.safeParse(json);
  if (!parsed.success) throw new MigrateInputError(describeIssue(file, parsed.error.issues[0] ?? { code: 'custom', message: 'invalid', path: [], input: json }));
  return parsed.data;
}

/** Reads the change set from `--changes`, or diffs `--from`/`--to` (keeping the old fields for row-type detection). */
export async function readMigrateInput(cwd: string, args: MigrateArgs): Promise<MigrateInput> {
  if (args.input.kind === 'changes') return { changeSet: await readChangeSetFile(cwd, args.input.file), fieldNames: undefined };
  const { from, to } = args.input;
  const [oldText, newText] = await Promise.all([readTextFile(cwd, from), readTextFile(cwd, to)]);
  const oldDocument = readSchema({ path: from, text: oldText });
  const newDocument = readSchema({ path: to, text: newText });
  if (oldDocument.format !== newDocument.format) throw new MigrateInputError(`${to} is ${newDocument.format} but ${from} is ${oldDocument.format}; compare two versions of the same format`);
  const [oldSchema, newSchema] = selectDatasetPair(oldDocument, newDocument, args.dataset);
  return { changeSet: diffSchemas(oldSchema, newSchema), fieldNames: oldSchema.fields.map((field) => field.name) };
}
