import type { Leftover } from '../../codemods/index.js';
import type { Change } from '../../schema/index.js';
import type { LocatedEdit } from '../refusal.js';

/** `legacy_score` removed: the change most tests use. */
export const removedScore: Change = { kind: 'field.removed', path: ['legacy_score'], severity: 'breaking' };

/** `user_email` renamed to `email`, declared by the producer. */
export const renamedEmail: Change = { kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email', severity: 'breaking', evidence: 'declared' };

/** An edit of `file` that replaces the one occurrence of `original` in `text`. */
export function buildEdit(file: string, text: string, original: string, replacement: string, change = 'field.removed legacy_score'): LocatedEdit {
  const start = text.indexOf(original);
  if (start === -1 || text.indexOf(original, start + 1) !== -1) throw new Error(`${original} must occur exactly once in the text`);
  return { file, original, replacement, change, reason: 'test', start, end: start + original.length };
}

/** A leftover at `path:line`. */
export function buildLeftover(path: string, line: number, change: Change = removedScore, reason = 'still uses the field'): Leftover {
  return { path, line, change, reason };
}

/** A reader over fixed texts. */
export function readerOf(files: Readonly<Record<string, string>>): (path: string) => string | undefined {
  return (path) => files[path];
}
