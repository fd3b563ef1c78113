import type { Evidence, Field, SchemaFormat } from '../types.js';
import { renderTypeSignature } from './type-signature.js';

/** How an old and a new field were found to be the same field. */
export type FieldPairing = 'same-name' | 'renamed' | 'suspected-rename';

export type FieldPair = { old: Field; new: Field; pairing: FieldPairing; evidence?: Evidence };

export type FieldMatch = { pairs: FieldPair[]; removed: Field[]; added: Field[] };

// Avro aliases are the format's own identity for a field; every other earlier-name source is a hint.
function renamedFromEvidence(format: SchemaFormat): Evidence {
  return format === 'avro' ? 'identity' : 'declared';
}

/** Earlier names of a field that point into the same record: plain names, or dotted ones under `parentPath`. */
function localEarlierNames(field: Field, oldParentPath: readonly string[]): string[] {
  const names: string[] = [];
  for (const hint of field.renamedFrom) {
    const segments = hint.split('.');
    if (segments.length === 1) {
      names.push(hint);
      continue;
    }
    const prefix = segments.slice(0, -1);
    const last = segments.at(-1);
    if (last !== undefined && prefix.length === oldParentPath.length && prefix.every((segment, index) => segment === oldParentPath[index])) {
      names.push(last);
    }
  }
  return names;
}

function sameShape(left: Field, right: Field): boolean {
  if (renderTypeSignature(left.type) !== renderTypeSignature(right.type) || left.nullable !== right.nullable) return false;
  const leftChildren = (left.type.fields ?? []).map((field) => field.name).sort().join(',');
  const rightChildren = (right.type.fields ?? []).map((field) => field.name).sort().join(',');
  return leftChildren === rightChildren;
}

/**
 * Pairs the fields of one record, old against new, in DESIGN order: identity (field numbers,
 * Avro aliases) → declared hints → same name → the heuristic, which only ever suggests a rename.
 */
export function matchFields(oldFields: readonly Field[], newFields: readonly Field[], format: SchemaFormat, oldParentPath: readonly string[]): FieldMatch {
  const pairs: FieldPair[] = [];
  const unmatchedOld = new Set(oldFields);
  const unmatchedNew = new Set(newFields);
  const pair = (oldField: Field, newField: Field, pairing: FieldPairing, evidence?: Evidence): void => {
    pairs.push(evidence === undefined ? { old: oldField, new: newField, pairing } : { old: oldField, new: newField, pairing, evidence });
    unmatchedOld.delete(oldField);
    unmatchedNew.delete(newField);
  };
  const pairing = (oldField: Field, newField: Field): FieldPairing => (oldField.name === newField.name ? 'same-name' : 'renamed');

  // 1. Identity: the format's stable id (protobuf numbers are unique within a message).
  for (const newField of newFields) {
    if (newField.id === undefined) continue;
    const oldField = [...unmatchedOld].find((candidate) => candidate.id !== undefined && candidate.id === newField.id);
    if (oldField !== undefined && unmatchedNew.has(newField)) pair(oldField, newField, pairing(oldField, newField), 'identity');
  }

  // 1–2. Earlier names: identity for Avro aliases, a declared hint elsewhere.
  const evidence = renamedFromEvidence(format);
  for (const newField of newFields) {
    if (!unmatchedNew.has(newField)) continue;
    for (const earlier of localEarlierNames(newField, oldParentPath)) {
      const oldField = [...unmatchedOld].find((candidate) => candidate.name === earlier);
      if (oldField !== undefined && oldField.name !== newField.name) {
        pair(oldField, newField, 'renamed', evidence);
        break;
      }
    }
  }

  // 3. Same name.
  for (const newField of newFields) {
    if (!unmatchedNew.has(newField)) continue;
    const oldField = [...unmatchedOld].find((candidate) => candidate.name === newField.name);
    if (oldField !== undefined) pair(oldField, newField, 'same-name');
  }

  // 4. Heuristic: a 1:1 removed/added pair with the same shape and neighbourhood.
  const removed = [...unmatchedOld];
  const added = [...unmatchedNew];
  const compatible = (oldField: Field, newField: Field): boolean =>
    sameShape(oldField, newField) && sameNeighbourhood(oldField, newField, oldFields, newFields, pairs);
  for (const oldField of removed) {
    const forOld = added.filter((newField) => compatible(oldField, newField));
    const only = forOld[0];
    if (forOld.length !== 1 || only === undefined || !unmatchedNew.has(only)) continue;
    if (removed.filter((other) => compatible(other, only)).length !== 1) continue;
    pair(oldField, only, 'suspected-rename', 'heuristic');
  }

  return { pairs, removed: oldFields.filter((field) => unmatchedOld.has(field)), added: newFields.filter((field) => unmatchedNew.has(field)) };
}

/** Same position in the record, or the same predecessor (by pairing), as Vitess's rename heuristic asks. */
function sameNeighbourhood(oldField: Field, newField: Field, oldFields: readonly Field[], newFields: readonly Field[], pairs: readonly FieldPair[]): boolean {
  const oldIndex = oldFields.indexOf(oldField);
  const newIndex = newFields.indexOf(newField);
  if (oldIndex === newIndex) return true;
  const oldBefore = oldFields[oldIndex - 1];
  const newBefore = newFields[newIndex - 1];
  if (oldBefore === undefined || newBefore === undefined) return false;
  return pairs.some((candidate) => candidate.old === oldBefore && candidate.new === newBefore);
}
