import { ts } from 'ts-morph';
import type { Change } from '../schema/index.js';
import type { TextEdit, TransformContext } from './transform.js';
import { fromProjectPath, toProjectPath } from './project-paths.js';

/** A place in a checkout file. */
export type Site = { path: string; start: number };

function languageServiceOf(context: Pick<TransformContext, 'project'>): ts.LanguageService {
  return context.project.getLanguageService().compilerObject;
}

/** Whether a field name can be written as a bare identifier (`row.userId`); `user-id` cannot. */
export function isIdentifierName(name: string): boolean {
  // Keywords scan as their own tokens: valid property names, but not valid shorthand bindings.
  const scanner = ts.createScanner(ts.ScriptTarget.ESNext, true, ts.LanguageVariant.Standard, name);
  return scanner.scan() === ts.SyntaxKind.Identifier && scanner.getTokenEnd() === name.length;
}

/**
 * Renames the symbol at a site through the language service and returns the exact-range edits
 * (DESIGN §3). Shorthand sites keep their local names — `const { user_id } = row` becomes
 * `const { userId: user_id } = row` — so code around them stays as it was.
 */
export function findRenameEdits(context: Pick<TransformContext, 'project'>, at: Site, newName: string, origin: { transform: string; change: Change }): { edits: TextEdit[] } | { reason: string } {
  if (!isIdentifierName(newName)) return { reason: `"${newName}" is not a valid identifier, so references cannot be renamed mechanically` };
  const locations = languageServiceOf(context).findRenameLocations(toProjectPath(at.path), at.start, false, false, { providePrefixAndSuffixTextForRename: true });
  if (locations === undefined) return { reason: 'the TypeScript language service cannot rename this symbol' };
  const edits = locations.map((location) => ({
    path: fromProjectPath(location.fileName),
    start: location.textSpan.start,
    end: location.textSpan.start + location.textSpan.length,
    text: `${location.prefixText ?? ''}${newName}${location.suffixText ?? ''}`,
    transform: origin.transform,
    change: origin.change,
  }));
  return { edits };
}

/** Every reference to the symbol at a site, its declarations included (`isDefinition`). */
export function findReferenceSites(context: Pick<TransformContext, 'project'>, at: Site): (Site & { isDefinition: boolean })[] {
  const referenced = languageServiceOf(context).findReferences(toProjectPath(at.path), at.start) ?? [];
  const sites = new Map<string, Site & { isDefinition: boolean }>();
  for (const symbol of referenced) {
    for (const reference of symbol.references) {
      const site = { path: fromProjectPath(reference.fileName), start: reference.textSpan.start, isDefinition: reference.isDefinition === true };
      sites.set(`${site.path}:${site.start}`, site);
    }
  }
  return [...sites.values()].sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : left.start - right.start));
}
