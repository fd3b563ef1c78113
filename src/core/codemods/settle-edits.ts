import type { ts } from 'ts-morph';
import type { Change } from '../schema/index.js';
import type { DiagnosticsComparer } from './compare-diagnostics.js';
import type { Leftover, TextEdit, Transform } from './transform.js';
import type { VerifyDiagnostic } from './migration-types.js';
import { changeKey, isTypeChange } from './change-key.js';
import { planSplice } from './splice-edits.js';
import { patchFiles } from './patch-files.js';
import { findSyntaxErrors } from './find-syntax-errors.js';
import type { ImportGraph } from './create-import-graph.js';
import { createImportGraph } from './create-import-graph.js';
import { isScriptPath } from './file-kinds.js';
import { createLineIndex } from './line-index.js';
import type { EditGroup } from './verify-patch.js';
import { verifyPatch } from './verify-patch.js';
import { repairObjectKeys } from './repair-object-keys.js';

export type SettleInput = {
  texts: ReadonlyMap<string, string>;
  edits: readonly TextEdit[];
  /** Files whose edits were dropped (outside the paths): checked so a partial rename cannot slip through. */
  alsoCheck: readonly string[];
  /** Files that mention a changed name: where a reference the transforms missed would be. */
  mentioning: ReadonlySet<string>;
  transforms: readonly Transform[];
  /** Absent when verification is off. */
  comparer: DiagnosticsComparer | undefined;
  /** The original parsed file, for repairs. */
  sourceFileOf: (path: string) => ts.SourceFile | undefined;
  /** Called when splicing and re-parsing are done and type verification starts (phase timings). */
  onSpliced?: () => void;
};

export type Settled = {
  edits: TextEdit[];
  /** Leftovers for withheld edits (original coordinates) and for type-change consequences (patched coordinates). */
  withheldLeftovers: Leftover[];
  consequenceLeftovers: Leftover[];
  withheld: { change: Change; reason: string }[];
  newErrors: VerifyDiagnostic[];
  checkedFiles: number;
};

type Withhold = (edits: readonly TextEdit[], reason: string) => void;

function lineOf(texts: ReadonlyMap<string, string>, path: string, offset: number): number {
  return createLineIndex(texts.get(path) ?? '')(offset);
}

function settleConflicts(edits: readonly TextEdit[], withhold: Withhold): TextEdit[] {
  const plan = planSplice(edits);
  for (const cluster of plan.conflicts) {
    const authors = [...new Set(cluster.map((edit) => edit.transform))].join(' and ');
    const keys = new Set(cluster.map((edit) => changeKey(edit.change)));
    withhold(plan.accepted.filter((edit) => keys.has(changeKey(edit.change))).concat(cluster), `withheld: ${authors} proposed different edits for the same text`);
  }
  return plan.accepted;
}

function settleReparse(input: SettleInput, edits: readonly TextEdit[], withhold: Withhold): void {
  const patched = patchFiles(input.texts, edits);
  for (const transform of input.transforms) {
    if (transform.reparse === undefined) continue;
    for (const [path, file] of patched) {
      const placed = file.placed.filter((entry) => entry.edit.transform === transform.id);
      if (placed.length === 0) continue;
      for (const problem of transform.reparse({ path, before: input.texts.get(path) ?? '', after: file.after, edits: placed })) {
        const key = changeKey(problem.edit.change);
        withhold(edits.filter((edit) => edit.path === path && edit.transform === transform.id && changeKey(edit.change) === key), `withheld: ${problem.reason}`);
      }
    }
  }
  // Without type verification, re-parse TypeScript here; with it, the patched program reports syntax
  // errors too, and parsing every file twice more would cost as much as checking them.
  if (input.comparer !== undefined) return;
  // A syntax error withholds the whole change of the edit it sits in or after.
  for (const problem of findSyntaxErrors(input.texts, patched, isScriptPath)) {
    const placed = patched.get(problem.path)?.placed ?? [];
    const culprit = [...placed].reverse().find((entry) => entry.afterStart <= problem.start)?.edit ?? placed[0]?.edit;
    if (culprit === undefined) continue;
    const key = changeKey(culprit.change);
    withhold(edits.filter((edit) => changeKey(edit.change) === key), `withheld: the edit would not parse (${problem.message})`);
  }
}

function groupByChange(edits: readonly TextEdit[]): EditGroup[] {
  const groups = new Map<string, EditGroup>();
  for (const edit of edits) {
    const key = changeKey(edit.change);
    const group = groups.get(key) ?? { change: edit.change, edits: [], typeChange: isTypeChange(edit.change) };
    group.edits.push(edit);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Turns proposed edits into a patch that can be trusted: conflicting edits and edits whose result
 * does not re-parse are withheld, then the type verification policy runs (verify-patch.ts).
 */
export function settleEdits(input: SettleInput): Settled {
  const settled: Settled = { edits: [], withheldLeftovers: [], consequenceLeftovers: [], withheld: [], newErrors: [], checkedFiles: 0 };
  const withheldEdits = new Set<TextEdit>();
  const withhold: Withhold = (edits, reason) => {
    for (const edit of edits) {
      if (withheldEdits.has(edit)) continue;
      withheldEdits.add(edit);
      settled.withheldLeftovers.push({ path: edit.path, line: lineOf(input.texts, edit.path, edit.start), change: edit.change, reason });
      if (!settled.withheld.some((entry) => changeKey(entry.change) === changeKey(edit.change))) settled.withheld.push({ change: edit.change, reason });
    }
  };
  const accepted = settleConflicts(input.edits, withhold).filter((edit) => !withheldEdits.has(edit));
  settleReparse(input, accepted, withhold);
  const parsed = accepted.filter((edit) => !withheldEdits.has(edit));
  input.onSpliced?.();
  if (input.comparer === undefined || !parsed.some((edit) => isScriptPath(edit.path))) {
    settled.edits = parsed;
    return settled;
  }

  const comparer = input.comparer;
  // Checked: the touched files; files that mention a changed name and import a touched one (where a
  // missed reference would break); and for a type change every file that reaches a touched one.
  // The graphs are built once, lazily: over the files that mention a name for renames, over every
  // script only when a type change needs its transitive importers.
  let mentioningGraph: ImportGraph | undefined;
  let fullGraph: ImportGraph | undefined;
  const checkFiles = (edits: readonly TextEdit[]): string[] => {
    const touched = [...new Set(edits.map((edit) => edit.path).filter(isScriptPath))];
    const retyped = edits.some((edit) => isTypeChange(edit.change));
    const importers = retyped
      ? (fullGraph ??= createImportGraph(input.texts, input.texts.keys())).findImporters(touched, { transitive: true })
      : (mentioningGraph ??= createImportGraph(input.texts, input.mentioning)).findImporters(touched, { transitive: false });
    return [...new Set([...touched, ...input.alsoCheck.filter(isScriptPath), ...importers])].sort();
  };
  settled.checkedFiles = checkFiles(parsed).length;
  const verdict = verifyPatch(
    groupByChange(parsed),
    (edits) => comparer.findNewErrors(patchFiles(input.texts, edits), checkFiles(edits)),
    (group, errors) => repairObjectKeys(group, errors, patchFiles(input.texts, group.edits), input.sourceFileOf),
  );
  for (const { group, error } of verdict.withheld) {
    const patchedText = patchFiles(input.texts, group.edits).get(error.path)?.after ?? input.texts.get(error.path) ?? '';
    const where = `${error.path}:${createLineIndex(patchedText)(error.start)}`;
    withhold(group.edits, `withheld: the edit would add a type error at ${where} (TS${error.code}: ${error.message})`);
  }
  settled.edits = verdict.kept.flatMap((group) => group.edits);
  const finalFiles = patchFiles(input.texts, settled.edits);
  const reported = new Set<string>();
  for (const { change, error } of verdict.consequences) {
    const line = createLineIndex(finalFiles.get(error.path)?.after ?? input.texts.get(error.path) ?? '')(error.start);
    // One site per line and change: the first error there says enough.
    const site = `${error.path}:${line}:${changeKey(change)}`;
    if (reported.has(site)) continue;
    reported.add(site);
    settled.newErrors.push({ path: error.path, line, code: error.code, message: error.message });
    settled.consequenceLeftovers.push({ path: error.path, line, change, reason: `no longer type-checks after the type change (TS${error.code}: ${error.message})` });
  }
  return settled;
}
