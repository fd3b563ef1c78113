import type { DatasetSchema, Field } from '../../../types.js';
import { SchemaError } from '../../../schema-error.js';
import { sqlReader } from '../read-sql.js';

/** Every dataset a DDL text defines, read as `schema.sql`. */
export function readSqlText(text: string): DatasetSchema[] {
  return sqlReader.read({ path: 'schema.sql', text }).datasets;
}

/** The only dataset of a DDL text. */
export function readOneTable(text: string): DatasetSchema {
  const [only, ...others] = readSqlText(text);
  if (only === undefined || others.length > 0) throw new Error(`expected one table, got ${others.length + (only === undefined ? 0 : 1)}`);
  return only;
}

/** The field at a dotted path, looking through records and arrays of records. */
export function fieldAt(schema: DatasetSchema, dotted: string): Field {
  let fields = schema.fields;
  let found: Field | undefined;
  for (const segment of dotted.split('.')) {
    found = fields.find((field) => field.name === segment);
    if (found === undefined) throw new Error(`no field ${dotted}`);
    const type = found.type.kind === 'array' && found.type.of !== undefined ? found.type.of : found.type;
    fields = type.fields ?? [];
  }
  if (found === undefined) throw new Error(`no field ${dotted}`);
  return found;
}

/** The one line the CLI would print for the text's error, or a note that it read fine. */
export function sqlErrorOf(text: string, path = 'schema.sql'): string {
  try {
    sqlReader.read({ path, text });
    return 'read without error';
  } catch (error) {
    if (error instanceof SchemaError) return `${error.code}: ${error.describe()}`;
    throw error;
  }
}

function sortFields(fields: readonly Field[]): Field[] {
  return [...fields]
    .map((field) => ({ ...field, type: sortType(field.type) }))
    .sort((left, right) => left.name.localeCompare(right.name));
}

function sortType(type: Field['type']): Field['type'] {
  const sorted = { ...type };
  if (type.fields !== undefined) sorted.fields = sortFields(type.fields);
  if (type.of !== undefined) sorted.of = sortType(type.of);
  return sorted;
}

/** The schema with fields (at every depth) in name order, to compare two spellings of one table. */
export function sortFieldsDeep(schema: DatasetSchema): DatasetSchema {
  return { ...schema, fields: sortFields(schema.fields) };
}
