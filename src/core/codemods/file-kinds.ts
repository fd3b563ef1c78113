/** Extensions of files the TypeScript program loads. */
export const scriptExtensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;

// Directories that hold installed or generated code; a consumer's own sources never live there.
const ignoredDirectories = new Set(['node_modules', 'dist', 'build', 'coverage', '.git', '.next', '.turbo', '.cache']);

/** Whether the engine treats the file as TypeScript or JavaScript source (declaration files included). */
export function isScriptPath(path: string): boolean {
  return scriptExtensions.some((extension) => path.endsWith(extension));
}

/** Whether any directory on the path is one the engine never reads. */
export function isIgnoredPath(path: string): boolean {
  return path.split('/').slice(0, -1).some((segment) => ignoredDirectories.has(segment));
}

/** Whether the file is one the engine reads: sources, configs the program needs, and the extensions transforms ask for. */
export function isReadablePath(path: string, extraExtensions: ReadonlySet<string>): boolean {
  if (isIgnoredPath(path)) return false;
  if (isScriptPath(path)) return true;
  // Compiler configs, including the bases they extend (`tsconfig.base.json`), and package manifests.
  if (/(^|\/)(tsconfig[^/]*|jsconfig)\.json$/.test(path) || path.endsWith('package.json')) return true;
  const dot = path.lastIndexOf('.');
  return dot >= 0 && extraExtensions.has(path.slice(dot));
}
