import { ts } from 'ts-morph';

// Used when the checkout has no root tsconfig.json: permissive module resolution, since we cannot
// know the consumer's bundler, and strict so that type changes surface as errors.
const defaults: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  esModuleInterop: true,
  experimentalDecorators: true,
};

/**
 * The consumer's compiler options from its root `tsconfig.json`, adjusted for checking in memory:
 * nothing is emitted, libraries are not checked, JavaScript is loaded (not checked). A tsconfig
 * that `extends` a package we do not have keeps its own options; the missing base is ignored.
 */
export function readCompilerOptions(texts: ReadonlyMap<string, string>): ts.CompilerOptions {
  const text = texts.get('tsconfig.json');
  let options: ts.CompilerOptions = { ...defaults };
  if (text !== undefined) {
    const parsed = ts.parseConfigFileTextToJson('/tsconfig.json', text);
    if (parsed.config !== undefined) {
      const host: ts.ParseConfigHost = {
        useCaseSensitiveFileNames: true,
        readDirectory: () => [],
        fileExists: (fileName) => texts.has(fileName.replace(/^\//, '')),
        readFile: (fileName) => texts.get(fileName.replace(/^\//, '')),
      };
      options = ts.parseJsonConfigFileContent(parsed.config, host, '/', undefined, '/tsconfig.json').options;
    }
  }
  const { incremental: _incremental, composite: _composite, tsBuildInfoFile: _buildInfo, emitDeclarationOnly: _declarationOnly, plugins: _plugins, ...rest } = options;
  return { ...rest, noEmit: true, skipLibCheck: true, allowJs: true, checkJs: false };
}
