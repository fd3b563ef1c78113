import type { DatasetSchema } from '../../types.js';
import { findVersionInName } from '../../dataset-version.js';
import { isAvroPrimitive, qualifyAvroName, shortAvroName } from './avro-names.js';
import { avroTypeJson, isDeprecatedFlag } from './avro-json-shapes.js';
import type { AvroNamedType, AvroWalk } from './avro-walk.js';
import { avroSchemaError, defineAvroNamedType, parseAvroNode } from './avro-walk.js';
import { buildAvroFields } from './map-avro-type.js';

function isRecord(named: AvroNamedType): boolean {
  return named.node.type === 'record' || named.node.type === 'error';
}

function buildDataset(walk: AvroWalk, record: AvroNamedType): DatasetSchema {
  walk.expanding.push(record.fullName);
  const fields = buildAvroFields(walk, record, []);
  walk.expanding.pop();
  const schema: DatasetSchema = { dataset: { name: shortAvroName(record.fullName), physicalName: record.fullName }, format: 'avro', fields };
  const version = findVersionInName(record.fullName);
  if (version !== undefined) schema.version = version;
  // Record aliases are relative to the record's namespace, as avsc resolves them.
  const aliases = (record.node.aliases ?? []).map((alias) => qualifyAvroName(alias, record.scope)).sort();
  if (aliases.length > 0) schema.renamedFrom = aliases;
  if (isDeprecatedFlag(record.node.deprecated)) schema.deprecated = true;
  if (record.node.doc !== undefined) schema.description = record.node.doc;
  return schema;
}

function describeType(raw: unknown): string {
  if (typeof raw === 'string') return `"${raw}"`;
  if (typeof raw === 'object' && raw !== null && 'type' in raw) return typeof raw.type === 'string' ? `"${raw.type}"` : 'a nested union';
  return Array.isArray(raw) ? 'a nested union' : JSON.stringify(raw);
}

function findRecord(walk: AvroWalk, raw: unknown, pointer: string): AvroNamedType | undefined {
  if (typeof raw === 'string') {
    const named = isAvroPrimitive(raw) ? undefined : walk.named.get(qualifyAvroName(raw, undefined));
    return named !== undefined && isRecord(named) ? named : undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const node = parseAvroNode(walk, avroTypeJson, raw, pointer);
  if (node.type !== 'record' && node.type !== 'error') return undefined;
  return defineAvroNamedType(walk, node, pointer, undefined);
}

/**
 * The datasets of an Avro schema document: its top-level record, or each record of a top-level
 * union (the form Confluent uses for several event types on one topic).
 */
export function readAvroDatasets(walk: AvroWalk, raw: unknown): DatasetSchema[] {
  if (!Array.isArray(raw)) {
    const record = findRecord(walk, raw, '');
    if (record === undefined) {
      throw avroSchemaError(walk, typeof raw === 'object' ? '/type' : '', `the top-level type must be a record (or a union of records), not ${describeType(raw)}`);
    }
    return [buildDataset(walk, record)];
  }
  return raw.map((branch, index) => {
    const record = findRecord(walk, branch, `/${index}`);
    if (record === undefined) {
      throw avroSchemaError(walk, `/${index}`, `a top-level union may hold only records; branch ${index + 1} is ${describeType(branch)}`);
    }
    return buildDataset(walk, record);
  });
}
