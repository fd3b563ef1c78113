import { parseArgs } from 'node:util';

/** What `downstream migrate` was asked to do. */
export type MigrateArgs = {
  repo: string;
  input: { kind: 'changes'; file: string } | { kind: 'schemas'; from: string; to: string };
  dataset: string | undefined;
  physicalName: string | undefined;
  paths: string[] | undefined;
  write: boolean;
  format: 'text' | 'json';
};

/** Parses and checks the arguments; a string is a one-line error for the user. */
export function parseMigrateArgs(argv: string[]): MigrateArgs | 'help' | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        repo: { type: 'string' },
        changes: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        dataset: { type: 'string' },
        'physical-name': { type: 'string' },
        paths: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        write: { type: 'boolean' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const { values } = parsed;
  if (values.help === true) return 'help';
  if (values.repo === undefined) return { error: '--repo PATH is required' };
  const hasSchemas = values.from !== undefined || values.to !== undefined;
  if (values.changes !== undefined && hasSchemas) return { error: 'give either --changes or --from/--to, not both' };
  if (values.changes === undefined && (values.from === undefined || values.to === undefined)) return { error: 'give --changes CHANGESET.json, or both --from OLD and --to NEW' };
  if (values['dry-run'] === true && values.write === true) return { error: '--dry-run and --write exclude each other' };
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return { error: `unknown format "${format}" (text, json)` };
  return {
    repo: values.repo,
    input: values.changes !== undefined ? { kind: 'changes', file: values.changes } : { kind: 'schemas', from: values.from ?? '', to: values.to ?? '' },
    dataset: values.dataset,
    physicalName: values['physical-name'],
    paths: values.paths,
    write: values.write === true,
    format,
  };
}
