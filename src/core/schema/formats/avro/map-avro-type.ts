import type { Field, FieldType, FieldTypeKind } from '../../types.js';
import type { AvroPrimitive } from './avro-names.js';
import { isAvroPrimitive, qualifyAvroName } from './avro-names.js';
import { avroFieldJson, avroTypeJson, isDeprecatedFlag } from './avro-json-shapes.js';
import type { AvroNamedType, AvroWalk } from './avro-walk.js';
import { avroSchemaError, countAvroField, defineAvroNamedType, getAvroNamedTypeOrThrow, parseAvroNode } from './avro-walk.js';
import type { MappedAvroType } from './map-avro-logical-type.js';
import { mapAvroLogicalType } from './map-avro-logical-type.js';

/** A field's type in the canonical model, whether it admits null, and the constraints it brings. */
export type MappedAvroField = MappedAvroType & { nullable: boolean };

const primitiveKinds = {
  null: 'unknown', boolean: 'boolean', int: 'int', long: 'long', float: 'float', double: 'double', bytes: 'bytes', string: 'string',
} as const satisfies Record<AvroPrimitive, FieldTypeKind>;

function mapPrimitive(name: AvroPrimitive): MappedAvroField {
  return { type: { kind: primitiveKinds[name], name }, nullable: name === 'null' };
}

function isNullBranch(branch: unknown): boolean {
  return branch === 'null' || (typeof branch === 'object' && branch !== null && 'type' in branch && branch.type === 'null');
}

// How a union branch is spelled in `union<…>`: its name, or the collection with its element.
function spell(type: FieldType): string {
  if ((type.kind === 'array' || type.kind === 'map') && type.of !== undefined) return `${type.kind}<${spell(type.of)}>`;
  return type.name ?? type.kind;
}

function mapUnion(walk: AvroWalk, branches: unknown[], pointer: string, scope: string | undefined, path: string[]): MappedAvroField {
  // Every branch is mapped, even in a union we cannot represent, so the types it declares are registered.
  const mapped = branches.map((branch, index) => ({ branch, result: mapAvroType(walk, branch, `${pointer}/${index}`, scope, path) }));
  const nonNull = mapped.filter(({ branch }) => !isNullBranch(branch)).map(({ result }) => result);
  const hasNull = nonNull.length < mapped.length;
  const [only, ...others] = nonNull;
  if (only === undefined) return mapPrimitive('null');
  if (others.length === 0) return { ...only, nullable: hasNull || only.nullable };
  const names = nonNull.map(({ type }) => spell(type)).sort();
  return { type: { kind: 'unknown', name: `union<${names.join(',')}>` }, nullable: hasNull };
}

function mapNamed(walk: AvroWalk, named: AvroNamedType, path: string[]): MappedAvroField {
  const { node, fullName } = named;
  if (node.type === 'enum') return { type: { kind: 'enum', name: fullName, symbols: [...(node.symbols ?? [])] }, nullable: false };
  if (node.type === 'fixed') {
    const logical = mapAvroLogicalType(node, 'fixed');
    if (logical !== undefined) return { ...logical, nullable: false };
    return { type: { kind: 'bytes', name: fullName }, nullable: false, ...(node.size === undefined ? {} : { constraints: { size: node.size } }) };
  }
  if (walk.expanding.includes(fullName)) return { type: { kind: 'record', name: fullName }, nullable: false };
  walk.expanding.push(fullName);
  const fields = buildAvroFields(walk, named, path);
  walk.expanding.pop();
  return { type: { kind: 'record', name: fullName, fields }, nullable: false };
}

/** Maps one written type (a name, a union array or an object) at `pointer`; record members get paths under `path`. */
export function mapAvroType(walk: AvroWalk, raw: unknown, pointer: string, scope: string | undefined, path: string[]): MappedAvroField {
  if (typeof raw === 'string') {
    const name = qualifyAvroName(raw, scope);
    return isAvroPrimitive(name) ? mapPrimitive(name) : mapNamed(walk, getAvroNamedTypeOrThrow(walk, raw, scope, pointer), path);
  }
  if (Array.isArray(raw)) return mapUnion(walk, raw, pointer, scope, path);
  const node = parseAvroNode(walk, avroTypeJson, raw, pointer);
  if (isAvroPrimitive(node.type)) {
    const logical = mapAvroLogicalType(node, node.type);
    return logical === undefined ? mapPrimitive(node.type) : { ...logical, nullable: false };
  }
  if (node.type === 'array' || node.type === 'map') {
    const key = node.type === 'array' ? 'items' : 'values';
    const element = mapAvroType(walk, node[key], `${pointer}/${key}`, scope, path);
    return { type: { kind: node.type, of: element.type }, nullable: false };
  }
  if (node.type === 'record' || node.type === 'error' || node.type === 'enum' || node.type === 'fixed') {
    return mapNamed(walk, defineAvroNamedType(walk, node, pointer, scope), path);
  }
  throw avroSchemaError(walk, `${pointer}/type`, `unknown type "${node.type}"`);
}

function buildAvroField(walk: AvroWalk, raw: unknown, pointer: string, scope: string | undefined, parentPath: string[]): Field {
  const field = parseAvroNode(walk, avroFieldJson, raw, pointer);
  if (field.type === undefined) throw avroSchemaError(walk, pointer, `field "${field.name}" has no "type"`);
  countAvroField(walk, pointer);
  const path = [...parentPath, field.name];
  const mapped = mapAvroType(walk, field.type, `${pointer}/type`, scope, path);
  const built: Field = {
    name: field.name,
    path,
    type: mapped.type,
    nullable: mapped.nullable,
    hasDefault: 'default' in field,
    renamedFrom: [...(field.aliases ?? [])].sort(),
    deprecated: isDeprecatedFlag(field.deprecated),
  };
  if (mapped.constraints !== undefined) built.constraints = mapped.constraints;
  if (field.doc !== undefined) built.description = field.doc;
  return built;
}

/** The fields of a record, each with its full path from the dataset root. */
export function buildAvroFields(walk: AvroWalk, record: AvroNamedType, path: string[]): Field[] {
  const fields = record.node.fields;
  if (fields === undefined) throw avroSchemaError(walk, record.pointer, `record ${record.fullName} has no "fields" array`);
  return fields.map((raw, index) => buildAvroField(walk, raw, `${record.pointer}/fields/${index}`, record.scope, path));
}
