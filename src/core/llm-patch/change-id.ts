import type { Change } from '../schema/index.js';

/** How prompts, replies and the stored patch name a change: `field.removed legacy_score`. */
export function changeId(change: Pick<Change, 'kind' | 'path'>): string {
  return `${change.kind} ${change.path.length === 0 ? '(dataset)' : change.path.join('.')}`;
}

/** The names an edit for these changes may add or remove: old and new field names, path segments, table names. */
export function planRelatedNames(changes: readonly Change[]): string[] {
  const names = new Set<string>();
  for (const change of changes) {
    for (const segment of change.path) names.add(segment);
    const isName = change.kind !== 'field.type-changed' && change.kind !== 'field.nullability-changed' && change.kind !== 'constraint.changed';
    for (const value of isName ? [change.from, change.to] : []) {
      if (value === undefined) continue;
      names.add(value);
      // `analytics.users_v1` is written in parts as often as whole.
      for (const part of value.split('.')) names.add(part);
    }
  }
  names.delete('');
  return [...names].sort();
}
