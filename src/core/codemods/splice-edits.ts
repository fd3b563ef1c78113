import type { PlacedEdit, TextEdit } from './transform.js';

/** Edits of one file that can be spliced together, and the groups that overlap and cannot. */
export type SplicePlan = { accepted: TextEdit[]; conflicts: TextEdit[][] };

function compareEdits(left: TextEdit, right: TextEdit): number {
  return left.start - right.start || left.end - right.end || (left.text < right.text ? -1 : left.text > right.text ? 1 : 0);
}

function overlaps(left: TextEdit, right: TextEdit): boolean {
  // Two insertions at one offset conflict too: which goes first would be a guess.
  if (left.start === left.end && right.start === right.end) return left.start === right.start;
  return left.start < right.end && right.start < left.end;
}

/**
 * Dedupes identical edits (two transforms may find the same site; the first keeps the credit) and
 * sets aside every edit that overlaps another with a different result, so nothing is spliced on a guess.
 */
export function planSplice(edits: readonly TextEdit[]): SplicePlan {
  const unique: TextEdit[] = [];
  const seen = new Set<string>();
  for (const edit of edits) {
    const key = `${edit.path}\0${edit.start}\0${edit.end}\0${edit.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(edit);
  }
  const sorted = [...unique].sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : compareEdits(left, right)));
  const accepted: TextEdit[] = [];
  const conflicts: TextEdit[][] = [];
  let cluster: TextEdit[] = [];
  const flush = (): void => {
    if (cluster.length === 1) accepted.push(...cluster);
    else if (cluster.length > 1) conflicts.push(cluster);
    cluster = [];
  };
  for (const edit of sorted) {
    if (cluster.some((other) => other.path === edit.path && overlaps(other, edit))) cluster.push(edit);
    else {
      flush();
      cluster = [edit];
    }
  }
  flush();
  return { accepted, conflicts };
}

/** Splices non-overlapping edits of one file into its original text; never reprints anything else. */
export function spliceText(text: string, edits: readonly TextEdit[]): { text: string; placed: PlacedEdit[] } {
  const sorted = [...edits].sort(compareEdits);
  const parts: string[] = [];
  const placed: PlacedEdit[] = [];
  let cursor = 0;
  let shift = 0;
  for (const edit of sorted) {
    parts.push(text.slice(cursor, edit.start), edit.text);
    placed.push({ edit, afterStart: edit.start + shift, afterEnd: edit.start + shift + edit.text.length });
    shift += edit.text.length - (edit.end - edit.start);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), placed };
}

/** Where an offset of the original text lands in the patched text (an offset inside an edit lands at its start). */
export function mapOffset(placed: readonly PlacedEdit[], offset: number): number {
  let shift = 0;
  for (const { edit, afterStart, afterEnd } of placed) {
    if (edit.end <= offset) shift = afterEnd - edit.end;
    else if (edit.start < offset) return afterStart;
    else break;
  }
  return offset + shift;
}

/** Where an offset of the patched text came from in the original (an offset inside an edit maps to its start). */
export function unmapOffset(placed: readonly PlacedEdit[], offset: number): number {
  let shift = 0;
  for (const { edit, afterStart, afterEnd } of placed) {
    if (afterEnd <= offset) shift = edit.end - afterEnd;
    else if (afterStart < offset) return edit.start;
    else break;
  }
  return offset + shift;
}
