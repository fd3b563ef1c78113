import type { SchemaFormat } from '../types.js';
import type { SchemaReader } from './schema-reader.js';
import { SchemaError } from '../schema-error.js';
import { avroReader } from './avro/read-avro.js';
import { protobufReader } from './protobuf/read-protobuf.js';
import { jsonSchemaReader } from './json-schema/read-json-schema.js';
import { sqlReader } from './sql/read-sql.js';
import { dbtReader } from './dbt/read-dbt.js';

/** Every built-in format reader. A new format is added here and passes the conformance test. */
export const schemaReaders: readonly SchemaReader[] = [avroReader, protobufReader, jsonSchemaReader, sqlReader, dbtReader];

/** The reader whose extension the file name ends with (longest match), if any. */
export function findReaderForFile(fileName: string): SchemaReader | undefined {
  const lower = fileName.toLowerCase();
  let best: { reader: SchemaReader; length: number } | undefined;
  for (const reader of schemaReaders) {
    for (const extension of reader.extensions) {
      if (lower.endsWith(extension) && (best === undefined || extension.length > best.length)) {
        best = { reader, length: extension.length };
      }
    }
  }
  return best?.reader;
}

/** The reader for an explicit format, or for the file's extension; throws when neither names one. */
export function getReaderOrThrow(fileName: string, format?: SchemaFormat): SchemaReader {
  if (format !== undefined) {
    const reader = schemaReaders.find((candidate) => candidate.format === format);
    if (reader !== undefined) return reader;
  }
  const reader = findReaderForFile(fileName);
  if (reader === undefined) {
    const known = schemaReaders.flatMap((candidate) => candidate.extensions).join(', ');
    throw new SchemaError('unknown-format', fileName, `cannot tell the schema format from the file name (known: ${known}); pass --format`);
  }
  return reader;
}
