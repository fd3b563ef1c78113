import { ts } from 'ts-morph';
import type { PatchedFile } from './compare-diagnostics.js';
import { mapOffset } from './splice-edits.js';

/** A syntax error a patch introduces, at an offset of the patched text. */
export type SyntaxProblem = { path: string; start: number; message: string };

function parseErrors(path: string, text: string): readonly ts.DiagnosticWithLocation[] {
  const fileName = `/${path}`;
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  // A program without libraries or resolution: it only parses, which is all a syntax check needs.
  const host: ts.CompilerHost = {
    getSourceFile: (requested) => (requested === fileName ? sourceFile : undefined),
    getDefaultLibFileName: () => '/lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (requested) => requested === fileName,
    readFile: () => undefined,
  };
  const program = ts.createProgram({ rootNames: [fileName], options: { noLib: true, noResolve: true, allowJs: true, noEmit: true }, host });
  return program.getSyntacticDiagnostics(sourceFile);
}

/** Re-parses every patched TypeScript/JavaScript file and reports syntax errors the original did not have. */
export function findSyntaxErrors(texts: ReadonlyMap<string, string>, patched: ReadonlyMap<string, PatchedFile>, isScript: (path: string) => boolean): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  for (const [path, file] of patched) {
    if (!isScript(path)) continue;
    const after = parseErrors(path, file.after);
    if (after.length === 0) continue;
    const known = new Set(parseErrors(path, texts.get(path) ?? '').map((error) => `${error.code}:${mapOffset(file.placed, error.start)}`));
    for (const error of after) {
      if (!known.has(`${error.code}:${error.start}`)) problems.push({ path, start: error.start, message: ts.flattenDiagnosticMessageText(error.messageText, ' ') });
    }
  }
  return problems;
}
