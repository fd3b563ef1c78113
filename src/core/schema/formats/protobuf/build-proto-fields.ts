import { Enum, Type } from 'protobufjs';
import type { Field as ProtoField, ReflectionObject } from 'protobufjs';
import type { Field, FieldType } from '../../types.js';
import { findProtoKnownType, findProtoScalarType } from './proto-known-types.js';
import { renderReserved } from './render-reserved.js';

/** Messages being expanded, outermost first, so a recursive reference stops instead of looping. */
export type ProtoWalk = { expanding: string[] };

/** A field's element type, whether it is a message (messages always track presence), and its message's reservations. */
type ResolvedProtoType = { type: FieldType; message: boolean; reserved?: string };

/** A declaration's full name without protobufjs's leading dot: `acme.users.v1.User`. */
export function protoFullName(object: ReflectionObject): string {
  return object.fullName.replace(/^\./, '');
}

/** A comment as one line, so re-wrapping it is not a change. */
export function normalizeProtoComment(comment: string | null): string | undefined {
  const text = comment?.replace(/\s+/g, ' ').trim();
  return text === undefined || text === '' ? undefined : text;
}

function enumSymbols(declared: Enum): string[] {
  return Object.entries(declared.values)
    .sort(([leftName, left], [rightName, right]) => left - right || leftName.localeCompare(rightName))
    .map(([name]) => name);
}

// Resolves the written type name from the declaring message outward, as protobuf scoping does.
function resolveProtoType(walk: ProtoWalk, owner: Type, written: string, path: string[]): ResolvedProtoType {
  const scalar = findProtoScalarType(written);
  if (scalar !== undefined) return { type: scalar, message: false };
  const declared = owner.lookup(written, [Type, Enum]);
  if (declared instanceof Enum) return { type: { kind: 'enum', name: protoFullName(declared), symbols: enumSymbols(declared) }, message: false };
  if (declared instanceof Type) {
    const name = protoFullName(declared);
    if (walk.expanding.includes(name)) return { type: { kind: 'record', name }, message: true };
    walk.expanding.push(name);
    const fields = buildProtoFields(walk, declared, path);
    walk.expanding.pop();
    const reserved = renderReserved(declared.reserved);
    return { type: { kind: 'record', name, fields }, message: true, ...(reserved === undefined ? {} : { reserved }) };
  }
  // An imported type we cannot see is most often a message; reading it as one keeps it nullable.
  return { type: findProtoKnownType(written) ?? { kind: 'unknown', name: written.replace(/^\./, '') }, message: true };
}

/** Presence as the canonical model states it, from the field's resolved edition features. */
function presenceOf(field: ProtoField, message: boolean): Pick<Field, 'nullable' | 'hasDefault'> {
  if (field.repeated || field.map) return { nullable: false, hasDefault: true };
  if (field.required) return { nullable: false, hasDefault: false };
  if (message) return { nullable: true, hasDefault: false };
  // Oneof members, proto3 `optional`, proto2 optional and edition EXPLICIT fields track presence;
  // either way an unset scalar reads as its default.
  return { nullable: Boolean(field.hasPresence), hasDefault: true };
}

function buildProtoField(walk: ProtoWalk, owner: Type, field: ProtoField, parentPath: string[]): Field {
  const path = [...parentPath, field.name];
  const resolved = resolveProtoType(walk, owner, field.type, path);
  const type: FieldType = field.map ? { kind: 'map', of: resolved.type } : field.repeated ? { kind: 'array', of: resolved.type } : resolved.type;
  const built: Field = {
    name: field.name,
    path,
    type,
    ...presenceOf(field, resolved.message),
    id: field.id,
    renamedFrom: [],
    deprecated: field.options?.['deprecated'] === true,
  };
  if (resolved.reserved !== undefined) built.constraints = { reserved: resolved.reserved };
  const description = normalizeProtoComment(field.comment);
  if (description !== undefined) built.description = description;
  return built;
}

/** The fields of a message, nested messages expanded in place, each with its path from the dataset root. */
export function buildProtoFields(walk: ProtoWalk, message: Type, path: string[]): Field[] {
  return message.fieldsArray.map((field) => buildProtoField(walk, message, field, path));
}
