import type { SqlRewriteInput, SqlRewritePlan } from './sql-types.js';
import { detectSqlDialect } from './detect-sql-dialect.js';
import { tokenizeSql } from './tokenize-sql.js';
import { matchBrackets } from './sql-parser.js';
import { createParser } from './create-parser.js';
import { parseStatements } from './parse-statement.js';
import { parseFragment } from './parse-fragment.js';
import { narrowEdit, planSqlEdits } from './plan-sql-edits.js';
import { splitTableName } from './table-name.js';

/**
 * Plans the edits that apply `changes` to SQL reading or writing the dataset, by exact ranges of
 * `text`, with the sites it could not fix. References resolve by scope: only the dataset's table
 * and its aliases (and CTEs or subqueries passing its columns through) are touched; strings,
 * comments, other tables' columns and names that merely look alike never are. Pure.
 */
export function planSqlRewrite(input: SqlRewriteInput): SqlRewritePlan {
  const dialect = input.dialect === undefined || input.dialect === 'auto' ? detectSqlDialect(input.text, input.tables) : input.dialect;
  const tokenized = tokenizeSql(input.text, dialect, input.holes ?? []);
  if (!tokenized.ok) return { edits: [], leftovers: [], dialect, readsDataset: false, problem: `${tokenized.problem} at offset ${tokenized.at}` };
  const close = matchBrackets(tokenized.tokens);
  if (close === undefined) return { edits: [], leftovers: [], dialect, readsDataset: false, problem: 'unbalanced parentheses' };
  const columns = input.changes.flatMap((change) => (change.kind === 'table-moved' ? [] : [change.column]));
  const datasetNames = input.tables.map(splitTableName).filter((parts) => parts.length > 0);
  const parser = createParser(tokenized.tokens, close, dialect, datasetNames, columns);
  if (input.fragment === undefined) parseStatements(parser);
  else parseFragment(parser, input.fragment);
  const plan = planSqlEdits(parser.sites, input.changes, { dialect, lowerKeywords: parser.lowerKeywords, statements: parser.statements, outputNames: input.outputNames ?? 'keep' });
  const edits = plan.edits.map((edit) => narrowEdit(input.text, edit)).sort((left, right) => left.start - right.start || left.end - right.end);
  const leftovers = plan.leftovers.sort((left, right) => left.start - right.start || left.change - right.change);
  return { edits, leftovers, dialect, readsDataset: parser.readsDataset };
}
