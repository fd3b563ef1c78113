import type { SqlDialect } from './sql-types.js';
import { isReservedWord } from './sql-keywords.js';

/** Quotes a name the way the dialect requires: `"userId"` in Postgres, `` `my-col` `` in BigQuery. */
export function quoteIdentifier(name: string, dialect: SqlDialect, quote?: '"' | '`' | '['): string {
  const mark = quote ?? (dialect === 'bigquery' || dialect === 'mysql' ? '`' : '"');
  if (mark === '[') return `[${name.replace(/]/g, ']]')}]`;
  if (mark === '`' && dialect === 'bigquery') return `\`${name.replace(/[\\`]/g, '\\$&')}\``;
  return `${mark}${name.split(mark).join(mark + mark)}${mark}`;
}

/** Whether the name can be written unquoted and still mean exactly this name. */
export function isPlainIdentifier(name: string, dialect: SqlDialect): boolean {
  // Postgres folds unquoted names to lower case, so `userId` must be quoted there.
  const pattern = dialect === 'postgres' || dialect === 'ansi' ? /^[a-z_][a-z0-9_$]*$/ : /^[A-Za-z_][A-Za-z0-9_]*$/;
  return pattern.test(name) && !isReservedWord(name.toUpperCase());
}

/**
 * Writes `name` in place of an identifier written as `original`: a quoted original stays quoted
 * with the same quote; an unquoted one stays unquoted when the name allows it (upper case when
 * the original was, which every dialect reads the same), and is quoted otherwise.
 */
export function renderIdentifier(name: string, dialect: SqlDialect, original?: { text: string; quote?: '"' | '`' | '[' }): string {
  if (original?.quote !== undefined) return quoteIdentifier(name, dialect, original.quote);
  if (!isPlainIdentifier(name, dialect)) return quoteIdentifier(name, dialect);
  const shouting = original !== undefined && /[A-Z]/.test(original.text) && original.text === original.text.toUpperCase();
  return shouting && name === name.toLowerCase() ? name.toUpperCase() : name;
}
