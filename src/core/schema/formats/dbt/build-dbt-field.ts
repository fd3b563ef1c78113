import type { Field, FieldConstraints, FieldType } from '../../types.js';
import type { DbtContext } from './dbt-context.js';
import type { DbtColumnFacts } from './read-dbt-column-facts.js';
import type { DbtColumnEntry } from './resolve-dbt-version.js';
import { SqlInputError, combineChecks, mapSqlType } from '../sql/index.js';
import { dbtError } from './dbt-context.js';

function mapDataType(entry: DbtColumnEntry, path: string[], context: DbtContext): { type: FieldType; constraints: FieldConstraints } {
  const text = entry.column.data_type?.trim();
  if (text === undefined || text === '') return { type: { kind: 'unknown' }, constraints: {} };
  try {
    return mapSqlType(text, { dialect: context.dialect, path });
  } catch (error) {
    if (!(error instanceof SqlInputError)) throw error;
    throw dbtError(context, [...entry.path, 'data_type'], `column ${entry.column.name}: cannot read data_type ${JSON.stringify(text)}: ${error.message}`);
  }
}

function renamedFrom(entry: DbtColumnEntry): string[] {
  const { meta, config } = entry.column;
  const value = config?.meta?.renamed_from ?? meta?.renamed_from;
  if (value === undefined || value === null) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/**
 * The field one dbt column describes: its data_type through the SQL type mapping (unknown when
 * absent), an enum when accepted_values lists the values, required when not_null or
 * primary_key says so, earlier names and deprecation from `meta` (or `config.meta`).
 */
export function buildDbtField(entry: DbtColumnEntry, facts: DbtColumnFacts, path: string[], context: DbtContext): Field {
  const { column } = entry;
  const mapped = mapDataType(entry, path, context);
  const type: FieldType = facts.acceptedValues === undefined
    ? mapped.type
    : { kind: 'enum', ...(mapped.type.name === undefined ? {} : { name: mapped.type.name }), symbols: facts.acceptedValues };
  const constraints: FieldConstraints = { ...mapped.constraints };
  if (facts.unique) constraints.unique = true;
  if (facts.primaryKey) constraints.primaryKey = true;
  if (facts.checks.length > 0) constraints.check = combineChecks(facts.checks);
  if (facts.references !== undefined) constraints.references = facts.references;
  const meta = { ...column.meta, ...column.config?.meta };
  const field: Field = {
    name: path.at(-1) ?? column.name,
    path,
    type,
    nullable: !(facts.notNull || facts.primaryKey),
    hasDefault: false,
    renamedFrom: renamedFrom(entry),
    deprecated: meta.deprecated === true,
  };
  if (Object.keys(constraints).length > 0) field.constraints = constraints;
  const description = column.description?.trim();
  if (description !== undefined && description !== '') field.description = description;
  return field;
}
