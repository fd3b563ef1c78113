import { ts } from 'ts-morph';
import { isScriptPath } from './file-kinds.js';

function resolveRelative(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  const base = from.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') base.pop();
    else if (part !== '.') base.push(part);
  }
  const joined = base.join('/');
  const stem = joined.replace(/\.(m|c)?(j|t)sx?$/, '');
  const tries = [joined, ...['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs', '.cjs'].flatMap((extension) => [`${stem}${extension}`, `${joined}/index${extension}`])];
  return tries.find((candidate) => known.has(candidate));
}

/** Who imports whom among a set of scripts, by relative specifiers. */
export type ImportGraph = {
  /** Files among `importers` that import any of `targets`: directly, or also through other such files when `transitive`. */
  findImporters(targets: readonly string[], options: { transitive: boolean }): string[];
};

/**
 * Reads the imports of `importers` (scanner only, nothing is parsed into a tree) and resolves
 * relative specifiers against every script of the checkout.
 */
export function createImportGraph(texts: ReadonlyMap<string, string>, importers: Iterable<string>): ImportGraph {
  const scripts = new Set([...texts.keys()].filter(isScriptPath));
  const importersOf = new Map<string, string[]>();
  for (const path of importers) {
    if (!scripts.has(path)) continue;
    for (const imported of ts.preProcessFile(texts.get(path) ?? '', true, true).importedFiles) {
      if (!imported.fileName.startsWith('.')) continue;
      const resolved = resolveRelative(path, imported.fileName, scripts);
      if (resolved !== undefined) importersOf.set(resolved, [...(importersOf.get(resolved) ?? []), path]);
    }
  }
  return {
    findImporters(targets, options) {
      const found = new Set<string>();
      const queue = [...targets];
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        for (const importer of importersOf.get(next) ?? []) {
          if (found.has(importer) || targets.includes(importer)) continue;
          found.add(importer);
          if (options.transitive) queue.push(importer);
        }
      }
      return [...found].sort();
    },
  };
}
