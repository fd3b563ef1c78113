import { createTwoFilesPatch } from 'diff';
import type { FileEdit } from './migration-types.js';

/** The patch as unified diffs, one per file in path order, with `a/` and `b/` prefixes like `git diff`. */
export function renderMigrationDiff(edits: readonly FileEdit[]): string {
  return [...edits]
    .sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0))
    .map((edit) => {
      const patch = createTwoFilesPatch(`a/${edit.path}`, `b/${edit.path}`, edit.before, edit.after, undefined, undefined, { context: 3 });
      // The first line is an `Index:`/`===` header in some versions; keep the git-style part only.
      return patch.slice(patch.indexOf('--- '));
    })
    .join('');
}
