import type { SqlCursor } from './sql-cursor.js';
import type { SqlHints } from './sql-hints.js';
import type { SqlStructFieldSyntax, SqlTypeSyntax } from './sql-type-syntax.js';
import { parseIdentifier, parseQualifiedName } from './parse-sql-name.js';
import { parseSqlOptions } from './read-sql-expression.js';

const intervalFields = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'TO'];

/** `(20)`, `(10, 2)`, `(Point, 4326)` after a type name, as written. */
function parseTypeArgs(cursor: SqlCursor, context: string): string[] {
  if (!cursor.acceptSymbol('(')) return [];
  const args: string[] = [];
  do {
    const negative = cursor.acceptSymbol('-');
    const token = cursor.peek();
    if (token.kind !== 'number' && token.kind !== 'word' && token.kind !== 'string') cursor.fail('a type parameter', context);
    cursor.next();
    args.push(`${negative ? '-' : ''}${token.kind === 'string' ? token.text : token.value}`);
  } while (cursor.acceptSymbol(','));
  cursor.expectSymbol(')', `after the type parameters ${context}`);
  return args;
}

function atAngleOpen(cursor: SqlCursor): boolean {
  return cursor.peek().kind === 'word' && cursor.atSymbol('<', 1);
}

/** Built-in type names of one or more words: `double precision`, `timestamp(3) with time zone`. */
function parseBuiltInName(cursor: SqlCursor, context: string): SqlTypeSyntax {
  const first = cursor.next().value.toLowerCase();
  let name = first;
  let args: string[] = [];
  if (first === 'double' && cursor.acceptWords('PRECISION')) name = 'double precision';
  if (first === 'national' && (cursor.acceptWords('CHARACTER') || cursor.acceptWords('CHAR'))) name = 'national character';
  if ((name === 'character' || name === 'char' || name === 'national character' || name === 'bit') && cursor.acceptWords('VARYING')) name += ' varying';
  if (first === 'timestamp' || first === 'time') {
    args = parseTypeArgs(cursor, context);
    if (cursor.acceptWords('WITH', 'TIME', 'ZONE')) name += ' with time zone';
    else if (cursor.acceptWords('WITHOUT', 'TIME', 'ZONE')) name += ' without time zone';
    return { form: 'named', name, args, userDefined: false };
  }
  if (first === 'interval') {
    while (intervalFields.some((field) => cursor.atWord(field))) name += ` ${cursor.next().value.toLowerCase()}`;
  }
  args = parseTypeArgs(cursor, context);
  return { form: 'named', name, args, userDefined: false };
}

function parseStructField(cursor: SqlCursor, hints: SqlHints, context: string): SqlStructFieldSyntax {
  const line = cursor.lineHere();
  const renamedFrom = hints.take(line, { sameLine: true });
  const name = parseIdentifier(cursor, `for a STRUCT field ${context}`);
  const type = parseSqlType(cursor, hints, `for STRUCT field ${name}`);
  const field: SqlStructFieldSyntax = { name, type, notNull: false, renamedFrom, line };
  for (;;) {
    if (cursor.acceptWords('NOT', 'NULL')) field.notNull = true;
    else if (cursor.atWord('OPTIONS') && cursor.atSymbol('(', 1)) {
      const description = parseSqlOptions(cursor, `for STRUCT field ${name}`).get('description');
      if (description !== undefined) field.description = description;
    } else if (cursor.acceptWords('COLLATE')) cursor.next();
    else return field;
  }
}

function parseBaseType(cursor: SqlCursor, hints: SqlHints, context: string): SqlTypeSyntax {
  const token = cursor.peek();
  const upper = token.kind === 'word' ? token.value.toUpperCase() : '';
  if (atAngleOpen(cursor)) {
    cursor.next();
    cursor.next();
    if (upper === 'ARRAY') {
      const of = parseSqlType(cursor, hints, context);
      cursor.expectAngleClose(`to close ARRAY<…> ${context}`);
      return { form: 'array', of };
    }
    if (upper === 'STRUCT' || upper === 'RECORD') {
      const fields: SqlStructFieldSyntax[] = [];
      if (!cursor.peek().text.startsWith('>')) {
        do fields.push(parseStructField(cursor, hints, context));
        while (cursor.acceptSymbol(','));
      }
      cursor.expectAngleClose(`to close STRUCT<…> ${context}`);
      return { form: 'struct', fields };
    }
    const of = [parseSqlType(cursor, hints, context)];
    while (cursor.acceptSymbol(',')) of.push(parseSqlType(cursor, hints, context));
    cursor.expectAngleClose(`to close ${upper}<…> ${context}`);
    return { form: 'generic', name: upper, of };
  }
  if (token.kind === 'quoted' || (token.kind === 'word' && cursor.atSymbol('.', 1))) {
    const name = parseQualifiedName(cursor, context).parts.join('.');
    return { form: 'named', name, args: parseTypeArgs(cursor, context), userDefined: true };
  }
  if (token.kind !== 'word') cursor.fail('a data type', context);
  return parseBuiltInName(cursor, context);
}

/**
 * A column's data type in either dialect: built-in names of several words, parameters,
 * Postgres `text[]` / `integer ARRAY`, BigQuery `ARRAY<…>`, `STRUCT<name type, …>`, `RANGE<DATE>`,
 * and names of types the file defines. Struct members claim rename hints like columns do.
 */
export function parseSqlType(cursor: SqlCursor, hints: SqlHints, context: string): SqlTypeSyntax {
  let type = parseBaseType(cursor, hints, context);
  let isArray = false;
  for (;;) {
    if (cursor.acceptSymbol('[')) {
      if (cursor.peek().kind === 'number') cursor.next();
      cursor.expectSymbol(']', `in the array type ${context}`);
      isArray = true;
    } else if (cursor.dialect === 'postgres' && cursor.atWord('ARRAY') && !cursor.atSymbol('<', 1)) {
      cursor.next();
      isArray = true;
    } else {
      break;
    }
  }
  // Postgres does not enforce dimensions: `int[][]` is the same type as `int[]`.
  if (isArray) type = { form: 'array', of: type };
  return type;
}
