import type { SqlCursor } from './sql-cursor.js';
import type { SqlHints } from './sql-hints.js';
import type { SqlColumnDef } from './sql-ast.js';
import { parseIdentifier, parseQualifiedName } from './parse-sql-name.js';
import { parseSqlType } from './parse-sql-type.js';
import { parseSqlOptions, readParenthesized, readSqlExpression } from './read-sql-expression.js';
import { parseReferences, skipConstraintOptions } from './parse-sql-constraint.js';

const constraintWords = ['NULL', 'CHECK', 'UNIQUE', 'PRIMARY', 'REFERENCES', 'CONSTRAINT', 'COLLATE', 'GENERATED', 'OPTIONS', 'DEFAULT', 'DEFERRABLE', 'INITIALLY'];

/** Where a `DEFAULT` expression ends: at the next column constraint. */
export function atColumnConstraint(cursor: SqlCursor): boolean {
  if (cursor.atWord('NOT')) return ['NULL', 'DEFERRABLE', 'ENFORCED'].some((word) => cursor.atWord(word, 1));
  return constraintWords.some((word) => cursor.atWord(word));
}

/** `GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY [(…)]` or `GENERATED ALWAYS AS (expr) [STORED]`, after GENERATED. */
function parseGenerated(cursor: SqlCursor, column: SqlColumnDef): void {
  if (!cursor.acceptWords('ALWAYS') && !cursor.acceptWords('BY', 'DEFAULT')) cursor.fail('ALWAYS or BY DEFAULT', `after GENERATED for column ${column.name}`);
  cursor.expectWords(`after GENERATED for column ${column.name}`, 'AS');
  column.hasDefault = true;
  if (cursor.acceptWords('IDENTITY')) {
    // An identity column is implicitly NOT NULL.
    column.notNull = true;
    if (cursor.atSymbol('(')) readParenthesized(cursor, 'after IDENTITY');
    return;
  }
  readParenthesized(cursor, `after GENERATED … AS for column ${column.name}`);
  if (!cursor.acceptWords('STORED')) cursor.acceptWords('VIRTUAL');
}

/** One column constraint or clause; false when none starts here. */
function parseColumnClause(cursor: SqlCursor, column: SqlColumnDef): boolean {
  const line = cursor.lineHere();
  const context = `for column ${column.name}`;
  const name = cursor.acceptWords('CONSTRAINT') ? parseIdentifier(cursor, `after CONSTRAINT ${context}`) : undefined;
  const withName = name === undefined ? {} : { name };
  if (cursor.acceptWords('NOT', 'NULL')) column.notNull = true;
  else if (cursor.acceptWords('NULL')) column.notNull = false;
  else if (cursor.acceptWords('DEFAULT')) {
    readSqlExpression(cursor, `after DEFAULT ${context}`, atColumnConstraint);
    column.hasDefault = true;
  } else if (cursor.acceptWords('CHECK')) {
    column.constraints.push({ kind: 'check', columns: [column.name], check: readParenthesized(cursor, `after CHECK ${context}`), line, ...withName });
  } else if (cursor.acceptWords('UNIQUE')) {
    column.constraints.push({ kind: 'unique', columns: [column.name], line, ...withName });
  } else if (cursor.acceptWords('PRIMARY', 'KEY')) {
    column.constraints.push({ kind: 'primaryKey', columns: [column.name], line, ...withName });
    column.notNull = true;
  } else if (cursor.acceptWords('REFERENCES')) {
    column.constraints.push({ kind: 'foreignKey', columns: [column.name], references: parseReferences(cursor, context), line, ...withName });
  } else if (cursor.acceptWords('GENERATED')) {
    parseGenerated(cursor, column);
  } else if (cursor.atWord('OPTIONS') && cursor.atSymbol('(', 1)) {
    const options = parseSqlOptions(cursor, context);
    if (options.has('description')) {
      const description = options.get('description');
      if (description === undefined) delete column.description;
      else column.description = description;
    }
  } else if (cursor.acceptWords('COLLATE')) {
    if (cursor.peek().kind === 'string') cursor.next();
    else parseQualifiedName(cursor, `after COLLATE ${context}`);
  } else if (cursor.acceptWords('COMPRESSION') || cursor.acceptWords('STORAGE')) {
    cursor.next();
  } else if (name !== undefined) {
    cursor.fail('NOT NULL, NULL, CHECK, UNIQUE, PRIMARY KEY, REFERENCES or DEFAULT', `after CONSTRAINT ${name}`);
  } else {
    const before = cursor.position;
    skipConstraintOptions(cursor);
    return cursor.position !== before;
  }
  skipConstraintOptions(cursor);
  return true;
}

/**
 * `name type [constraints…]` in either dialect. The column claims the rename hints written on the
 * lines above it and a trailing one on its own first line.
 */
export function parseColumnDefinition(cursor: SqlCursor, hints: SqlHints, context: string): SqlColumnDef {
  const line = cursor.lineHere();
  const renamedFrom = hints.take(line, { sameLine: true });
  const name = parseIdentifier(cursor, `for a column ${context}`);
  const type = parseSqlType(cursor, hints, `for column ${name}`);
  const column: SqlColumnDef = { name, type, notNull: false, hasDefault: false, renamedFrom, constraints: [], line };
  while (parseColumnClause(cursor, column));
  return column;
}
