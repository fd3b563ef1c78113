import type { DatasetSchema, Field, FieldType, FieldTypeKind, SchemaFormat } from '../types.js';

type FieldOptions = Partial<Omit<Field, 'name' | 'path' | 'type'>> & { type?: FieldType };

/** A field at the top level (its path is its name); `nest` moves it under a parent. */
export function buildField(name: string, kind: FieldTypeKind | FieldType = 'string', options: FieldOptions = {}): Field {
  const type = typeof kind === 'string' ? { kind } : kind;
  return { name, path: [name], type, nullable: false, hasDefault: false, renamedFrom: [], deprecated: false, ...options };
}

/** A record field whose children get paths under it. */
export function buildRecordField(name: string, children: Field[], options: FieldOptions = {}): Field {
  const nest = (field: Field, parent: string[]): Field => {
    const path = [...parent, field.name];
    const fields = field.type.fields?.map((child) => nest(child, path));
    return { ...field, path, type: fields === undefined ? field.type : { ...field.type, fields } };
  };
  const base = buildField(name, { kind: 'record', fields: [] }, options);
  return { ...base, type: { kind: 'record', fields: children.map((child) => nest(child, [name])) } };
}

/** A dataset schema for tests: `users` in format `sql` unless told otherwise. */
export function buildSchema(fields: Field[], options: Partial<DatasetSchema> & { format?: SchemaFormat } = {}): DatasetSchema {
  return { dataset: { name: 'users', physicalName: 'analytics.users' }, format: 'sql', fields, ...options };
}
