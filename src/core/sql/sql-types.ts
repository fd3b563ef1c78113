/**
 * `postgres` and `ansi` quote identifiers with `"`; `bigquery` and `mysql` with backticks, and
 * there `"…"` is a string. `auto` picks one from the text (see `detectSqlDialect`).
 */
export type SqlDialect = 'postgres' | 'bigquery' | 'mysql' | 'ansi';

/**
 * A range of the text that is not SQL: a `${…}` placeholder of a template literal, or Jinja in a
 * dbt model. `expression` (the default) stands for a value or an unknown SQL fragment; `trivia`
 * is skipped like a comment (`{% if … %}`); `dataset` is a table reference that denotes the dataset
 * (`{{ ref('users') }}`).
 */
export type SqlHole = { start: number; end: number; kind?: SqlHoleKind };
export type SqlHoleKind = 'expression' | 'trivia' | 'dataset';

/** A change to apply to SQL that reads or writes the dataset. Column names are the old names. */
export type SqlChange =
  | { kind: 'column-renamed'; column: string; to: string }
  | { kind: 'column-removed'; column: string }
  /** A rename nobody confirmed yet: every site becomes a leftover that says why. */
  | { kind: 'column-unconfirmed'; column: string; to: string }
  /** The dataset's table moved (`analytics.users_v1` → `analytics.users_v2`). */
  | { kind: 'table-moved'; to: string };

/**
 * SQL that is only part of a statement, evaluated where the dataset is a source: the argument of
 * knex's `whereRaw`, or a `select(knex.raw(…))`. `qualifiers` are the names the dataset is reachable
 * by there (its alias, its table name); `otherSources` says whether other tables are joined.
 */
export type SqlFragmentScope = { kind: 'expression' | 'select-list'; qualifiers: readonly string[]; otherSources: boolean };

export type SqlRewriteInput = {
  text: string;
  /** Names that denote the dataset's table: `analytics.users_v1`, `users_v1`, `acme-prod.crm.users`. */
  tables: readonly string[];
  changes: readonly SqlChange[];
  holes?: readonly SqlHole[];
  dialect?: SqlDialect | 'auto';
  fragment?: SqlFragmentScope;
  /**
   * `keep` (the default): a renamed column projected without alias gets ` AS <old name>`, so code
   * reading the rows by name is unaffected. `follow`: the rows' reader was renamed too (its row type
   * followed the change), so the projection takes the new name.
   */
  outputNames?: 'keep' | 'follow';
};

/**
 * Replace `[start, end)` of the input text with `text`, for `changes[change]`. Never overlaps a hole.
 * `alias` edits insert ` AS <old name>` after a renamed projection.
 */
export type SqlEdit = { start: number; end: number; text: string; change: number; role: 'name' | 'alias' | 'table' };

/** A site the rewriter did not fix, at an offset of the input text, for `changes[change]`. */
export type SqlLeftover = { start: number; change: number; reason: string };

export type SqlRewritePlan = {
  edits: SqlEdit[];
  leftovers: SqlLeftover[];
  dialect: SqlDialect;
  /** Whether some statement reads or writes the dataset's table (or a hole that stands for it). */
  readsDataset: boolean;
  /** Why the text could not be analysed (an unterminated string or comment); then nothing is edited. */
  problem?: string;
};
