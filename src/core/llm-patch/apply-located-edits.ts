import type { LocatedEdit } from './refusal.js';

/** Where an edit landed: `[afterStart, afterEnd)` of the new text holds its replacement. */
export type LandedEdit = { edit: LocatedEdit; afterStart: number; afterEnd: number };

/** Splices non-overlapping located edits of one file into its text; nothing else is reprinted. */
export function applyLocatedEdits(text: string, edits: readonly LocatedEdit[]): { text: string; landed: LandedEdit[] } {
  const sorted = [...edits].sort((left, right) => left.start - right.start);
  const parts: string[] = [];
  const landed: LandedEdit[] = [];
  let cursor = 0;
  let shift = 0;
  for (const edit of sorted) {
    parts.push(text.slice(cursor, edit.start), edit.replacement);
    landed.push({ edit, afterStart: edit.start + shift, afterEnd: edit.start + shift + edit.replacement.length });
    shift += edit.replacement.length - (edit.end - edit.start);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), landed };
}

/** The line of the new text that a line of the old one became (a line inside an edit maps to the edit's first line). */
export function mapLineThroughEdits(before: string, after: string, landed: readonly LandedEdit[], line: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = before.indexOf('\n', offset);
    if (next === -1) break;
    offset = next + 1;
  }
  let shift = 0;
  let mapped: number | undefined;
  for (const { edit, afterStart, afterEnd } of landed) {
    if (edit.end <= offset) shift = afterEnd - edit.end;
    else {
      if (edit.start < offset) mapped = afterStart;
      break;
    }
  }
  const target = Math.min(after.length, mapped ?? offset + shift);
  let count = 1;
  for (let at = after.indexOf('\n'); at !== -1 && at < target; at = after.indexOf('\n', at + 1)) count += 1;
  return count;
}
