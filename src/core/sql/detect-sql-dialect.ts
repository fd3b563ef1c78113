import type { SqlDialect } from './sql-types.js';

const postgresMarks = /\$\d|::|\$\$|\bILIKE\b|\bRETURNING\b|\bON\s+CONFLICT\b|\bE'/i;
const bigqueryMarks = /`[^`]*[.-][^`]*`|@\w|\bSAFE_CAST\b|\bQUALIFY\b|\bUNNEST\s*\(|\bSTRUCT\s*\(|\bEXCEPT\s*\(/i;

/**
 * Guesses the dialect from the text and the dataset's table names. Backticks mean BigQuery or
 * MySQL (both read `"…"` as a string); a BigQuery-style table name (a project with a dash, three
 * parts) or BigQuery syntax decides between them. Everything else reads as Postgres, whose
 * quoting rules are the ANSI ones.
 */
export function detectSqlDialect(text: string, tables: readonly string[]): SqlDialect {
  const bigqueryTable = tables.some((name) => name.includes('-') || name.replace(/`/g, '').split('.').length >= 3);
  if (text.includes('`')) return bigqueryTable || bigqueryMarks.test(text) ? 'bigquery' : 'mysql';
  if (postgresMarks.test(text)) return 'postgres';
  if (tables.some((name) => name.includes('-')) || (bigqueryTable && bigqueryMarks.test(text))) return 'bigquery';
  return 'postgres';
}
