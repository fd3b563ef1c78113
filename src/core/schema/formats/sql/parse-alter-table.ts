import type { SqlCursor } from './sql-cursor.js';
import type { SqlHints } from './sql-hints.js';
import type { SqlAlterAction, SqlColumnChange, SqlStatement } from './sql-ast.js';
import { parseIdentifier, parseQualifiedName } from './parse-sql-name.js';
import { parseColumnDefinition, atColumnConstraint } from './parse-sql-column.js';
import { atTableConstraint, parseTableConstraint } from './parse-sql-constraint.js';
import { parseSqlType } from './parse-sql-type.js';
import { parseSqlOptions, readSqlExpression } from './read-sql-expression.js';

/** Reads past an action that changes nothing the model holds (OWNER TO, SET STATISTICS, …). */
function skipAction(cursor: SqlCursor): void {
  let depth = 0;
  while (!cursor.atEnd() && !cursor.atSymbol(';') && (depth > 0 || !cursor.atSymbol(','))) {
    if (cursor.atSymbol('(')) depth += 1;
    if (cursor.atSymbol(')')) depth -= 1;
    cursor.next();
  }
}

function parseAlterColumn(cursor: SqlCursor, hints: SqlHints): SqlAlterAction | undefined {
  const line = cursor.lineHere();
  const name = parseIdentifier(cursor, 'after ALTER COLUMN');
  const context = `for column ${name}`;
  const change = ((): SqlColumnChange | undefined => {
    if (cursor.acceptWords('SET', 'DATA', 'TYPE') || cursor.acceptWords('TYPE')) {
      const type = parseSqlType(cursor, hints, context);
      if (cursor.acceptWords('COLLATE')) cursor.next();
      if (cursor.acceptWords('USING')) readSqlExpression(cursor, `after USING ${context}`);
      return { kind: 'type', type };
    }
    if (cursor.acceptWords('SET', 'NOT', 'NULL')) return { kind: 'not-null', notNull: true };
    if (cursor.acceptWords('DROP', 'NOT', 'NULL')) return { kind: 'not-null', notNull: false };
    if (cursor.acceptWords('SET', 'DEFAULT')) {
      readSqlExpression(cursor, `after SET DEFAULT ${context}`, atColumnConstraint);
      return { kind: 'default', hasDefault: true };
    }
    if (cursor.acceptWords('DROP', 'DEFAULT')) return { kind: 'default', hasDefault: false };
    if (cursor.atWords('SET', 'OPTIONS')) {
      cursor.next();
      const options = parseSqlOptions(cursor, context);
      return options.has('description') ? { kind: 'description', description: options.get('description') } : undefined;
    }
    if (cursor.atWords('ADD', 'GENERATED')) {
      skipAction(cursor);
      return { kind: 'default', hasDefault: true };
    }
    if (cursor.acceptWords('DROP', 'IDENTITY')) {
      cursor.acceptWords('IF', 'EXISTS');
      return { kind: 'default', hasDefault: false };
    }
    if (cursor.atWord('SET') || cursor.atWord('RESET') || cursor.atWord('DROP') || cursor.atWord('RESTART')) {
      skipAction(cursor);
      return undefined;
    }
    return cursor.fail('TYPE, SET/DROP NOT NULL, SET/DROP DEFAULT or SET OPTIONS', `after ALTER COLUMN ${name}`);
  })();
  return change === undefined ? undefined : { kind: 'alter-column', name, change, line };
}

function parseAdd(cursor: SqlCursor, hints: SqlHints, display: string): SqlAlterAction | undefined {
  const column = cursor.acceptWords('COLUMN');
  if (!column && atTableConstraint(cursor)) {
    const constraint = parseTableConstraint(cursor, `in ALTER TABLE ${display}`);
    return constraint === undefined ? undefined : { kind: 'add-constraint', constraint };
  }
  const ifNotExists = cursor.acceptWords('IF', 'NOT', 'EXISTS');
  return { kind: 'add-column', column: parseColumnDefinition(cursor, hints, `in ALTER TABLE ${display}`), ifNotExists };
}

function parseDrop(cursor: SqlCursor): SqlAlterAction {
  const line = cursor.lineHere();
  if (cursor.acceptWords('CONSTRAINT')) {
    const ifExists = cursor.acceptWords('IF', 'EXISTS');
    const action: SqlAlterAction = { kind: 'drop-constraint', name: parseIdentifier(cursor, 'after DROP CONSTRAINT'), ifExists, line };
    if (!cursor.acceptWords('CASCADE')) cursor.acceptWords('RESTRICT');
    return action;
  }
  if (cursor.acceptWords('PRIMARY', 'KEY')) return { kind: 'drop-primary-key', ifExists: cursor.acceptWords('IF', 'EXISTS'), line };
  cursor.acceptWords('COLUMN');
  const ifExists = cursor.acceptWords('IF', 'EXISTS');
  const action: SqlAlterAction = { kind: 'drop-column', name: parseIdentifier(cursor, 'after DROP COLUMN'), ifExists, line };
  if (!cursor.acceptWords('CASCADE')) cursor.acceptWords('RESTRICT');
  return action;
}

function parseRename(cursor: SqlCursor): SqlAlterAction {
  const line = cursor.lineHere();
  if (cursor.acceptWords('TO')) return { kind: 'rename-table', to: parseQualifiedName(cursor, 'after RENAME TO') };
  if (cursor.acceptWords('CONSTRAINT')) {
    const from = parseIdentifier(cursor, 'after RENAME CONSTRAINT');
    cursor.expectWords(`after RENAME CONSTRAINT ${from}`, 'TO');
    return { kind: 'rename-constraint', from, to: parseIdentifier(cursor, `after RENAME CONSTRAINT ${from} TO`) };
  }
  cursor.acceptWords('COLUMN');
  cursor.acceptWords('IF', 'EXISTS');
  const from = parseIdentifier(cursor, 'after RENAME COLUMN');
  cursor.expectWords(`after RENAME COLUMN ${from}`, 'TO');
  return { kind: 'rename-column', from, to: parseIdentifier(cursor, `after RENAME COLUMN ${from} TO`), line };
}

function parseAction(cursor: SqlCursor, hints: SqlHints, display: string): SqlAlterAction | undefined {
  if (cursor.acceptWords('ADD')) return parseAdd(cursor, hints, display);
  if (cursor.acceptWords('DROP')) return parseDrop(cursor);
  if (cursor.acceptWords('RENAME')) return parseRename(cursor);
  if (cursor.acceptWords('ALTER')) {
    if (cursor.atWord('CONSTRAINT')) {
      skipAction(cursor);
      return undefined;
    }
    cursor.acceptWords('COLUMN');
    cursor.acceptWords('IF', 'EXISTS');
    return parseAlterColumn(cursor, hints);
  }
  if (cursor.acceptWords('SET', 'SCHEMA')) return { kind: 'set-schema', schema: parseIdentifier(cursor, 'after SET SCHEMA') };
  if (cursor.atWords('SET', 'OPTIONS')) {
    cursor.next();
    const options = parseSqlOptions(cursor, `for table ${display}`);
    return options.has('description') ? { kind: 'set-description', description: options.get('description') } : undefined;
  }
  skipAction(cursor);
  return undefined;
}

/** `ALTER TABLE [IF EXISTS] [ONLY] name action, …`, after ALTER TABLE. */
export function parseAlterTable(cursor: SqlCursor, hints: SqlHints): SqlStatement {
  const ifExists = cursor.acceptWords('IF', 'EXISTS');
  cursor.acceptWords('ONLY');
  const name = parseQualifiedName(cursor, 'after ALTER TABLE');
  cursor.acceptSymbol('*');
  const display = name.parts.join('.');
  const actions: SqlAlterAction[] = [];
  do {
    const action = parseAction(cursor, hints, display);
    if (action !== undefined) actions.push(action);
  } while (cursor.acceptSymbol(','));
  if (!cursor.atEnd() && !cursor.atSymbol(';')) cursor.fail('";"', `after ALTER TABLE ${display}`);
  return { kind: 'alter-table', name, ifExists, actions };
}
