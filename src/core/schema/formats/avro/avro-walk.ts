import type { z } from 'zod';
import { SchemaError } from '../../schema-error.js';
import type { AvroTypeJson } from './avro-json-shapes.js';
import { findImpliedNamespace, qualifyAvroName } from './avro-names.js';
import type { AvroJson } from './avro-json.js';
import { lineOfPointer } from './avro-json.js';

/** A record, enum or fixed declared somewhere in the file, and the namespace its members resolve in. */
export type AvroNamedType = { node: AvroTypeJson; fullName: string; scope: string | undefined; pointer: string };

/** State of one read: named types in declaration order, records being expanded (to stop recursion). */
export type AvroWalk = {
  file: string;
  json: AvroJson;
  named: Map<string, AvroNamedType>;
  expanding: string[];
  fieldCount: number;
};

// A shared record nested under itself many times can expand exponentially; no real dataset comes near.
const maxFields = 50_000;

export function createAvroWalk(file: string, json: AvroJson): AvroWalk {
  return { file, json, named: new Map(), expanding: [], fieldCount: 0 };
}

/** An `invalid-schema` error at the line of a node (or of its key). */
export function avroSchemaError(walk: AvroWalk, pointer: string, message: string, of: 'key' | 'value' = 'value'): SchemaError {
  return new SchemaError('invalid-schema', walk.file, `invalid Avro schema: ${message}`, { line: lineOfPointer(walk.json, pointer, of), format: 'avro' });
}

/** One node of the raw JSON, checked against its shape; a mismatch names the attribute and its line. */
export function parseAvroNode<T>(walk: AvroWalk, shape: z.ZodType<T>, raw: unknown, pointer: string): T {
  const result = shape.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String) ?? [];
  const at = path.length === 0 ? pointer : `${pointer}/${path.join('/')}`;
  const what = path.length === 0 ? 'type' : `"${path.join('.')}"`;
  throw avroSchemaError(walk, at, `${what}: ${issue?.message ?? 'malformed'}`, 'key');
}

/** Counts a field against the expansion budget. */
export function countAvroField(walk: AvroWalk, pointer: string): void {
  walk.fieldCount += 1;
  if (walk.fieldCount > maxFields) throw avroSchemaError(walk, pointer, `the schema expands to more than ${maxFields} fields (a shared record nested too deep)`);
}

/**
 * Registers a named type where it is declared, by avsc's scoping rules: an explicit `namespace`,
 * else the one a dotted name implies, else the enclosing one. The first declaration wins, which
 * is also what a second expansion of the same record finds.
 */
export function defineAvroNamedType(walk: AvroWalk, node: AvroTypeJson, pointer: string, enclosing: string | undefined): AvroNamedType {
  const name = node.name ?? '';
  const fullName = qualifyAvroName(name, node.namespace ?? enclosing);
  const existing = walk.named.get(fullName);
  if (existing !== undefined) return existing;
  const scope = node.namespace ?? findImpliedNamespace(name) ?? enclosing;
  const defined: AvroNamedType = { node, fullName, scope, pointer };
  walk.named.set(fullName, defined);
  return defined;
}

/** The named type a reference stands for, looked up from `scope` as avsc does. */
export function getAvroNamedTypeOrThrow(walk: AvroWalk, reference: string, scope: string | undefined, pointer: string): AvroNamedType {
  const fullName = qualifyAvroName(reference, scope);
  const found = walk.named.get(fullName);
  if (found === undefined) throw avroSchemaError(walk, pointer, `unknown type "${reference}"`);
  return found;
}
