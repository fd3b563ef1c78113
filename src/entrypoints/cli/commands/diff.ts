import { parseArgs } from 'node:util';
import type { SchemaFormat } from '../../../core/schema/index.js';
import { SchemaError, diffSchemaSources, hasBlockingChanges, schemaFormats } from '../../../core/schema/index.js';
import { renderChangeSetJson, renderChangeSetText } from '../../../core/render/index.js';
import { FileReadError, readTextFile } from '../../../adapters/files/index.js';
import type { CliCommand, CliIo } from '../cli-io.js';
import { exitCodes } from '../cli-io.js';

const usage = `usage: downstream diff OLD NEW [--format text|json] [--format avro|protobuf|json-schema|sql|dbt] [--dataset NAME]

Compares two versions of a dataset schema and prints what changed (docs/schema-changes.md).
  --format text|json      output for people (default) or the ChangeSet as JSON
  --format <schema>       the schema format, when the file name does not tell it
  --schema-format <fmt>   the same, spelled out
  --dataset NAME          which dataset of a file that defines several
Exit status: 0 nothing breaking, 1 breaking changes or changes to review, 2 unreadable input.
`;

type Output = 'text' | 'json';

type DiffOptions = { output: Output; format?: SchemaFormat; dataset?: string; files: string[] };

function isSchemaFormat(value: string): value is SchemaFormat {
  return (schemaFormats as readonly string[]).includes(value);
}

/** Splits `--format` values into the output format and the schema format; they never overlap. */
function parseDiffArgs(argv: string[]): DiffOptions | { error: string } | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', multiple: true },
      'schema-format': { type: 'string' },
      dataset: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help === true) return 'help';
  const options: DiffOptions = { output: 'text', files: positionals };
  for (const value of [...(values.format ?? []), ...(values['schema-format'] === undefined ? [] : [values['schema-format']])]) {
    if (value === 'text' || value === 'json') options.output = value;
    else if (isSchemaFormat(value)) options.format = value;
    else return { error: `unknown format "${value}" (output: text, json; schema: ${schemaFormats.join(', ')})` };
  }
  if (values.dataset !== undefined) options.dataset = values.dataset;
  if (positionals.length !== 2) return { error: `expected two schema files, OLD and NEW, got ${positionals.length}` };
  return options;
}

async function runDiff(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseDiffArgs>;
  try {
    parsed = parseDiffArgs(argv);
  } catch (error) {
    // parseArgs rejects unknown options with a readable message.
    io.stderr.write(`downstream diff: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return exitCodes.badInput;
  }
  if (parsed === 'help') {
    io.stdout.write(usage);
    return exitCodes.ok;
  }
  if ('error' in parsed) {
    io.stderr.write(`downstream diff: ${parsed.error}\n${usage}`);
    return exitCodes.badInput;
  }
  const [oldPath = '', newPath = ''] = parsed.files;
  try {
    const [oldText, newText] = await Promise.all([readTextFile(io.cwd, oldPath), readTextFile(io.cwd, newPath)]);
    const changeSet = diffSchemaSources({ path: oldPath, text: oldText }, { path: newPath, text: newText }, {
      ...(parsed.format === undefined ? {} : { format: parsed.format }),
      ...(parsed.dataset === undefined ? {} : { dataset: parsed.dataset }),
    });
    io.stdout.write(parsed.output === 'json' ? renderChangeSetJson(changeSet) : renderChangeSetText(changeSet));
    return hasBlockingChanges(changeSet) ? exitCodes.findings : exitCodes.ok;
  } catch (error) {
    if (error instanceof SchemaError) {
      io.stderr.write(`${error.describe()}\n`);
      return exitCodes.badInput;
    }
    if (error instanceof FileReadError) {
      io.stderr.write(`${error.message}\n`);
      return exitCodes.badInput;
    }
    throw error;
  }
}

/** `downstream diff OLD NEW`: what changed in a dataset's schema, and whether it breaks consumers. */
export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'show what changed between two versions of a dataset schema',
  usage,
  run: runDiff,
};
