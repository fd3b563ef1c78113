import { ts } from 'ts-morph';
import type { PlacedEdit } from './transform.js';
import { mapOffset } from './splice-edits.js';
import { fromProjectPath, toProjectPath } from './project-paths.js';

/** A patched file: its new text and where its edits landed. */
export type PatchedFile = { after: string; placed: readonly PlacedEdit[] };

/** An error the patch adds, at an offset of the patched text. */
export type NewError = { path: string; start: number; length: number; code: number; message: string };

export type DiagnosticsComparer = {
  /** Errors in `files` with the patch applied that the original texts do not have (matched by code and mapped position). */
  findNewErrors(patched: ReadonlyMap<string, PatchedFile>, files: readonly string[]): NewError[];
};

// The first sentence of a diagnostic: enough to point a person at the problem without a page of detail.
function headMessage(error: ts.Diagnostic): string {
  return typeof error.messageText === 'string' ? error.messageText : error.messageText.messageText;
}

function errorsOf(program: ts.Program, path: string): ts.Diagnostic[] {
  const sourceFile = program.getSourceFile(toProjectPath(path));
  if (sourceFile === undefined) return [];
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].filter(
    (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error,
  );
}

/**
 * Differential type checking (DESIGN §3): a second program over the patched texts reuses every
 * unchanged source file of the base program, and only files with errors after the patch are
 * checked before it too. Errors a missing third-party module causes appear on both sides and cancel.
 */
export function createDiagnosticsComparer(base: ts.Program, options: ts.CompilerOptions, readText: (path: string) => string | undefined): DiagnosticsComparer {
  const libLocation = base.getSourceFiles().find((file) => file.fileName.includes('/lib.'))?.fileName.replace(/\/[^/]+$/, '') ?? '/';
  const beforeErrors = new Map<string, ts.Diagnostic[]>();

  function buildProgram(patched: ReadonlyMap<string, PatchedFile>, roots: readonly string[], reuse: ts.Program): ts.Program {
    const textOf = (fileName: string): string | undefined => {
      const path = fromProjectPath(fileName);
      return patched.get(path)?.after ?? readText(path);
    };
    const host: ts.CompilerHost = {
      getSourceFile: (fileName, languageVersion) => {
        if (!patched.has(fromProjectPath(fileName))) {
          const reused = reuse.getSourceFile(fileName);
          if (reused !== undefined) return reused;
        }
        const text = textOf(fileName);
        return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion);
      },
      getDefaultLibFileName: (compilerOptions) => `${libLocation}/${ts.getDefaultLibFileName(compilerOptions)}`,
      getDefaultLibLocation: () => libLocation,
      writeFile: () => undefined,
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (fileName) => fileName,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (fileName) => reuse.getSourceFile(fileName) !== undefined || textOf(fileName) !== undefined,
      readFile: (fileName) => textOf(fileName),
      directoryExists: () => true,
      getDirectories: () => [],
    };
    // The base program's roots stay roots: ambient declaration files are reachable only that way.
    const rootNames = [...new Set([...base.getRootFileNames(), ...roots.map(toProjectPath)])];
    return ts.createProgram({ rootNames, options, host, oldProgram: reuse });
  }

  function errorsBefore(path: string): ts.Diagnostic[] {
    let errors = beforeErrors.get(path);
    if (errors === undefined) {
      const program = base.getSourceFile(toProjectPath(path)) === undefined ? buildProgram(new Map(), [path], base) : base;
      errors = errorsOf(program, path);
      beforeErrors.set(path, errors);
    }
    return errors;
  }

  return {
    findNewErrors(patched, files) {
      if (files.length === 0) return [];
      const after = buildProgram(patched, files, base);
      const found: NewError[] = [];
      for (const path of files) {
        const errors = errorsOf(after, path);
        if (errors.length === 0) continue;
        const placed = patched.get(path)?.placed ?? [];
        const known = new Map<string, number>();
        for (const error of errorsBefore(path)) {
          const key = `${error.code}:${mapOffset(placed, error.start ?? 0)}`;
          known.set(key, (known.get(key) ?? 0) + 1);
        }
        for (const error of errors) {
          const key = `${error.code}:${error.start ?? 0}`;
          const count = known.get(key) ?? 0;
          if (count > 0) known.set(key, count - 1);
          else found.push({ path, start: error.start ?? 0, length: error.length ?? 0, code: error.code, message: headMessage(error) });
        }
      }
      return found;
    },
  };
}
