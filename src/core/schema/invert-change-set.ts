import type { Change, ChangeSet, Severity } from './types.js';

function renamedPath(change: Change): string[] | undefined {
  if (change.to === undefined || change.path.length === 0) return undefined;
  return [...change.path.slice(0, -1), change.to];
}

// A change undone: consumers that followed the change must follow it back. Undoing a change that
// broke nobody can break those who started to rely on it, and the other way round.
function flip(severity: Severity): Severity {
  return severity === 'non-breaking' ? 'breaking' : 'non-breaking';
}

function invertChange(change: Change): Change | undefined {
  const swapped = { ...(change.to === undefined ? {} : { from: change.to }), ...(change.from === undefined ? {} : { to: change.from }) };
  const base = { path: change.path, ...(change.detail === undefined ? {} : { detail: change.detail }) };
  switch (change.kind) {
    case 'field.added':
      return { ...base, kind: 'field.removed', severity: 'breaking' };
    case 'field.removed':
      return { ...base, kind: 'field.added', severity: 'non-breaking' };
    case 'field.renamed':
    case 'field.suspected-rename': {
      const path = renamedPath(change);
      if (path === undefined) return undefined;
      return { kind: change.kind, path, ...swapped, severity: change.severity, ...(change.evidence === undefined ? {} : { evidence: change.evidence }) };
    }
    case 'field.type-changed':
    case 'field.nullability-changed':
    case 'constraint.changed':
      return { ...base, kind: change.kind, ...swapped, severity: change.severity === 'review' ? 'review' : change.kind === 'field.type-changed' ? 'breaking' : flip(change.severity) };
    case 'enum.value-added':
      return { ...base, kind: 'enum.value-removed', ...swapped, severity: 'breaking' };
    case 'enum.value-removed':
      return { ...base, kind: 'enum.value-added', ...swapped, severity: 'non-breaking' };
    case 'dataset.renamed':
    case 'metadata.changed':
      return { ...base, kind: change.kind, ...swapped, severity: change.severity };
    case 'field.moved':
    case 'dataset.version-added':
    case 'dataset.deprecated':
      return undefined;
  }
}

/**
 * The change set that undoes `changeSet` (an upstream revert): renames back, removals become
 * additions and additions removals, types and enum values swap. Undefined when a change cannot
 * be undone by name alone (a moved field, a new version, a deprecation): the plain diff is used then.
 */
export function invertChangeSet(changeSet: ChangeSet): ChangeSet | undefined {
  const changes: Change[] = [];
  for (const change of changeSet.changes) {
    const inverse = invertChange(change);
    if (inverse === undefined) return undefined;
    changes.push(inverse);
  }
  const severityOrder: Record<Severity, number> = { breaking: 0, review: 1, 'non-breaking': 2 };
  return {
    dataset: changeSet.dataset,
    ...(changeSet.toVersion === undefined ? {} : { fromVersion: changeSet.toVersion }),
    ...(changeSet.fromVersion === undefined ? {} : { toVersion: changeSet.fromVersion }),
    changes: changes.sort((left, right) => severityOrder[left.severity] - severityOrder[right.severity]),
  };
}
