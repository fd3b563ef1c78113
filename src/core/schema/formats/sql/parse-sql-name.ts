import type { SqlCursor } from './sql-cursor.js';

/** A possibly qualified object name (`analytics.users`, `` `acme-prod.crm.users` ``) and the line it starts on. */
export type SqlName = { parts: string[]; line: number };

/** Postgres folds unquoted identifiers to lower case; BigQuery keeps them as written. */
export function foldIdentifier(value: string, dialect: SqlCursor['dialect']): string {
  return dialect === 'postgres' ? value.replace(/[A-Z]+/g, (letters) => letters.toLowerCase()) : value;
}

/** One identifier: a bare word (folded by the dialect) or a quoted name (kept exactly). */
export function parseIdentifier(cursor: SqlCursor, context: string): string {
  const token = cursor.peek();
  if (token.kind === 'word') {
    cursor.next();
    return foldIdentifier(token.value, cursor.dialect);
  }
  if (token.kind === 'quoted') {
    cursor.next();
    return token.value;
  }
  return cursor.fail('a name', context);
}

/** BigQuery accepts an unquoted project id with dashes (`acme-prod.crm.users`): glue adjacent `-word` pieces. */
function continueDashedName(cursor: SqlCursor, first: string): string {
  let name = first;
  while (cursor.atSymbol('-') && cursor.peek().start === cursor.previous()?.end) {
    const piece = cursor.peek(1);
    if ((piece.kind !== 'word' && piece.kind !== 'number') || piece.start !== cursor.peek().end) break;
    cursor.next();
    cursor.next();
    name += `-${piece.text}`;
  }
  return name;
}

/** A dotted name; a BigQuery backtick name holding dots (`` `a.b.c` ``) counts as its parts. */
export function parseQualifiedName(cursor: SqlCursor, context: string): SqlName {
  const line = cursor.lineHere();
  const parts: string[] = [];
  do {
    const token = cursor.peek();
    if (token.kind === 'quoted' && cursor.dialect === 'bigquery') {
      cursor.next();
      parts.push(...token.value.split('.'));
    } else if (token.kind === 'word' && cursor.dialect === 'bigquery') {
      parts.push(continueDashedName(cursor, parseIdentifier(cursor, context)));
    } else {
      parts.push(parseIdentifier(cursor, context));
    }
  } while (cursor.acceptSymbol('.'));
  return { parts, line };
}

/** `a, b, c` inside parentheses, as `PRIMARY KEY (a, b)` and `REFERENCES t (a)` write them. */
export function parseIdentifierList(cursor: SqlCursor, context: string): string[] {
  cursor.expectSymbol('(', context);
  const names = [parseIdentifier(cursor, context)];
  while (cursor.acceptSymbol(',')) names.push(parseIdentifier(cursor, context));
  cursor.expectSymbol(')', `after the column names ${context}`);
  return names;
}
