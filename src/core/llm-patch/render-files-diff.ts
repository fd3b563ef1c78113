import { createTwoFilesPatch } from 'diff';

/** Unified diffs of whole files, in path order, with two lines of context (prompts stay small). */
export function renderFilesDiff(files: readonly { path: string; before: string; after: string }[]): string {
  return [...files]
    .sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0))
    .map((file) => {
      const patch = createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, undefined, undefined, { context: 2 });
      return patch.slice(patch.indexOf('--- '));
    })
    .join('');
}
