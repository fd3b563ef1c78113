import picomatch from 'picomatch';
import type { LocatedEdit, Refusal } from './refusal.js';
import { findProtectedPathReason } from './protected-paths.js';
import { findTestWeakening, isTestFile } from './test-integrity.js';
import { findAddedSuppressions, findCommentedOutCode } from './find-silencing.js';
import { applyLocatedEdits } from './apply-located-edits.js';

/** Size caps: an LLM patch is a few lines at a few sites; anything bigger is not the long tail. */
export type SizeCaps = { fileChars: number; fileLines: number; patchChars: number; patchLines: number };

export const defaultSizeCaps: SizeCaps = { fileChars: 4_000, fileLines: 60, patchChars: 12_000, patchLines: 150 };

export type GuardrailInput = {
  edits: readonly LocatedEdit[];
  readText: (path: string) => string | undefined;
  /** Files the change set touches: the codemods' edits and the leftovers. */
  touchedFiles: ReadonlySet<string>;
  /** The consumer's `paths` globs, when it declares any. */
  consumerPaths: readonly string[] | undefined;
  /** The change ids this call may make (one for a leftover; the set's for a CI repair). */
  changeIds: readonly string[];
  caps?: SizeCaps;
};

function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length;
}

/**
 * Every guardrail of issue 8 that looks at edits alone, applied before anything is written: the
 * edit targets a file the change set touches or the consumer's paths; never CI, workflows,
 * lockfiles, manifests or tool settings; names one allowed change; adds no suppression and comments
 * nothing out; leaves tests as strong as they were; stays under the size caps. Returns every refusal.
 */
export function checkGuardrails(input: GuardrailInput): Refusal[] {
  const caps = input.caps ?? defaultSizeCaps;
  const matchers = (input.consumerPaths ?? []).map((glob) => picomatch(glob.replace(/^\.\//, ''), { dot: true }));
  const inPaths = (path: string): boolean => matchers.some((matches) => matches(path));
  const refusals: Refusal[] = [];
  const byFile = new Map<string, LocatedEdit[]>();
  for (const [index, edit] of input.edits.entries()) {
    const refuse = (rule: Refusal['rule'], reason: string): void => {
      refusals.push({ rule, file: edit.file, reason: `edit ${index + 1} (${edit.file}): ${reason}` });
    };
    byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    const protectedReason = findProtectedPathReason(edit.file);
    if (protectedReason !== undefined) refuse('protected-path', protectedReason);
    else if (!input.touchedFiles.has(edit.file) && !inPaths(edit.file)) refuse('target', 'the file is neither touched by this change set nor inside the paths the consumer declared');
    if (!input.changeIds.includes(edit.change)) refuse('change', `it names the change "${edit.change}"; only ${input.changeIds.map((id) => `"${id}"`).join(', ')} may be made here`);
    for (const what of findAddedSuppressions(edit.original, edit.replacement)) refuse('suppression', `it adds ${what}`);
    const commented = findCommentedOutCode(edit.original, edit.replacement);
    if (commented !== undefined) refuse('commented-out', commented);
  }
  let patchChars = 0;
  let patchLines = 0;
  for (const [path, edits] of byFile) {
    const chars = edits.reduce((sum, edit) => sum + edit.original.length + edit.replacement.length, 0);
    const lines = edits.reduce((sum, edit) => sum + Math.max(lineCount(edit.original), lineCount(edit.replacement)), 0);
    patchChars += chars;
    patchLines += lines;
    if (chars > caps.fileChars || lines > caps.fileLines) refusals.push({ rule: 'size', file: path, reason: `${path}: the edits change ${lines} line(s), ${chars} character(s); at most ${caps.fileLines} lines and ${caps.fileChars} characters per file` });
    const before = input.readText(path);
    if (before === undefined || !isTestFile(path, before)) continue;
    const after = applyLocatedEdits(before, edits).text;
    for (const weakening of findTestWeakening(before, after)) refusals.push({ rule: 'test-integrity', file: path, reason: `${path} is a test, and the edit ${weakening}` });
  }
  if (patchChars > caps.patchChars || patchLines > caps.patchLines) {
    refusals.push({ rule: 'size', file: '', reason: `the patch changes ${patchLines} line(s), ${patchChars} character(s); at most ${caps.patchLines} lines and ${caps.patchChars} characters per patch` });
  }
  return refusals;
}
