export type { SchemaDocument, SchemaReader, SchemaSource } from './schema-reader.js';
export { schemaReaders, findReaderForFile, getReaderOrThrow } from './registry.js';
