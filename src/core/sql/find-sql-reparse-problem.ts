import type { SqlDialect, SqlHole } from './sql-types.js';
import { detectSqlDialect } from './detect-sql-dialect.js';
import { tokenizeSql } from './tokenize-sql.js';
import { matchBrackets } from './sql-parser.js';
import { isSameShapeWithAliases, planSqlShape } from './sql-shape.js';

/** SQL text with the holes it contains. */
export type SqlText = { text: string; holes?: readonly SqlHole[] };

/**
 * Re-parses edited SQL (the engine's "re-parse every edited SQL string" step). The edit must keep
 * the text tokenizable with balanced brackets and keep its token shape (only names changed, only
 * `AS <name>` added): whatever parser accepted the original accepts the result, since it holds the
 * same tokens in the same order. Returns why not, or undefined when it re-parses.
 */
export function findSqlReparseProblem(before: SqlText, after: SqlText, options: { tables: readonly string[]; dialect?: SqlDialect | 'auto' }): string | undefined {
  const dialect = options.dialect === undefined || options.dialect === 'auto' ? detectSqlDialect(before.text, options.tables) : options.dialect;
  const edited = tokenizeSql(after.text, dialect, after.holes ?? []);
  if (!edited.ok) return `the edited SQL does not tokenize: ${edited.problem} at offset ${edited.at}`;
  if (matchBrackets(edited.tokens) === undefined) return 'the edited SQL has unbalanced parentheses';
  const original = tokenizeSql(before.text, dialect, before.holes ?? []);
  if (original.ok && !isSameShapeWithAliases(planSqlShape(original.tokens), planSqlShape(edited.tokens))) {
    return 'the edit changed the structure of the SQL, not just names';
  }
  return undefined;
}
