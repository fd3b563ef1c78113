/** The canonical schema model every format reader produces (DESIGN §3). */

export type SchemaFormat = 'avro' | 'protobuf' | 'json-schema' | 'sql' | 'dbt';

export const schemaFormats = ['avro', 'protobuf', 'json-schema', 'sql', 'dbt'] as const satisfies readonly SchemaFormat[];

/** A dataset as the catalog names it, and the physical table (or message, or model) behind it. */
export type DatasetRef = { name: string; physicalName?: string };

export type FieldTypeKind =
  | 'string'
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'decimal'
  | 'boolean'
  | 'bytes'
  | 'date'
  | 'timestamp'
  | 'json'
  | 'enum'
  | 'record'
  | 'array'
  | 'map'
  | 'unknown';

/**
 * A field's type. `of` is the element type of an array or the value type of a map; `fields` are
 * the members of a record; `symbols` the values of an enum. `name` is the format's own spelling
 * (`INT64`, `google.protobuf.Timestamp`, `varchar(20)`), kept for messages and metadata only.
 */
export type FieldType = {
  kind: FieldTypeKind;
  of?: FieldType;
  fields?: Field[];
  symbols?: string[];
  name?: string;
};

/**
 * Constraints a format can state about a field's values. Keys are stable names
 * (`maxLength`, `pattern`, `unique`, `primaryKey`, `check`, `number`, …); a change to any of them is
 * a `constraint.changed`.
 */
export type FieldConstraints = Record<string, string | number | boolean>;

export type Field = {
  name: string;
  /** Where the field sits, from the dataset root: `["address", "zip"]`. */
  path: string[];
  type: FieldType;
  nullable: boolean;
  hasDefault: boolean;
  /** A stable identity the format gives the field (protobuf number, ODCS id). */
  id?: string | number;
  /**
   * Earlier names of this field. Avro `aliases` count as identity; every other source
   * (`x-renamed-from`, `-- downstream:renamed-from`, `ALTER TABLE … RENAME COLUMN`,
   * `meta.renamed_from`) is a declared hint. May be dotted (`address.zip`) when the field moved.
   */
  renamedFrom: string[];
  deprecated: boolean;
  constraints?: FieldConstraints;
  description?: string;
};

export type DatasetSchema = {
  dataset: DatasetRef;
  format: SchemaFormat;
  version?: string;
  fields: Field[];
  /** Earlier physical names of the dataset (Avro record aliases, `ALTER TABLE … RENAME TO`). */
  renamedFrom?: string[];
  deprecated?: boolean;
  /** When the dataset stops being served (dbt `deprecation_date`), ISO date. */
  deprecationDate?: string;
  description?: string;
  /** Versions the document still publishes (dbt model `versions`), oldest first. */
  versions?: string[];
  /** Dataset-level constraints, e.g. protobuf `reserved` numbers and names. */
  constraints?: FieldConstraints;
};

export type ChangeKind =
  | 'field.added'
  | 'field.removed'
  | 'field.renamed'
  | 'field.suspected-rename'
  | 'field.type-changed'
  | 'field.nullability-changed'
  | 'field.moved'
  | 'enum.value-added'
  | 'enum.value-removed'
  | 'constraint.changed'
  | 'dataset.renamed'
  | 'dataset.version-added'
  | 'dataset.deprecated'
  | 'metadata.changed';

export const changeKinds = [
  'field.added',
  'field.removed',
  'field.renamed',
  'field.suspected-rename',
  'field.type-changed',
  'field.nullability-changed',
  'field.moved',
  'enum.value-added',
  'enum.value-removed',
  'constraint.changed',
  'dataset.renamed',
  'dataset.version-added',
  'dataset.deprecated',
  'metadata.changed',
] as const satisfies readonly ChangeKind[];

export type Severity = 'breaking' | 'non-breaking' | 'review';

export type Evidence = 'identity' | 'declared' | 'heuristic';

/**
 * One difference between two schemas. `path` is where the field sits in the old schema (in the
 * new one for `field.added`). For renames and moves `from`/`to` are the old and new names (or
 * dotted paths for a move); for type changes the old and new type signatures; for a dataset
 * rename the old and new physical names; for enum changes `to`/`from` is the symbol.
 */
export type Change = {
  kind: ChangeKind;
  path: string[];
  from?: string;
  to?: string;
  severity: Severity;
  evidence?: Evidence;
  detail?: string;
};

export type ChangeSet = {
  dataset: DatasetRef;
  fromVersion?: string;
  toVersion?: string;
  changes: Change[];
};
