import type { Change } from '../schema/index.js';

/** A stable identity for a change, so edits of one change can be grouped however transforms copied it. */
export function changeKey(change: Change): string {
  return JSON.stringify([change.kind, change.path, change.from ?? null, change.to ?? null]);
}

/** Changes that alter a field's type: their edits are meant to make uses that no longer fit fail to compile. */
export function isTypeChange(change: Change): boolean {
  return change.kind === 'field.type-changed' || change.kind === 'field.nullability-changed';
}
