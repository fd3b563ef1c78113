import type { Change, DatasetSchema, Evidence } from '../types.js';
import { stripVersionFromName } from '../dataset-version.js';
import { compareConstraints } from './compare-constraints.js';

function renameEvidence(oldSchema: DatasetSchema, newSchema: DatasetSchema, oldName: string): Evidence | undefined {
  const earlier = newSchema.renamedFrom ?? [];
  if (!earlier.includes(oldName) && !earlier.includes(oldSchema.dataset.name)) return undefined;
  return newSchema.format === 'avro' ? 'identity' : 'declared';
}

function compareNames(oldSchema: DatasetSchema, newSchema: DatasetSchema): Change[] {
  const from = oldSchema.dataset.physicalName ?? oldSchema.dataset.name;
  const to = newSchema.dataset.physicalName ?? newSchema.dataset.name;
  if (from === to) return [];
  const change: Change = { kind: 'dataset.renamed', path: [], from, to, severity: 'breaking' };
  const evidence = renameEvidence(oldSchema, newSchema, from);
  if (evidence !== undefined) change.evidence = evidence;
  if (newSchema.version !== undefined && stripVersionFromName(from) === stripVersionFromName(to)) {
    change.detail = `moved to version ${newSchema.version}`;
  }
  return [change];
}

function compareVersions(oldSchema: DatasetSchema, newSchema: DatasetSchema): Change[] {
  if (newSchema.versions === undefined) return [];
  const known = new Set(oldSchema.versions ?? (oldSchema.version === undefined ? [] : [oldSchema.version]));
  const latestMoved = oldSchema.version !== newSchema.version;
  return newSchema.versions
    .filter((version) => !known.has(version))
    .map((version): Change => {
      const change: Change = { kind: 'dataset.version-added', path: [], to: version, severity: latestMoved && version === newSchema.version ? 'breaking' : 'non-breaking' };
      if (oldSchema.version !== undefined) change.from = oldSchema.version;
      change.detail = change.severity === 'breaking' ? 'now the latest version: unpinned consumers switch to it' : 'published beside the latest version';
      return change;
    });
}

function compareLifecycle(oldSchema: DatasetSchema, newSchema: DatasetSchema): Change[] {
  const changes: Change[] = [];
  if (newSchema.deprecated === true && oldSchema.deprecated !== true) {
    const change: Change = { kind: 'dataset.deprecated', path: [], severity: 'non-breaking' };
    if (newSchema.deprecationDate !== undefined) {
      change.to = newSchema.deprecationDate;
      change.detail = `removal planned on ${newSchema.deprecationDate}`;
    }
    changes.push(change);
  } else if (oldSchema.deprecated === true && newSchema.deprecated !== true) {
    changes.push({ kind: 'metadata.changed', path: [], severity: 'non-breaking', detail: 'no longer deprecated' });
  } else if (newSchema.deprecated === true && oldSchema.deprecationDate !== newSchema.deprecationDate) {
    changes.push({ kind: 'metadata.changed', path: [], severity: 'non-breaking', detail: `deprecation date changed to ${newSchema.deprecationDate ?? 'none'}` });
  }
  if ((oldSchema.description ?? '') !== (newSchema.description ?? '')) {
    changes.push({ kind: 'metadata.changed', path: [], severity: 'non-breaking', detail: 'description changed' });
  }
  return changes;
}

/** Changes to the dataset as a whole: its name and version, its lifecycle, its own constraints. */
export function diffDataset(oldSchema: DatasetSchema, newSchema: DatasetSchema): Change[] {
  return [
    ...compareNames(oldSchema, newSchema),
    ...compareVersions(oldSchema, newSchema),
    ...compareLifecycle(oldSchema, newSchema),
    ...compareConstraints([], oldSchema.constraints, newSchema.constraints),
  ];
}
