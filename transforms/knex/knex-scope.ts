import type { ts } from 'ts-morph';
import type { Change } from '../../src/core/schema/index.js';
import type { Leftover, TextEdit } from '../../src/core/codemods/index.js';
import type { SqlChange } from '../../src/core/sql/index.js';
import type { KnexChain, KnexTable } from './find-knex-chains.js';

/** One chain being planned: its tables, the changes, and where edits and leftovers go. */
export type KnexScope = {
  chain: KnexChain;
  sourceFile: ts.SourceFile;
  path: string;
  changes: readonly { sql: SqlChange; source: Change }[];
  /** The dataset's table in this chain. */
  dataset: KnexTable;
  /** The chain joins other tables, so a bare new name could be theirs: qualify it. */
  joined: boolean;
  /** Projections take the new name: the chain's row type was renamed along. */
  followRows: boolean;
  /** The chain's rows are typed by a row type, which owns their shape. */
  typedRows: boolean;
  /** The new physical name, when the table moves. */
  movedTo: readonly string[] | undefined;
  edits: TextEdit[];
  leftovers: Leftover[];
  lineAt(offset: number): number;
  transform: string;
};

/** The name the dataset's table is qualified by in this chain (its alias, or its last name part after any move). */
export function datasetQualifier(scope: KnexScope): string {
  if (scope.dataset.alias !== undefined) return scope.dataset.alias;
  return scope.movedTo?.at(-1) ?? scope.dataset.parts.at(-1) ?? '';
}

/** Whether `qualifier` denotes the dataset's table in this chain, another table, or nothing known. */
export function resolveKnexQualifier(scope: KnexScope, qualifier: readonly string[]): 'dataset' | 'other' | 'unknown' {
  const matches = (table: KnexTable): boolean => {
    if (table.alias !== undefined) return qualifier.length === 1 && qualifier[0]?.toLowerCase() === table.alias.toLowerCase();
    const parts = [...table.schema, ...table.parts].map((part) => part.toLowerCase());
    const tail = parts.slice(parts.length - qualifier.length);
    return qualifier.length <= parts.length && qualifier.every((part, index) => part.toLowerCase() === tail[index]);
  };
  const table = scope.chain.tables.find(matches);
  if (table === undefined) return 'unknown';
  return table === scope.dataset ? 'dataset' : 'other';
}

/** Pushes a leftover at a node of the chain. */
export function leaveAt(scope: KnexScope, node: ts.Node, change: Change, reason: string): void {
  scope.leftovers.push({ path: scope.path, line: scope.lineAt(node.getStart(scope.sourceFile)), change, reason });
}
