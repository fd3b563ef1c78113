import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { InMemoryFileSystemHost, Project, ts } from 'ts-morph';

export type TypeError = { path: string; line: number; message: string };

function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('node_modules'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * Type-checks a whole fixture repo as its own `tsconfig.json` describes it (the same check as
 * `npx tsc --noEmit -p repo`), with some files replaced by patched texts, entirely in memory.
 */
export function findTypeErrors(repo: string, patched: ReadonlyMap<string, string>): TypeError[] {
  const fileSystem = new InMemoryFileSystemHost();
  for (const file of listFiles(repo)) fileSystem.writeFileSync(`/${file}`, patched.get(file) ?? readFileSync(path.join(repo, file), 'utf8'));
  const project = new Project({ fileSystem, tsConfigFilePath: '/tsconfig.json' });
  return project
    .getPreEmitDiagnostics()
    .filter((diagnostic) => diagnostic.getCategory() === ts.DiagnosticCategory.Error)
    .map((diagnostic) => ({
      path: (diagnostic.getSourceFile()?.getFilePath() ?? '/?').slice(1),
      line: diagnostic.getLineNumber() ?? 0,
      message: ts.flattenDiagnosticMessageText(diagnostic.getMessageText() as string | ts.DiagnosticMessageChain, ' '),
    }));
}
