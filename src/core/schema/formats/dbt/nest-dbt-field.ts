import type { Field } from '../../types.js';
import type { DbtContext } from './dbt-context.js';
import type { DbtColumnEntry } from './resolve-dbt-version.js';
import { dbtError } from './dbt-context.js';

function recordFields(parent: Field, entry: DbtColumnEntry, context: DbtContext): Field[] {
  const element = parent.type.kind === 'array' && parent.type.of !== undefined ? parent.type.of : parent.type;
  if (element.kind === 'record') {
    element.fields ??= [];
    return element.fields;
  }
  if (element.kind === 'unknown' && element.name === undefined) {
    // A parent declared without data_type becomes the record its dotted children describe.
    const fields: Field[] = [];
    if (parent.type.kind === 'array') parent.type.of = { kind: 'record', fields };
    else parent.type = { kind: 'record', fields };
    return fields;
  }
  throw dbtError(context, entry.path, `column ${entry.column.name} is nested under ${parent.path.join('.')}, whose data_type ${parent.type.name ?? parent.type.kind} is not a struct`);
}

function merge(existing: Field, declared: Field, entry: DbtColumnEntry): Field {
  const typed = entry.column.data_type !== undefined && entry.column.data_type !== null && entry.column.data_type.trim() !== '';
  const type = typed
    ? declared.type
    : declared.type.kind === 'enum'
      ? { ...declared.type, ...(existing.type.name === undefined ? {} : { name: existing.type.name }) }
      : existing.type;
  const merged: Field = {
    ...existing,
    type,
    nullable: existing.nullable && declared.nullable,
    renamedFrom: [...new Set([...existing.renamedFrom, ...declared.renamedFrom])],
    deprecated: existing.deprecated || declared.deprecated,
  };
  const constraints = { ...existing.constraints, ...declared.constraints };
  if (Object.keys(constraints).length > 0) merged.constraints = constraints;
  if (declared.description !== undefined) merged.description = declared.description;
  return merged;
}

/**
 * Puts a dotted column (`address.zip`, a BigQuery struct member) under its record: into the
 * record its parent's data_type declares (merging with the member declared there), or into a
 * record made for it when the parent has no data_type or is not declared at all.
 */
export function nestDbtField(fields: Field[], field: Field, entry: DbtColumnEntry, context: DbtContext): void {
  let level = fields;
  for (const [depth, segment] of field.path.slice(0, -1).entries()) {
    let parent = level.find((candidate) => candidate.name === segment);
    if (parent === undefined) {
      parent = { name: segment, path: field.path.slice(0, depth + 1), type: { kind: 'record', fields: [] }, nullable: true, hasDefault: false, renamedFrom: [], deprecated: false };
      level.push(parent);
    }
    level = recordFields(parent, entry, context);
  }
  const at = level.findIndex((candidate) => candidate.name === field.name);
  if (at < 0) level.push(field);
  else level[at] = merge(level[at] ?? field, field, entry);
}
