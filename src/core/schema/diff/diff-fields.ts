import type { Change, Evidence, Field, SchemaFormat } from '../types.js';
import { compareConstraints } from './compare-constraints.js';
import type { FieldMove } from './find-moves.js';
import { childFields } from './find-moves.js';
import { matchFields } from './match-fields.js';
import type { FieldPairing } from './match-fields.js';
import { classifyTypeChange, findEnumSymbols, renderTypeSignature } from './type-signature.js';

type DiffContext = { format: SchemaFormat; moves: readonly FieldMove[] };

type Pairing = FieldPairing | 'moved';

function withEvidence(change: Change, evidence: Evidence | undefined): Change {
  return evidence === undefined ? change : { ...change, evidence };
}

function describeAdded(field: Field): string {
  const presence = field.nullable ? 'nullable' : 'required';
  const defaulted = field.hasDefault ? ', with a default' : field.nullable ? '' : ', no default';
  return `${renderTypeSignature(field.type)}, ${presence}${defaulted}`;
}

function compareTypes(oldField: Field, newField: Field, context: DiffContext): Change[] {
  const path = oldField.path;
  const fromSignature = renderTypeSignature(oldField.type);
  const toSignature = renderTypeSignature(newField.type);
  if (fromSignature !== toSignature) {
    // A type that was never declared (a dbt column without data_type) gaining one may or may not match what consumers assumed.
    if (oldField.type.kind === 'unknown' && oldField.type.name === undefined) {
      return [{ kind: 'field.type-changed', path, from: fromSignature, to: toSignature, severity: 'review', detail: 'the type is now declared; check it matches what consumers assumed' }];
    }
    const direction = classifyTypeChange(oldField.type, newField.type);
    return [{ kind: 'field.type-changed', path, from: fromSignature, to: toSignature, severity: direction === 'widening' ? 'non-breaking' : 'breaking', detail: direction }];
  }
  const oldChildren = childFields(oldField);
  const newChildren = childFields(newField);
  if (oldChildren !== undefined && newChildren !== undefined) return diffRecord(oldChildren, newChildren, path, context);
  const oldSymbols = findEnumSymbols(oldField.type);
  const newSymbols = findEnumSymbols(newField.type);
  if (oldSymbols === undefined || newSymbols === undefined) return [];
  const removed: Change[] = oldSymbols
    .filter((symbol) => !newSymbols.includes(symbol))
    .map((symbol) => ({ kind: 'enum.value-removed', path, from: symbol, severity: 'breaking' }));
  const added: Change[] = newSymbols
    .filter((symbol) => !oldSymbols.includes(symbol))
    .map((symbol) => ({ kind: 'enum.value-added', path, to: symbol, severity: 'non-breaking', detail: 'consumers that handle every value must handle this one' }));
  return [...removed, ...added];
}

function compareNullability(oldField: Field, newField: Field): Change[] {
  if (oldField.nullable === newField.nullable) return [];
  return newField.nullable
    ? [{ kind: 'field.nullability-changed', path: oldField.path, from: 'required', to: 'nullable', severity: 'non-breaking', detail: 'widening: readers must now handle a missing value' }]
    : [{ kind: 'field.nullability-changed', path: oldField.path, from: 'nullable', to: 'required', severity: 'breaking', detail: 'narrowing: writers must now supply a value' }];
}

function compareMetadata(oldField: Field, newField: Field): Change[] {
  const changes: Change[] = [];
  if (!oldField.deprecated && newField.deprecated) changes.push({ kind: 'metadata.changed', path: oldField.path, severity: 'non-breaking', detail: 'deprecated' });
  if (oldField.deprecated && !newField.deprecated) changes.push({ kind: 'metadata.changed', path: oldField.path, severity: 'non-breaking', detail: 'no longer deprecated' });
  if ((oldField.description ?? '') !== (newField.description ?? '')) changes.push({ kind: 'metadata.changed', path: oldField.path, severity: 'non-breaking', detail: 'description changed' });
  return changes;
}

// Only when type and nullability stayed: a nullable field's default of null comes and goes with its nullability.
function compareDefaults(oldField: Field, newField: Field): Change[] {
  if (oldField.hasDefault === newField.hasDefault || oldField.nullable !== newField.nullable) return [];
  if (renderTypeSignature(oldField.type) !== renderTypeSignature(newField.type)) return [];
  return compareConstraints(oldField.path, oldField.hasDefault ? { default: true } : {}, newField.hasDefault ? { default: true } : {});
}

function compareIds(oldField: Field, newField: Field): Change[] {
  if (oldField.id === undefined || newField.id === undefined || oldField.id === newField.id) return [];
  return compareConstraints(oldField.path, { number: oldField.id }, { number: newField.id });
}

function comparePair(oldField: Field, newField: Field, pairing: Pairing, evidence: Evidence | undefined, context: DiffContext): Change[] {
  const path = oldField.path;
  const changes: Change[] = [];
  if (pairing === 'moved') {
    changes.push(withEvidence({ kind: 'field.moved', path, from: oldField.path.join('.'), to: newField.path.join('.'), severity: 'breaking' }, evidence));
  } else if (pairing === 'renamed') {
    changes.push(withEvidence({ kind: 'field.renamed', path, from: oldField.name, to: newField.name, severity: 'breaking' }, evidence));
  } else if (pairing === 'suspected-rename') {
    changes.push({
      kind: 'field.suspected-rename', path, from: oldField.name, to: newField.name, severity: 'review', evidence: 'heuristic',
      detail: 'same type and position; declare the rename or confirm it before consumers are patched',
    });
  }
  changes.push(
    ...compareTypes(oldField, newField, context),
    ...compareNullability(oldField, newField),
    ...compareIds(oldField, newField),
    ...compareDefaults(oldField, newField),
    ...compareConstraints(path, oldField.constraints, newField.constraints),
    ...compareMetadata(oldField, newField),
  );
  return changes;
}

/**
 * The changes between two versions of one record's fields, in the old record's order (each old
 * field's changes where it stood), then the new fields of the record.
 */
export function diffRecord(oldFields: readonly Field[], newFields: readonly Field[], oldParentPath: readonly string[], context: DiffContext): Change[] {
  const movedOld = new Map(context.moves.map((move) => [move.old, move.new]));
  const movedNew = new Set(context.moves.map((move) => move.new));
  const match = matchFields(
    oldFields.filter((field) => !movedOld.has(field)),
    newFields.filter((field) => !movedNew.has(field)),
    context.format,
    oldParentPath,
  );
  const changes: Change[] = [];
  for (const oldField of oldFields) {
    const movedTo = movedOld.get(oldField);
    if (movedTo !== undefined) {
      changes.push(...comparePair(oldField, movedTo, 'moved', 'declared', context));
      continue;
    }
    const pair = match.pairs.find((candidate) => candidate.old === oldField);
    if (pair !== undefined) {
      changes.push(...comparePair(oldField, pair.new, pair.pairing, pair.evidence, context));
      continue;
    }
    changes.push({ kind: 'field.removed', path: oldField.path, severity: 'breaking' });
  }
  for (const newField of match.added) {
    changes.push({ kind: 'field.added', path: newField.path, severity: newField.nullable || newField.hasDefault ? 'non-breaking' : 'breaking', detail: describeAdded(newField) });
  }
  return changes;
}
