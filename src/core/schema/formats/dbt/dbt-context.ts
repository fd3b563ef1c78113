import type { SqlDialect } from '../sql/index.js';
import { SchemaError } from '../../schema-error.js';

/** A place in the YAML document: keys and list indexes from the root (`['models', 0, 'columns', 2]`). */
export type DbtPath = ReadonlyArray<string | number>;

/** What the dbt reader carries while it builds: the file, how to find a path's line, the SQL dialect of its data types. */
export type DbtContext = { file: string; lineOf(path: DbtPath): number; dialect: SqlDialect };

/** `models[0].columns[2].name`, the way a person finds the spot in the file. */
export function renderDbtPath(path: DbtPath): string {
  let text = '';
  for (const segment of path) text += typeof segment === 'number' ? `[${segment}]` : `${text === '' ? '' : '.'}${segment}`;
  return text;
}

/** A `SchemaError` (invalid-schema unless told) at the line of `path`. */
export function dbtError(context: DbtContext, path: DbtPath, message: string, code: 'invalid-schema' | 'invalid-syntax' = 'invalid-schema'): SchemaError {
  return new SchemaError(code, context.file, message, { line: context.lineOf(path), format: 'dbt' });
}
