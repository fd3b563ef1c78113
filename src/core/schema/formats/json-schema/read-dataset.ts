import type { DatasetRef, DatasetSchema } from '../../types.js';
import { findVersionInName } from '../../dataset-version.js';
import type { ReadContext } from './schema-node.js';
import { schemaErrorAt } from './schema-node.js';
import { flattenSchema } from './flatten-schema.js';
import { readFields } from './describe-schema.js';
import { encodeJsonPointer } from '../json-text.js';
import { isJsonObject } from './json-value.js';

function rootErrorPointer(root: unknown): string[] {
  if (isJsonObject(root) && Object.hasOwn(root, 'type')) return ['type'];
  if (isJsonObject(root) && Object.hasOwn(root, '$ref')) return ['$ref'];
  return [];
}

/** The one dataset a JSON Schema document describes: its root object's properties, recursively. */
export function readDataset(context: ReadContext, dataset: DatasetRef): DatasetSchema {
  const rootKey = encodeJsonPointer(context.root.pointer);
  const open = new Set([rootKey]);
  const facets = flattenSchema(context, context.root, { open, chain: new Set([rootKey]) });
  const isObject = facets.types === undefined || facets.types.includes('object');
  if (!isObject || facets.properties === undefined || facets.never || facets.cycle) {
    throw schemaErrorAt(context.source, rootErrorPointer(context.root.value), 'root is not an object schema');
  }
  const fields = readFields(context, facets.properties, facets.required, [], new Set([...open, ...facets.refKeys]));
  const schema: DatasetSchema = { dataset, format: 'json-schema', fields, deprecated: facets.deprecated };
  const version = findVersionInName(dataset.physicalName ?? dataset.name);
  if (version !== undefined) schema.version = version;
  if (facets.description !== undefined) schema.description = facets.description;
  return schema;
}
