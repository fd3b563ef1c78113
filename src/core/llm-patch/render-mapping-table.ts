import type { Change, ChangeSet } from '../schema/index.js';

function row(change: Change): [string, string, string] | undefined {
  const field = change.path.join('.');
  switch (change.kind) {
    case 'field.renamed':
    case 'field.moved':
      return [change.from ?? field, change.to ?? '?', 'renamed'];
    case 'field.suspected-rename':
      return [change.from ?? field, change.to ?? '?', 'possibly renamed, NOT confirmed: do not apply'];
    case 'field.removed':
      return [field, '(removed)', 'removed'];
    case 'field.type-changed':
      return [field, field, `type ${change.from ?? '?'} → ${change.to ?? '?'}`];
    case 'field.nullability-changed':
      return [field, field, `now ${change.to ?? '?'}`];
    case 'enum.value-removed':
      return [`${field} = ${change.from ?? '?'}`, '(removed)', 'enum value removed'];
    case 'dataset.renamed':
      return [change.from ?? '?', change.to ?? '?', 'table moved'];
    default:
      return undefined;
  }
}

/** The old → new table of every change of the set that a consumer must follow, as plain text. */
export function renderMappingTable(changeSet: ChangeSet): string {
  const rows = changeSet.changes.map(row).filter((entry) => entry !== undefined);
  const table = changeSet.dataset.physicalName ?? changeSet.dataset.name;
  const lines = [`Dataset ${changeSet.dataset.name} (table ${table})`, '| old | new | what changed |', '| --- | --- | --- |', ...rows.map((cells) => `| ${cells.join(' | ')} |`)];
  return lines.join('\n');
}
