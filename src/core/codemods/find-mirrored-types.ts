import type { ChangeSet } from '../schema/index.js';
import type { RowType } from './transform.js';
import { planDatasetNames } from './dataset-names.js';
import { isScriptPath } from './file-kinds.js';
import { createLineIndex } from './line-index.js';
import { loadProject } from './load-project.js';
import { mentionsAnyToken, planTokens } from './plan-tokens.js';
import { findRowTypes, locateRowType } from './row-types/find-row-types.js';

/** A declaration in the consumer that mirrors the dataset's rows, with its text as it stands. */
export type MirroredType = { path: string; name: string; kind: RowType['kind']; startLine: number; endLine: number; text: string };

/**
 * The row types a consumer declares for the dataset, found by the same rules `migrate` uses
 * (annotation, name, structure), in the scripts of `texts` that mention the dataset or a changed
 * field. Whole lines of each declaration are returned, so a person or a model sees it as written.
 */
export function findMirroredTypes(texts: ReadonlyMap<string, string>, changeSet: ChangeSet, options: { physicalName?: string; fieldNames?: readonly string[] } = {}): MirroredType[] {
  const datasetNames = planDatasetNames(changeSet, options);
  const tokens = [...planTokens(changeSet.changes, [], datasetNames), ...datasetNames];
  const scripts = [...texts.keys()].filter((path) => isScriptPath(path) && !/\.d\.[mc]?ts$/.test(path) && mentionsAnyToken(texts.get(path) ?? '', tokens)).sort();
  if (scripts.length === 0) return [];
  const loaded = loadProject(texts, scripts);
  const found: MirroredType[] = [];
  for (const rowType of findRowTypes(loaded.program, scripts, { datasetNames, fieldNames: options.fieldNames })) {
    const located = locateRowType(loaded.program, rowType);
    const text = texts.get(rowType.path);
    if (located === undefined || text === undefined) continue;
    const lineAt = createLineIndex(text);
    // A zod object's declaration is its shape literal; its statement starts on the line of the name.
    const startLine = Math.min(lineAt(rowType.start), lineAt(located.declaration.getStart(located.sourceFile)));
    const endLine = lineAt(located.declaration.getEnd());
    const lines = text.split('\n').slice(startLine - 1, endLine);
    found.push({ path: rowType.path, name: rowType.name, kind: rowType.kind, startLine, endLine, text: lines.join('\n') });
  }
  return found;
}
