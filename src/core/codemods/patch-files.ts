import type { PatchedFile } from './compare-diagnostics.js';
import type { TextEdit } from './transform.js';
import { spliceText } from './splice-edits.js';

/** Splices accepted edits into each file's original text. */
export function patchFiles(texts: ReadonlyMap<string, string>, edits: readonly TextEdit[]): Map<string, PatchedFile> {
  const byPath = new Map<string, TextEdit[]>();
  for (const edit of edits) byPath.set(edit.path, [...(byPath.get(edit.path) ?? []), edit]);
  const patched = new Map<string, PatchedFile>();
  for (const [path, fileEdits] of byPath) {
    const original = texts.get(path);
    if (original === undefined) continue;
    const { text, placed } = spliceText(original, fileEdits);
    if (text !== original) patched.set(path, { after: text, placed });
  }
  return patched;
}
