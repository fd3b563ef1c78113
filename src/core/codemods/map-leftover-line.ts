import type { PatchedFile } from './compare-diagnostics.js';
import { createLineIndex } from './line-index.js';
import { mapOffset } from './splice-edits.js';

function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

/** The line in the patched file that an original line became; leftovers point at the file a person will open. */
export function mapLeftoverLine(original: string, file: PatchedFile | undefined, line: number): number {
  if (file === undefined) return line;
  return createLineIndex(file.after)(mapOffset(file.placed, offsetOfLine(original, line)));
}
