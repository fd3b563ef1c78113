import type { NamePart } from './name-chain.js';
import type { Scope, Source } from './sql-scope.js';
import type { NewNameReach } from './sql-sites.js';

/** Whether a source has a column: certainly the dataset's, certainly another's, unknown, or certainly not. */
export type Has = 'dataset' | 'other' | 'maybe' | 'no';

/** What a source knows about a column of the old schema named `key` (lower case). */
export function sourceHas(source: Source, key: string): Has {
  if (source.kind === 'dataset') {
    if (source.columnAliases === undefined) return 'dataset';
    return source.columnAliases.has(key) ? 'other' : 'no';
  }
  if (source.kind === 'table') return 'maybe';
  const columns = source.columns;
  if (columns === undefined) return 'maybe';
  if (columns.names.has(key)) return 'other';
  if (columns.datasetStar) return 'dataset';
  return columns.otherStar ? 'maybe' : 'no';
}

/** A name for a source in messages. */
export function describeSource(source: Source): string {
  if (source.alias !== undefined) return source.alias.name;
  if (source.cteName !== undefined) return source.cteName;
  if (source.chain !== undefined) return source.chain.parts.map((part) => part.name).join('.');
  return 'a subquery';
}

export type BareResolution =
  | { kind: 'dataset'; scope: Scope; source: Source }
  | { kind: 'ambiguous'; doubt: string }
  | { kind: 'none' };

/**
 * Resolves an unqualified column name (old schema) as the engines do: the innermost block whose
 * sources have it wins. When the dataset is a source of that block, the reference is the
 * dataset's: the old schema has this column, so another source having it too would make the
 * reference ambiguous, which every supported engine rejects. When an inner block has a source of
 * unknown columns and the dataset sits further out, the name could be either: ambiguous.
 */
export function resolveBareColumn(scope: Scope, key: string, column: string): BareResolution {
  for (let current: Scope | undefined = scope; current !== undefined; current = current.parent) {
    if (current.merged.has(key)) return { kind: 'ambiguous', doubt: `JOIN … USING merges ${column} from the dataset and another table` };
    const found = current.sources.map((source) => ({ source, has: sourceHas(source, key) }));
    const datasets = found.filter((entry) => entry.has === 'dataset');
    const others = found.filter((entry) => entry.has === 'other');
    const first = datasets[0];
    if (first !== undefined) {
      if (datasets.length > 1 || others.length > 0) {
        return { kind: 'ambiguous', doubt: `${column} names a column of more than one source here (${found.filter((entry) => entry.has !== 'no' && entry.has !== 'maybe').map((entry) => describeSource(entry.source)).join(', ')})` };
      }
      return { kind: 'dataset', scope: current, source: first.source };
    }
    if (others.length > 0) return { kind: 'none' };
    const unknown = found.find((entry) => entry.has === 'maybe');
    if (unknown !== undefined) {
      const outer = findDatasetScope(current.parent, key);
      if (outer === undefined) return { kind: 'none' };
      return { kind: 'ambiguous', doubt: `${column} may be a column of ${describeSource(unknown.source)} or the dataset's column of the enclosing query: qualify it` };
    }
  }
  return { kind: 'none' };
}

function findDatasetScope(scope: Scope | undefined, key: string): Scope | undefined {
  for (let current = scope; current !== undefined; current = current.parent) {
    if (current.sources.some((source) => sourceHas(source, key) === 'dataset')) return current;
  }
  return undefined;
}

function sameName(part: NamePart, name: string): boolean {
  return part.quoted ? part.name === name || part.name.toLowerCase() === name.toLowerCase() : part.name.toLowerCase() === name.toLowerCase();
}

function qualifies(source: Source, qualifier: readonly NamePart[]): boolean {
  if (source.qualifiers !== undefined && qualifier.length === 1 && qualifier[0] !== undefined && source.qualifiers.includes(qualifier[0].name.toLowerCase())) return true;
  if (source.alias !== undefined) return qualifier.length === 1 && qualifier[0] !== undefined && sameName(qualifier[0], source.alias.name);
  if (source.cteName !== undefined) return qualifier.length === 1 && qualifier[0] !== undefined && sameName(qualifier[0], source.cteName);
  const parts = source.chain?.parts;
  if (parts === undefined || qualifier.length > parts.length) return false;
  const tail = parts.slice(parts.length - qualifier.length);
  return qualifier.every((part, index) => tail[index] !== undefined && sameName(part, tail[index].name));
}

export type QualifiedResolution = { source: Source; scope: Scope; columnIndex: number } | undefined;

/** The source a qualifier denotes (`u`, `users`, `analytics.users`), innermost block first. */
export function findQualifiedSource(scope: Scope, qualifier: readonly NamePart[]): { source: Source; scope: Scope } | undefined {
  for (let current: Scope | undefined = scope; current !== undefined; current = current.parent) {
    const source = current.sources.find((candidate) => qualifies(candidate, qualifier));
    if (source !== undefined) return { source, scope: current };
  }
  return undefined;
}

/** The source a qualified name's leading parts denote (`u.col`, `users.col`, `analytics.users.col`). */
export function resolveQualifier(scope: Scope, parts: readonly NamePart[]): QualifiedResolution {
  for (let length = Math.min(parts.length - 1, 3); length >= 1; length -= 1) {
    const found = findQualifiedSource(scope, parts.slice(0, length));
    if (found !== undefined) return { ...found, columnIndex: length };
  }
  return undefined;
}

/** The text that names a source as a qualifier, and whether it is the table's own (moving) name. */
export function qualifierText(source: Source): { text: string; isTableName: boolean } | undefined {
  if (source.alias !== undefined) return { text: source.alias.token.text, isTableName: false };
  const last = source.chain?.parts.at(-1);
  if (last === undefined) return undefined;
  return { text: last.packed ? `\`${last.name}\`` : last.token.text, isTableName: true };
}

/**
 * How a renamed bare column must be written to keep reaching the dataset: blocks between the
 * reference and the dataset's block must not have a source that could own the new name (else it is
 * captured), and other sources of the dataset's block (or, in ORDER BY, an output column) that
 * could own it force a qualifier.
 */
export function planNewNameReach(scope: Scope, datasetScope: Scope, dataset: Source, orderBy: boolean): (newName: string) => NewNameReach {
  return (newName) => {
    const key = newName.toLowerCase();
    for (let current: Scope | undefined = scope; current !== undefined && current !== datasetScope; current = current.parent) {
      if (current.sources.some((source) => sourceHas(source, key) !== 'no')) return { captured: true };
    }
    const clash = datasetScope.sources.some((source) => source !== dataset && sourceHas(source, key) !== 'no') || (orderBy && scope === datasetScope && scope.outputNames.has(key));
    if (!clash) return { captured: false };
    const qualifier = qualifierText(dataset);
    if (qualifier === undefined) return { captured: true };
    return { captured: false, qualifier: qualifier.text, qualifierIsTableName: qualifier.isTableName };
  };
}
