import { Project } from 'ts-morph';
import type { ts } from 'ts-morph';
import { isScriptPath } from './file-kinds.js';
import { readCompilerOptions } from './read-compiler-options.js';
import { toProjectPath } from './project-paths.js';

/** The in-memory project transforms work on, with the language service whose program they share. */
export type LoadedProject = {
  project: Project;
  languageService: ts.LanguageService;
  program: ts.Program;
  options: ts.CompilerOptions;
};

/**
 * Builds an in-memory ts-morph project whose roots are the candidate files. Every script and config
 * of the checkout is put in the in-memory file system (strings only, nothing parsed), so imports
 * resolve and the compiler parses just the candidates and their import closure.
 */
export function loadProject(texts: ReadonlyMap<string, string>, roots: readonly string[]): LoadedProject {
  const options = readCompilerOptions(texts);
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: options, skipAddingFilesFromTsConfig: true });
  const fileSystem = project.getFileSystem();
  for (const [path, text] of texts) {
    if (isScriptPath(path) || path.endsWith('.json')) fileSystem.writeFileSync(toProjectPath(path), text);
  }
  for (const root of roots) project.addSourceFileAtPath(toProjectPath(root));
  // Only the language service's program is used: ts-morph's own getProgram() would build a second one.
  const languageService = project.getLanguageService().compilerObject;
  const program = languageService.getProgram();
  if (program === undefined) throw new Error('the TypeScript language service built no program');
  return { project, languageService, program, options };
}
