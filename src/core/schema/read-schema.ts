import type { ChangeSet, SchemaFormat } from './types.js';
import type { SchemaDocument, SchemaSource } from './formats/index.js';
import { getReaderOrThrow } from './formats/index.js';
import { SchemaError } from './schema-error.js';
import { diffSchemas } from './diff/diff-schemas.js';
import { selectDatasetPair } from './select-datasets.js';

/** Reads one schema file's text with the reader its format (given, or from the file name) calls for. */
export function readSchema(source: SchemaSource, options: { format?: SchemaFormat } = {}): SchemaDocument {
  return getReaderOrThrow(source.path, options.format).read(source);
}

/** `downstream diff` without the I/O: read both texts, pair the dataset, diff. Throws `SchemaError` on bad input. */
export function diffSchemaSources(oldSource: SchemaSource, newSource: SchemaSource, options: { format?: SchemaFormat; dataset?: string } = {}): ChangeSet {
  const oldReader = getReaderOrThrow(oldSource.path, options.format);
  const newReader = getReaderOrThrow(newSource.path, options.format);
  if (oldReader.format !== newReader.format) {
    throw new SchemaError(
      'format-mismatch',
      newSource.path,
      `is ${newReader.format} but ${oldSource.path} is ${oldReader.format}; compare two versions of the same format`,
    );
  }
  const oldDocument = oldReader.read(oldSource);
  const newDocument = newReader.read(newSource);
  const [oldSchema, newSchema] = selectDatasetPair(oldDocument, newDocument, options.dataset);
  return diffSchemas(oldSchema, newSchema);
}
