import { ts } from 'ts-morph';
import type { VerifyDiagnostic } from './migration-types.js';
import type { TextEdit } from './transform.js';
import { createDiagnosticsComparer } from './compare-diagnostics.js';
import type { PatchedFile } from './compare-diagnostics.js';
import { createImportGraph } from './create-import-graph.js';
import { isScriptPath } from './file-kinds.js';
import { createLineIndex } from './line-index.js';
import { loadProject } from './load-project.js';
import { patchFiles } from './patch-files.js';
import { toProjectPath } from './project-paths.js';

/** What checking edits that no transform wrote found. */
export type EditsCheck = {
  /** Syntax and type errors the edits add, at lines of the patched files. */
  newErrors: VerifyDiagnostic[];
  /** Every error left after the edits in the files asked about (`errorsIn`), new or not. */
  errorsAfter: VerifyDiagnostic[];
  /** The files whose diagnostics were compared: the touched scripts and everything that imports them. */
  checkedFiles: string[];
};

function headMessage(error: ts.Diagnostic): string {
  return typeof error.messageText === 'string' ? error.messageText : error.messageText.messageText;
}

function diagnosticsOf(program: ts.Program, path: string, text: string): VerifyDiagnostic[] {
  const sourceFile = program.getSourceFile(toProjectPath(path));
  if (sourceFile === undefined) return [];
  const lineAt = createLineIndex(text);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]
    .filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error)
    .map((diagnostic) => ({ path, line: lineAt(diagnostic.start ?? 0), code: diagnostic.code, message: headMessage(diagnostic) }));
}

/**
 * The engine's verification for edits written outside the transforms (the LLM's): splice them,
 * re-parse, and compare type diagnostics before and after in the touched scripts and every script
 * that reaches them through imports (a removed member breaks its readers, not its declaration).
 * `texts` is the checkout as it stands, configs included, so imports and compiler options resolve.
 * `errorsIn` asks for every error left in those files after the edits (with no edits: as they stand).
 */
export function verifyEdits(texts: ReadonlyMap<string, string>, edits: readonly TextEdit[], options: { errorsIn?: readonly string[] } = {}): EditsCheck {
  const patched = patchFiles(texts, edits);
  const touched = [...patched.keys()].filter(isScriptPath).sort();
  const errorsIn = (options.errorsIn ?? []).filter((path) => isScriptPath(path) && texts.has(path));
  // Ambient declarations (`declare module 'pg'`) are reachable only as roots, as in `migrate`.
  const declarations = [...texts.keys()].filter((path) => /\.d\.[mc]?ts$/.test(path));
  let newErrors: VerifyDiagnostic[] = [];
  let checkedFiles: string[] = [];
  if (touched.length > 0) {
    const importers = createImportGraph(texts, texts.keys()).findImporters(touched, { transitive: true });
    checkedFiles = [...new Set([...touched, ...importers])].sort();
    const base = loadProject(texts, [...new Set([...checkedFiles, ...declarations])]);
    const comparer = createDiagnosticsComparer(base.program, base.options, (path) => texts.get(path));
    newErrors = comparer.findNewErrors(patched, checkedFiles).map((error) => {
      const after = patched.get(error.path)?.after ?? texts.get(error.path) ?? '';
      return { path: error.path, line: createLineIndex(after)(error.start), code: error.code, message: error.message };
    });
  }
  if (errorsIn.length === 0) return { newErrors, errorsAfter: [], checkedFiles };
  const afterTexts = new Map(texts);
  for (const [path, file] of patched) afterTexts.set(path, file.after);
  const after = loadProject(afterTexts, [...new Set([...errorsIn, ...declarations])]);
  const errorsAfter = errorsIn.flatMap((path) => diagnosticsOf(after.program, path, afterTexts.get(path) ?? ''));
  return { newErrors, errorsAfter, checkedFiles };
}

/** The patched text of each file the edits touch (exact-range splices, nothing reprinted). */
export function applyTextEdits(texts: ReadonlyMap<string, string>, edits: readonly TextEdit[]): Map<string, PatchedFile> {
  return patchFiles(texts, edits);
}

export type { PatchedFile };
