import type { Change, ChangeSet, Severity } from '../schema/index.js';

const severityOrder: readonly Severity[] = ['breaking', 'review', 'non-breaking'];

function describe(change: Change): string {
  const arrow = change.from !== undefined || change.to !== undefined ? `${change.from ?? '∅'} → ${change.to ?? '∅'}` : '';
  const evidence = change.evidence === undefined ? '' : `(${change.evidence})`;
  return [arrow, evidence, change.detail ?? ''].filter((part) => part !== '').join('  ');
}

function countLine(changes: readonly Change[]): string {
  const count = (severity: Severity): number => changes.filter((change) => change.severity === severity).length;
  return `${count('breaking')} breaking, ${count('review')} to review, ${count('non-breaking')} non-breaking`;
}

/** Breaking changes first, then those to review, then the rest; stable within each group. */
export function sortChangesBySeverity(changes: readonly Change[]): Change[] {
  return severityOrder.flatMap((severity) => changes.filter((change) => change.severity === severity));
}

/** The change set for a person: a heading, the counts, and a table of one line per change, breaking first. */
export function renderChangeSetText(changeSet: ChangeSet): string {
  const { dataset } = changeSet;
  const { fromVersion, toVersion } = changeSet;
  const versions = fromVersion === undefined && toVersion === undefined
    ? ''
    : fromVersion === toVersion
      ? ` (version ${fromVersion ?? '?'})`
      : ` (version ${fromVersion ?? '?'} → ${toVersion ?? '?'})`;
  const physical = dataset.physicalName !== undefined && dataset.physicalName !== dataset.name ? ` ${dataset.physicalName}` : '';
  const heading = `${dataset.name}${physical}${versions}`;
  if (changeSet.changes.length === 0) return `${heading}\nNo changes.\n`;
  const rows = sortChangesBySeverity(changeSet.changes).map((change) => [change.severity, change.kind, change.path.length === 0 ? '(dataset)' : change.path.join('.'), describe(change)]);
  const header = ['SEVERITY', 'CHANGE', 'FIELD', 'DETAIL'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: readonly string[]): string => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  return [heading, countLine(changeSet.changes), '', format(header), ...rows.map(format), ''].join('\n');
}
