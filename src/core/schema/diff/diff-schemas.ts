import type { ChangeSet, DatasetSchema } from '../types.js';
import { diffDataset } from './diff-dataset.js';
import { diffRecord } from './diff-fields.js';
import { findDeclaredMoves } from './find-moves.js';

/**
 * Everything that changed between two versions of one dataset's schema (docs/schema-changes.md):
 * dataset-level changes first, then each field's changes in the old schema's order, then additions.
 */
export function diffSchemas(oldSchema: DatasetSchema, newSchema: DatasetSchema): ChangeSet {
  const moves = findDeclaredMoves(oldSchema.fields, newSchema.fields);
  const changes = [
    ...diffDataset(oldSchema, newSchema),
    ...diffRecord(oldSchema.fields, newSchema.fields, [], { format: newSchema.format, moves }),
  ];
  const changeSet: ChangeSet = { dataset: { ...oldSchema.dataset }, changes };
  if (oldSchema.version !== undefined) changeSet.fromVersion = oldSchema.version;
  if (newSchema.version !== undefined) changeSet.toVersion = newSchema.version;
  return changeSet;
}
