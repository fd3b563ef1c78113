import type { FieldType, FieldTypeKind } from '../types.js';

/** `int`, `array<long>`, `map<record>`: the kind, with the element for collections. */
export function renderTypeSignature(type: FieldType): string {
  if ((type.kind === 'array' || type.kind === 'map') && type.of !== undefined) {
    return `${type.kind}<${renderTypeSignature(type.of)}>`;
  }
  if (type.kind === 'unknown' && type.name !== undefined) return type.name;
  return type.kind;
}

export type TypeChangeDirection = 'widening' | 'narrowing' | 'incompatible';

// Every value of the left kind is a valid value of the right one, and readers of the right accept it.
const widenings: ReadonlyArray<readonly [FieldTypeKind, FieldTypeKind]> = [
  ['int', 'long'],
  ['int', 'float'],
  ['int', 'double'],
  ['int', 'decimal'],
  ['long', 'decimal'],
  ['long', 'double'],
  ['float', 'double'],
  ['date', 'timestamp'],
  ['enum', 'string'],
];

function kindWidens(from: FieldTypeKind, to: FieldTypeKind): boolean {
  return widenings.some(([left, right]) => left === from && right === to);
}

/** Whether a change of type keeps every old value valid (widening), is the reverse, or neither. */
export function classifyTypeChange(from: FieldType, to: FieldType): TypeChangeDirection {
  if (from.kind === to.kind && (from.kind === 'array' || from.kind === 'map') && from.of !== undefined && to.of !== undefined) {
    return classifyTypeChange(from.of, to.of);
  }
  if (kindWidens(from.kind, to.kind)) return 'widening';
  if (kindWidens(to.kind, from.kind)) return 'narrowing';
  return 'incompatible';
}

/** Whether both types are records (or collections of records) whose fields are compared one by one. */
export function findRecordFields(type: FieldType): FieldType['fields'] {
  if (type.kind === 'record') return type.fields ?? [];
  if ((type.kind === 'array' || type.kind === 'map') && type.of !== undefined) return findRecordFields(type.of);
  return undefined;
}

/** The enum symbols of a type, looking through collections. */
export function findEnumSymbols(type: FieldType): readonly string[] | undefined {
  if (type.kind === 'enum') return type.symbols ?? [];
  if ((type.kind === 'array' || type.kind === 'map') && type.of !== undefined) return findEnumSymbols(type.of);
  return undefined;
}
