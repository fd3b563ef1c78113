import type { NameChain, NamePart } from './name-chain.js';

/** What is known of the columns a derived table (a CTE or a subquery in FROM) exposes. */
export type Columns = {
  /** Output names it spells out (lower case), which our edits never change: projections keep their names. */
  names: Set<string>;
  /** A `*` over the dataset passes its columns through under their own, changing, names. */
  datasetStar: boolean;
  /** A `*` over a source whose columns are unknown. */
  otherStar: boolean;
};

/** A FROM item, as the scope resolution sees it. */
export type Source = {
  kind: 'dataset' | 'table' | 'derived' | 'opaque';
  /** The alias the query gives it; it hides the table's own name. */
  alias?: NamePart;
  /** More names that qualify it (lower case), for a fragment whose statement is built elsewhere. */
  qualifiers?: readonly string[];
  /** The table reference, for `dataset` and `table`. */
  chain?: NameChain;
  /** The dataset name the reference matched, for `dataset`. */
  matched?: readonly string[];
  /** A CTE's name when the reference is to one. */
  cteName?: string;
  /** Known columns of a derived table or of a function with a column list. */
  columns?: Columns;
  /** `users AS u(a, b)` renames the columns by position: names through it are not the dataset's. */
  columnAliases?: Set<string>;
};

/** One query block's sources, and the block around it for correlated references. */
export type Scope = {
  sources: Source[];
  parent: Scope | undefined;
  /** Columns merged by `JOIN … USING (col)` with the dataset, lower case. */
  merged: Set<string>;
  /** Output names of the block's select list (lower case), which ORDER BY may name. */
  outputNames: Set<string>;
  /** Output names given by an explicit alias to an expression, which GROUP BY may also mean. */
  expressionAliases: Set<string>;
};

/** A fresh scope inside `parent`. */
export function createScope(parent: Scope | undefined, sources: Source[] = []): Scope {
  return { sources, parent, merged: new Set(), outputNames: new Set(), expressionAliases: new Set() };
}

/** Whether the dataset is a source of this scope or of any scope around it. */
export function seesDataset(scope: Scope | undefined): boolean {
  for (let current = scope; current !== undefined; current = current.parent) {
    if (current.sources.some((source) => source.kind === 'dataset' || source.columns?.datasetStar === true)) return true;
  }
  return false;
}
