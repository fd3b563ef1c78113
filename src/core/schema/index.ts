export type {
  Change,
  ChangeKind,
  ChangeSet,
  DatasetRef,
  DatasetSchema,
  Evidence,
  Field,
  FieldConstraints,
  FieldType,
  FieldTypeKind,
  SchemaFormat,
  Severity,
} from './types.js';
export { changeKinds, schemaFormats } from './types.js';
export { SchemaError } from './schema-error.js';
export type { SchemaErrorCode } from './schema-error.js';
export type { SchemaDocument, SchemaReader, SchemaSource } from './formats/index.js';
export { findReaderForFile, getReaderOrThrow, schemaReaders } from './formats/index.js';
export { findVersionInName, stripVersionFromName } from './dataset-version.js';
export { diffSchemas } from './diff/diff-schemas.js';
export { classifyTypeChange, renderTypeSignature } from './diff/type-signature.js';
export type { TypeChangeDirection } from './diff/type-signature.js';
export { selectDatasetPair } from './select-datasets.js';
export { diffSchemaSources, readSchema } from './read-schema.js';
export { hasBlockingChanges } from './blocking-changes.js';
export { confirmRenames, needsConsumerWork } from './confirm-renames.js';
export { invertChangeSet } from './invert-change-set.js';
