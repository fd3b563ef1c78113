import type { ProposedEdit } from './parse-patch-response.js';
import type { LocatedEdit, Refusal } from './refusal.js';
import { isControl } from './fence-untrusted.js';

function countOccurrences(text: string, snippet: string): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let at = text.indexOf(snippet); at !== -1; at = text.indexOf(snippet, at + 1)) {
    if (first === -1) first = at;
    count += 1;
  }
  return { count, first };
}

/** A checkout-relative path, or undefined for anything that could leave the checkout. */
export function normalizeEditPath(file: string): string | undefined {
  const path = file.replace(/^\.\//, '');
  if (path.startsWith('/') || path.includes('\\') || [...path].some(isControl)) return undefined;
  if (path.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')) return undefined;
  return path;
}

/**
 * Places each edit in the current text: its `original` must occur exactly once in an existing
 * file (no new files, no guessing between two matches), and edits of one file must not overlap.
 */
export function locateEdits(edits: readonly ProposedEdit[], readText: (path: string) => string | undefined): { located: LocatedEdit[]; refusals: Refusal[] } {
  const located: LocatedEdit[] = [];
  const refusals: Refusal[] = [];
  for (const [index, edit] of edits.entries()) {
    const path = normalizeEditPath(edit.file);
    if (path === undefined) {
      refusals.push({ rule: 'target', file: edit.file, reason: `edit ${index + 1}: ${JSON.stringify(edit.file)} is not a path inside the repository` });
      continue;
    }
    const text = readText(path);
    if (text === undefined) {
      refusals.push({ rule: 'applies', file: path, reason: `edit ${index + 1}: ${path} does not exist (creating files is not allowed)` });
      continue;
    }
    const { count, first } = countOccurrences(text, edit.original);
    if (count !== 1) {
      const why = count === 0 ? 'does not occur in the file as written (copy it exactly, without line numbers)' : `occurs ${count} times; include neighbouring text so it is unique`;
      refusals.push({ rule: 'applies', file: path, reason: `edit ${index + 1}: the original text ${why}` });
      continue;
    }
    const placed = { ...edit, file: path, start: first, end: first + edit.original.length };
    const overlapping = located.find((other) => other.file === path && other.start < placed.end && placed.start < other.end);
    if (overlapping !== undefined) {
      refusals.push({ rule: 'applies', file: path, reason: `edit ${index + 1} overlaps another edit of ${path}` });
      continue;
    }
    located.push(placed);
  }
  return { located, refusals };
}
