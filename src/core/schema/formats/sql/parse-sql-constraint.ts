import type { SqlCursor } from './sql-cursor.js';
import type { SqlConstraintDef } from './sql-ast.js';
import { parseIdentifier, parseIdentifierList, parseQualifiedName } from './parse-sql-name.js';
import { readParenthesized } from './read-sql-expression.js';

const referentialActions: string[][] = [['NO', 'ACTION'], ['RESTRICT'], ['CASCADE'], ['SET', 'NULL'], ['SET', 'DEFAULT']];

function skipReferentialAction(cursor: SqlCursor): void {
  for (const action of referentialActions) {
    if (!cursor.acceptWords(...action)) continue;
    // Postgres 15: `ON DELETE SET NULL (col)`.
    if (action[0] === 'SET' && cursor.atSymbol('(')) readParenthesized(cursor, 'after the referential action');
    return;
  }
  cursor.fail('a referential action (NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT)', 'after ON DELETE/ON UPDATE');
}

/**
 * Skips what may follow a key or check and does not change the schema: deferrability,
 * enforcement, MATCH, ON DELETE/UPDATE, index parameters (INCLUDE, WITH, USING INDEX TABLESPACE).
 */
export function skipConstraintOptions(cursor: SqlCursor): void {
  for (;;) {
    if (cursor.acceptWords('DEFERRABLE') || cursor.acceptWords('NOT', 'DEFERRABLE')) continue;
    if (cursor.acceptWords('NOT', 'ENFORCED') || cursor.acceptWords('ENFORCED')) continue;
    if (cursor.acceptWords('NOT', 'VALID') || cursor.acceptWords('NO', 'INHERIT')) continue;
    if (cursor.acceptWords('INITIALLY')) {
      if (!cursor.acceptWords('DEFERRED') && !cursor.acceptWords('IMMEDIATE')) cursor.fail('DEFERRED or IMMEDIATE', 'after INITIALLY');
      continue;
    }
    if (cursor.acceptWords('MATCH')) {
      cursor.next();
      continue;
    }
    if (cursor.acceptWords('ON', 'DELETE') || cursor.acceptWords('ON', 'UPDATE')) {
      skipReferentialAction(cursor);
      continue;
    }
    if (cursor.acceptWords('NULLS', 'NOT', 'DISTINCT') || cursor.acceptWords('NULLS', 'DISTINCT')) continue;
    if ((cursor.atWord('INCLUDE') || cursor.atWord('WITH')) && cursor.atSymbol('(', 1)) {
      cursor.next();
      readParenthesized(cursor, 'in the index parameters');
      continue;
    }
    if (cursor.acceptWords('USING', 'INDEX', 'TABLESPACE')) {
      parseIdentifier(cursor, 'after USING INDEX TABLESPACE');
      continue;
    }
    return;
  }
}

/** After `REFERENCES`: the table and, when given, its columns. */
export function parseReferences(cursor: SqlCursor, context: string): NonNullable<SqlConstraintDef['references']> {
  const table = parseQualifiedName(cursor, `after REFERENCES ${context}`).parts.join('.');
  const columns = cursor.atSymbol('(') ? parseIdentifierList(cursor, `after REFERENCES ${table}`) : [];
  return { table, columns };
}

/** Whether a table element starting here is a constraint rather than a column. */
export function atTableConstraint(cursor: SqlCursor): boolean {
  return ['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN', 'EXCLUDE'].some((word) => cursor.atWord(word));
}

function skipExclude(cursor: SqlCursor): void {
  let depth = 0;
  while (!cursor.atEnd() && !cursor.atSymbol(';') && (depth > 0 || (!cursor.atSymbol(',') && !cursor.atSymbol(')')))) {
    if (cursor.atSymbol('(')) depth += 1;
    if (cursor.atSymbol(')')) depth -= 1;
    cursor.next();
  }
}

/**
 * A table constraint: `[CONSTRAINT name] PRIMARY KEY (…) | UNIQUE (…) | CHECK (…) |
 * FOREIGN KEY (…) REFERENCES t (…)`. EXCLUDE constraints are read past: they state nothing the
 * model holds.
 */
export function parseTableConstraint(cursor: SqlCursor, context: string): SqlConstraintDef | undefined {
  const line = cursor.lineHere();
  const name = cursor.acceptWords('CONSTRAINT') ? parseIdentifier(cursor, `after CONSTRAINT ${context}`) : undefined;
  const named = (constraint: SqlConstraintDef): SqlConstraintDef => {
    skipConstraintOptions(cursor);
    return name === undefined ? constraint : { ...constraint, name };
  };
  if (cursor.acceptWords('PRIMARY', 'KEY')) return named({ kind: 'primaryKey', columns: parseIdentifierList(cursor, `after PRIMARY KEY ${context}`), line });
  if (cursor.acceptWords('UNIQUE')) {
    if (!cursor.acceptWords('NULLS', 'NOT', 'DISTINCT')) cursor.acceptWords('NULLS', 'DISTINCT');
    return named({ kind: 'unique', columns: parseIdentifierList(cursor, `after UNIQUE ${context}`), line });
  }
  if (cursor.acceptWords('CHECK')) return named({ kind: 'check', columns: [], check: readParenthesized(cursor, `after CHECK ${context}`), line });
  if (cursor.acceptWords('FOREIGN', 'KEY')) {
    const columns = parseIdentifierList(cursor, `after FOREIGN KEY ${context}`);
    cursor.expectWords(`after FOREIGN KEY (${columns.join(', ')})`, 'REFERENCES');
    return named({ kind: 'foreignKey', columns, references: parseReferences(cursor, context), line });
  }
  if (cursor.acceptWords('EXCLUDE')) {
    skipExclude(cursor);
    return undefined;
  }
  return cursor.fail('PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY', name === undefined ? context : `after CONSTRAINT ${name}`);
}
