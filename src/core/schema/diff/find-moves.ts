import type { Field } from '../types.js';

/** Old fields by dotted path, at every depth (children of records, and of collections of records). */
export function indexFieldsByPath(fields: readonly Field[]): Map<string, Field> {
  const index = new Map<string, Field>();
  const visit = (level: readonly Field[]): void => {
    for (const field of level) {
      index.set(field.path.join('.'), field);
      const children = childFields(field);
      if (children !== undefined) visit(children);
    }
  };
  visit(fields);
  return index;
}

/** The fields inside a record-typed field, looking through arrays and maps. */
export function childFields(field: Field): readonly Field[] | undefined {
  let type = field.type;
  while ((type.kind === 'array' || type.kind === 'map') && type.of !== undefined) type = type.of;
  return type.kind === 'record' ? (type.fields ?? []) : undefined;
}

/** Where a new record most likely sat in the old schema: each segment by the same name, else by a plain earlier name. */
function likelyOldPath(newPath: readonly string[], newFields: readonly Field[], oldIndex: ReadonlyMap<string, Field>): string[] {
  const oldPath: string[] = [];
  let level: readonly Field[] | undefined = newFields;
  for (const segment of newPath) {
    const field: Field | undefined = level?.find((candidate) => candidate.name === segment);
    const names = [segment, ...(field?.renamedFrom.filter((name) => !name.includes('.')) ?? [])];
    const oldName = names.find((name) => oldIndex.has([...oldPath, name].join('.'))) ?? segment;
    oldPath.push(oldName);
    level = field === undefined ? undefined : childFields(field);
  }
  return oldPath;
}

export type FieldMove = { old: Field; new: Field };

/**
 * The old dotted path a hint names. Dotted hints are paths from the root; a plain name on a
 * nested field names a sibling, unless the old record has no such field and the root does —
 * then the field moved in from the top level.
 */
function resolveHintPath(hint: string, field: Field, parentOldPath: string, oldIndex: ReadonlyMap<string, Field>): string | undefined {
  if (hint.includes('.')) return hint;
  if (field.path.length < 2) return undefined;
  const sibling = parentOldPath === '' ? hint : `${parentOldPath}.${hint}`;
  return oldIndex.has(sibling) ? undefined : hint;
}

/**
 * Moves declared with a dotted earlier name (`x-renamed-from: address.zip`) that points outside
 * the field's own record. Hints into the same record are ordinary renames, left to `matchFields`.
 */
export function findDeclaredMoves(oldFields: readonly Field[], newFields: readonly Field[]): FieldMove[] {
  const oldIndex = indexFieldsByPath(oldFields);
  const moves: FieldMove[] = [];
  const claimed = new Set<Field>();
  const visit = (level: readonly Field[]): void => {
    for (const field of level) {
      const parentOldPath = likelyOldPath(field.path.slice(0, -1), newFields, oldIndex).join('.');
      for (const hint of field.renamedFrom) {
        const hintPath = resolveHintPath(hint, field, parentOldPath, oldIndex);
        if (hintPath === undefined) continue;
        const oldField = oldIndex.get(hintPath);
        const hintParent = hintPath.split('.').slice(0, -1).join('.');
        if (oldField === undefined || claimed.has(oldField) || hintParent === parentOldPath) continue;
        moves.push({ old: oldField, new: field });
        claimed.add(oldField);
        break;
      }
      const children = childFields(field);
      if (children !== undefined) visit(children);
    }
  };
  visit(newFields);
  return moves;
}
