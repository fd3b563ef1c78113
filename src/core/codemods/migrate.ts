import type { ChangeSet } from '../schema/index.js';
import type { Checkout } from './checkout.js';
import type { FileEdit, MigrateOptions, MigrationPhase, MigrationResult, MigrationStats, VerifyReport } from './migration-types.js';
import type { CheckoutFile, Leftover } from './transform.js';
import { planDatasetNames } from './dataset-names.js';
import { isReadablePath, isScriptPath } from './file-kinds.js';
import { createPathScope } from './path-scope.js';
import { mentionsAnyToken, planTokens } from './plan-tokens.js';
import { readCheckout } from './read-checkout.js';
import { loadProject } from './load-project.js';
import { findRowTypes } from './row-types/find-row-types.js';
import { createLineIndex } from './line-index.js';
import { runTransforms } from './run-transforms.js';
import { createDiagnosticsComparer } from './compare-diagnostics.js';
import { settleEdits } from './settle-edits.js';
import { patchFiles } from './patch-files.js';
import { mapLeftoverLine } from './map-leftover-line.js';
import { changeKey } from './change-key.js';
import { toProjectPath } from './project-paths.js';

function createStopwatch(clock: () => number): { lap(phase: MigrationPhase): void; phaseMs: Record<MigrationPhase, number> } {
  const phaseMs: Record<MigrationPhase, number> = { list: 0, read: 0, load: 0, transform: 0, splice: 0, verify: 0 };
  let mark = clock();
  return {
    phaseMs,
    lap(phase) {
      const now = clock();
      phaseMs[phase] += Math.round(now - mark);
      mark = now;
    },
  };
}

// One leftover per line and change: two transforms that find the same site say the same thing to a
// person, and the first (in transform order) keeps its words.
function sortLeftovers(leftovers: readonly Leftover[]): Leftover[] {
  const unique = new Map<string, Leftover>();
  for (const leftover of leftovers) {
    const key = `${leftover.path}\0${leftover.line}\0${changeKey(leftover.change)}`;
    if (!unique.has(key)) unique.set(key, leftover);
  }
  return [...unique.values()].sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : left.line - right.line));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/**
 * Patches a consumer checkout for a change set (DESIGN §3): prefilter by tokens, load the candidates
 * into an in-memory TypeScript project, run the transforms the caller hands in, splice their edits
 * by exact ranges, re-parse, verify by differential diagnostics, and list every site left unfixed.
 */
export async function migrate(checkout: Checkout, changeSet: ChangeSet, options: MigrateOptions): Promise<MigrationResult> {
  const stopwatch = createStopwatch(options.clock ?? (() => 0));
  const datasetNames = planDatasetNames(changeSet, options);
  const active = changeSet.changes.filter((change) => options.transforms.some((transform) => transform.handles(change)));
  const extraExtensions = new Set(options.transforms.flatMap((transform) => transform.extensions ?? []));
  const listed = await checkout.listFiles();
  stopwatch.lap('list');
  const inScope = createPathScope(options.paths);
  const readable = listed.filter((path) => isReadablePath(path, extraExtensions));
  const tokens = planTokens(active, options.transforms, datasetNames);
  const stats: MigrationStats = {
    filesListed: listed.length,
    filesInScope: readable.filter(inScope).length,
    candidates: 0,
    filesParsed: 0,
    tokens,
    editsByTransform: {},
    leftoversByTransform: {},
    phaseMs: stopwatch.phaseMs,
  };
  const verifySkipped: VerifyReport = { status: 'skipped', checkedFiles: 0, newErrors: [], withheld: [] };
  if (active.length === 0) return { edits: [], leftovers: [], verified: verifySkipped, stats };

  const texts = await readCheckout(checkout, readable);
  stopwatch.lap('read');
  const isCandidateKind = (path: string): boolean => isScriptPath(path) || extraExtensions.has(path.slice(path.lastIndexOf('.')));
  // Analysis sees every file that mentions a token, so a row type declared outside the consumer's
  // paths is still recognised; transforms see (and may edit) only the files inside them.
  const mentioning = readable.filter((path) => isCandidateKind(path) && mentionsAnyToken(texts.get(path) ?? '', tokens));
  const candidates = mentioning.filter(inScope);
  // Declaration files hold ambient types (`declare module 'zod'`, globals) that nothing imports.
  const declarations = readable.filter((path) => /\.d\.[mc]?ts$/.test(path) && !mentioning.includes(path));
  const scripts = [...mentioning.filter(isScriptPath), ...declarations];
  const loaded = loadProject(texts, scripts);
  stats.candidates = candidates.length;
  stats.filesParsed = loaded.program.getSourceFiles().length;
  stopwatch.lap('load');

  const lineIndexes = new Map<string, (offset: number) => number>();
  const lineAt = (path: string, offset: number): number => {
    let index = lineIndexes.get(path);
    if (index === undefined) {
      index = createLineIndex(texts.get(path) ?? '');
      lineIndexes.set(path, index);
    }
    return index(offset);
  };
  const files: CheckoutFile[] = candidates.map((path) => ({ path, text: texts.get(path) ?? '' }));
  const rowTypes = findRowTypes(loaded.program, scripts, { datasetNames, fieldNames: options.fieldNames });
  const base = { changeSet: { ...changeSet, changes: active }, datasetNames, files, project: loaded.project, fieldNames: options.fieldNames, rowTypes, lineAt };
  const run = await runTransforms(options.transforms, base, texts, inScope);
  stopwatch.lap('transform');

  const outOfScope = run.outOfScope.map((edit) => ({ path: edit.path, line: lineAt(edit.path, edit.start), change: edit.change, reason: 'outside the paths where this consumer keeps its data-access code; not edited' }));
  const comparer = options.verify === false ? undefined : createDiagnosticsComparer(loaded.program, loaded.options, (path) => texts.get(path));
  const settled = settleEdits({
    texts,
    edits: run.edits,
    alsoCheck: run.outOfScope.map((edit) => edit.path),
    mentioning: new Set(mentioning),
    transforms: options.transforms,
    comparer,
    sourceFileOf: (path) => loaded.program.getSourceFile(toProjectPath(path)),
    onSpliced: () => stopwatch.lap('splice'),
  });
  stopwatch.lap('verify');

  const patched = patchFiles(texts, settled.edits);
  const edits: FileEdit[] = [...patched]
    .map(([path, file]) => ({
      path,
      before: texts.get(path) ?? '',
      after: file.after,
      transform: [...new Set(file.placed.map((entry) => entry.edit.transform))].sort().join(', '),
      edits: file.placed.map((entry) => entry.edit),
    }))
    .sort((left, right) => (left.path < right.path ? -1 : 1));
  const remapped = [...run.leftovers, ...outOfScope, ...settled.withheldLeftovers].map((leftover) => ({
    path: leftover.path,
    line: mapLeftoverLine(texts.get(leftover.path) ?? '', patched.get(leftover.path), leftover.line),
    change: leftover.change,
    reason: leftover.reason,
  }));
  const leftovers = sortLeftovers([...remapped, ...settled.consequenceLeftovers]);
  stats.editsByTransform = countBy(settled.edits, (edit) => edit.transform);
  stats.leftoversByTransform = countBy(run.leftovers, (leftover) => leftover.transform);
  const anyScript = edits.some((edit) => isScriptPath(edit.path));
  const verified: VerifyReport = {
    status: comparer === undefined || (!anyScript && settled.withheld.length === 0) ? 'skipped' : settled.newErrors.length > 0 ? 'failed' : 'passed',
    checkedFiles: settled.checkedFiles,
    newErrors: settled.newErrors,
    withheld: settled.withheld,
  };
  return { edits, leftovers, verified, stats };
}
