import type { SqlDialect, SqlToken, SqlTokens } from './sql-token.js';
import { SqlInputError } from './sql-input-error.js';
import { tokenizeSql } from './tokenize-sql.js';

// Type names only BigQuery spells this way; Postgres has none of them.
const bigQueryTypeWords = new Set(['INT64', 'FLOAT64', 'BIGNUMERIC', 'BIGDECIMAL', 'GEOGRAPHY', 'STRUCT', 'STRING', 'BYTES', 'DATETIME']);

/**
 * Backtick names, `ARRAY<`/`STRUCT<`, column `OPTIONS(`, and BigQuery-only type names where a type
 * stands: after a name (`id INT64`) or alone (a dbt data_type), so a Postgres column merely named
 * `string` does not count.
 */
export function hasBigQueryMarks(tokens: readonly SqlToken[]): boolean {
  return tokens.some((token, index) => {
    if (token.kind === 'quoted' && token.text.startsWith('`')) return true;
    if (token.kind !== 'word') return false;
    const word = token.value.toUpperCase();
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    if (bigQueryTypeWords.has(word) && (previous === undefined || previous.kind === 'word' || previous.kind === 'quoted')) return true;
    return (word === 'ARRAY' && next?.text.startsWith('<') === true) || (word === 'OPTIONS' && next?.text === '(');
  });
}

function tryTokenize(text: string, dialect: SqlDialect): SqlTokens | SqlInputError {
  try {
    return tokenizeSql(text, dialect);
  } catch (error) {
    if (error instanceof SqlInputError) return error;
    throw error;
  }
}

/**
 * Tokenizes text in the dialect it is written in: BigQuery when BigQuery's tokens read it and show
 * BigQuery's marks, else Postgres (the default), else BigQuery (e.g. `#` comments holding quotes).
 */
export function tokenizeSqlInItsDialect(text: string): { dialect: SqlDialect; source: SqlTokens } {
  const postgres = tryTokenize(text, 'postgres');
  // Postgres reads a backtick as an operator character, and BigQuery's type names as words.
  const maybeBigQuery = text.includes('`') || postgres instanceof SqlInputError || hasBigQueryMarks(postgres.tokens);
  if (!maybeBigQuery) return { dialect: 'postgres', source: postgres };
  const bigQuery = tryTokenize(text, 'bigquery');
  if (!(bigQuery instanceof SqlInputError) && hasBigQueryMarks(bigQuery.tokens)) return { dialect: 'bigquery', source: bigQuery };
  if (!(postgres instanceof SqlInputError)) return { dialect: 'postgres', source: postgres };
  if (!(bigQuery instanceof SqlInputError)) return { dialect: 'bigquery', source: bigQuery };
  throw text.includes('`') ? bigQuery : postgres;
}

/** The dialect a piece of SQL (a file, or one data type) is written in; Postgres when it cannot tell. */
export function detectSqlDialect(text: string): SqlDialect {
  try {
    return tokenizeSqlInItsDialect(text).dialect;
  } catch (error) {
    if (error instanceof SqlInputError) return 'postgres';
    throw error;
  }
}
