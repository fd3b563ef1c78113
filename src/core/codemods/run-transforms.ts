import type { Leftover, TextEdit, Transform, TransformContext } from './transform.js';
import { CodemodError } from './codemod-error.js';

export type TransformRun = {
  edits: TextEdit[];
  leftovers: (Leftover & { transform: string })[];
  /** Edits dropped because they fall outside the consumer's paths; their files are checked, not edited. */
  outOfScope: TextEdit[];
};

/**
 * Runs each transform on the changes it handles, in the order given, each seeing the edits proposed
 * before it. An edit to an unknown file or with a bad range is a bug in the transform and throws.
 */
export async function runTransforms(
  transforms: readonly Transform[],
  base: Omit<TransformContext, 'changes' | 'priorEdits'>,
  texts: ReadonlyMap<string, string>,
  inScope: (path: string) => boolean,
): Promise<TransformRun> {
  const run: TransformRun = { edits: [], leftovers: [], outOfScope: [] };
  for (const transform of transforms) {
    const changes = base.changeSet.changes.filter((change) => transform.handles(change));
    if (changes.length === 0) continue;
    const result = await transform.apply({ ...base, changes, priorEdits: [...run.edits] });
    for (const edit of result.edits) {
      const text = texts.get(edit.path);
      if (text === undefined || edit.start < 0 || edit.start > edit.end || edit.end > text.length) {
        throw new CodemodError('invalid-edit', `transform ${transform.id} proposed an edit outside ${edit.path} [${edit.start}, ${edit.end})`);
      }
      if (inScope(edit.path)) run.edits.push(edit);
      else run.outOfScope.push(edit);
    }
    for (const leftover of result.leftovers) run.leftovers.push({ ...leftover, transform: transform.id });
  }
  return run;
}
