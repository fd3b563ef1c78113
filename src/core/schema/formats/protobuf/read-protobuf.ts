import type { Type } from 'protobufjs';
import type { DatasetSchema } from '../../types.js';
import type { SchemaReader } from '../schema-reader.js';
import { findVersionInName } from '../../dataset-version.js';
import { buildProtoFields, normalizeProtoComment, protoFullName } from './build-proto-fields.js';
import { findProtoRoots } from './find-proto-roots.js';
import { parseProtoText } from './parse-proto-text.js';
import { renderReserved } from './render-reserved.js';

function buildDataset(message: Type): DatasetSchema {
  const physicalName = protoFullName(message);
  const fields = buildProtoFields({ expanding: [physicalName] }, message, []);
  const schema: DatasetSchema = { dataset: { name: message.name, physicalName }, format: 'protobuf', fields };
  const version = findVersionInName(physicalName);
  if (version !== undefined) schema.version = version;
  const reserved = renderReserved(message.reserved);
  if (reserved !== undefined) schema.constraints = { reserved };
  if (message.options?.['deprecated'] === true) schema.deprecated = true;
  const description = normalizeProtoComment(message.comment);
  if (description !== undefined) schema.description = description;
  return schema;
}

/** Reads a `.proto` file (proto2, proto3 or an edition): each root message is a dataset named `package.Message`. */
export const protobufReader: SchemaReader = {
  format: 'protobuf',
  extensions: ['.proto'],
  read(source) {
    const parsed = parseProtoText(source.path, source.text);
    return { format: 'protobuf', source: source.path, datasets: findProtoRoots(parsed.scope).map(buildDataset) };
  },
};
