import type { FieldConstraints, FieldType } from '../../types.js';
import type { SqlDialect } from './sql-token.js';
import type { SqlHints } from './sql-hints.js';
import { SqlCursor } from './sql-cursor.js';
import { tokenizeSql } from './tokenize-sql.js';
import { detectSqlDialect } from './detect-sql-dialect.js';
import { parseSqlType } from './parse-sql-type.js';
import { convertSqlType } from './convert-sql-type.js';

/** A SQL data type in the canonical model, with the constraints the type states (`varchar(20)` → maxLength 20). */
export type SqlColumnType = { type: FieldType; constraints: FieldConstraints };

const noHints: SqlHints = { take: () => [], unclaimed: () => [] };

/**
 * Maps one SQL data type (`INT64`, `varchar(20)`, `numeric(10,2)`, `ARRAY<STRUCT<a INT64>>`,
 * `text[]`) to the canonical model. The dialect decides what `integer` means (Postgres: int,
 * BigQuery: INT64); without one it is read from the text, Postgres by default. Struct members get
 * paths under `path`. Throws `SqlInputError` when the text is not a data type.
 */
export function mapSqlType(typeText: string, options: { dialect?: SqlDialect; path?: string[] } = {}): SqlColumnType {
  const dialect = options.dialect ?? detectSqlDialect(typeText);
  const cursor = new SqlCursor(tokenizeSql(typeText, dialect).tokens, dialect);
  const syntax = parseSqlType(cursor, noHints, '');
  if (!cursor.atEnd()) cursor.fail('the end of the data type');
  const converted = convertSqlType(syntax, { dialect, path: options.path ?? [] });
  return { type: converted.type, constraints: converted.constraints };
}
