import type { SchemaReader } from '../schema-reader.js';
import { SchemaError } from '../../schema-error.js';
import { SqlInputError } from './sql-input-error.js';
import { SqlCursor } from './sql-cursor.js';
import { tokenizeSqlInItsDialect } from './detect-sql-dialect.js';
import { collectRenameHints } from './sql-hints.js';
import { parseSqlStatements } from './parse-sql-statements.js';
import { applySqlStatements } from './apply-sql-statements.js';
import { buildSqlDatasets } from './build-sql-datasets.js';

/**
 * SQL DDL (BigQuery and Postgres): the tables a file leaves defined once its statements run in
 * order (CREATE TABLE, ALTER TABLE, COMMENT ON, enums and domains), one dataset per table.
 */
export const sqlReader: SchemaReader = {
  format: 'sql',
  extensions: ['.sql', '.ddl'],
  read(source) {
    try {
      const { dialect, source: tokens } = tokenizeSqlInItsDialect(source.text);
      const hints = collectRenameHints(tokens, dialect);
      const statements = parseSqlStatements(new SqlCursor(tokens.tokens, dialect), hints);
      const [stray] = hints.unclaimed();
      if (stray !== undefined) {
        throw new SqlInputError('invalid-schema', 'the downstream:renamed-from hint is not followed by a column or table definition', stray);
      }
      return { format: 'sql', source: source.path, datasets: buildSqlDatasets(applySqlStatements(statements, dialect)) };
    } catch (error) {
      if (error instanceof SqlInputError) throw new SchemaError(error.code, source.path, error.message, { line: error.line, format: 'sql' });
      throw error;
    }
  },
};
