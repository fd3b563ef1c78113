import { describe, expect, it } from 'vitest';
import type { SqlDialect } from './sql-token.js';
import { SqlInputError } from './sql-input-error.js';
import { tokenizeSql } from './tokenize-sql.js';

function tokens(text: string, dialect: SqlDialect): Array<[string, string]> {
  return tokenizeSql(text, dialect).tokens.filter((token) => token.kind !== 'eof').map((token) => [token.kind, token.value]);
}

describe('tokenizeSql', () => {
  it.each<[string, string, SqlDialect, Array<[string, string]>]>([
    ['postgres doubles quotes inside strings', "'it''s'", 'postgres', [['string', "it's"]]],
    ["E'…' strings take backslash escapes", "E'a\\nb'", 'postgres', [['string', 'a\nb']]],
    ['"quoted" identifiers keep their case and doubled quotes', '"Say ""hi"""', 'postgres', [['quoted', 'Say "hi"']]],
    ['dollar quoting hides semicolons and quotes', "AS $$ BEGIN; RETURN 'x'; END $$;", 'postgres', [['word', 'AS'], ['string', " BEGIN; RETURN 'x'; END "], ['symbol', ';']]],
    ['tagged dollar quoting holds other dollar quotes', '$fn$ $$ inner $$ $fn$', 'postgres', [['string', ' $$ inner $$ ']]],
    ['positional parameters are not dollar quotes', '$1', 'postgres', [['symbol', '$1']]],
    ['bigquery backslash escapes', "'it\\'s'", 'bigquery', [['string', "it's"]]],
    ['bigquery double-quoted strings', '"Primary key"', 'bigquery', [['string', 'Primary key']]],
    ['bigquery triple-quoted strings span lines', "'''a\n'b'\n'''", 'bigquery', [['string', "a\n'b'\n"]]],
    ['bigquery raw strings keep backslashes', "r'a\\d+'", 'bigquery', [['string', 'a\\d+']]],
    ['bigquery backtick names keep dots and dashes', '`acme-prod.crm.users`', 'bigquery', [['quoted', 'acme-prod.crm.users']]],
    ['an operator run ending in minus leaves the minus', 'a>-1', 'postgres', [['word', 'a'], ['symbol', '>'], ['symbol', '-'], ['number', '1']]],
    ['casts and comparisons', 'x::int>=1.5e3', 'postgres', [['word', 'x'], ['symbol', '::'], ['word', 'int'], ['symbol', '>='], ['number', '1.5e3']]],
    ['a closing >> stays one token for the parser to split', 'ARRAY<STRUCT<a INT64>>', 'bigquery', [['word', 'ARRAY'], ['symbol', '<'], ['word', 'STRUCT'], ['symbol', '<'], ['word', 'a'], ['word', 'INT64'], ['symbol', '>>']]],
  ])('%s', (_name, text, dialect, expected) => {
    expect(tokens(text, dialect)).toEqual(expected);
  });

  it.each<[string, SqlDialect, string[]]>([
    ['-- line comment\nx', 'postgres', ['-- line comment']],
    ['/* outer /* nested */ still comment */ x', 'postgres', ['/* outer /* nested */ still comment */']],
    ['# hash comment\nx', 'bigquery', ['# hash comment']],
    ["x -- it's not a string\n", 'postgres', ["-- it's not a string"]],
  ])('keeps comments apart from tokens: %j', (text, dialect, comments) => {
    const result = tokenizeSql(text, dialect);
    expect(result.comments.map((comment) => comment.text)).toEqual(comments);
    expect(result.tokens.filter((token) => token.kind !== 'eof').map((token) => token.value)).toEqual(['x']);
  });

  it('skips psql meta-commands such as the \\restrict lines of pg_dump', () => {
    expect(tokens('\\restrict abc123\nSET x = 1;', 'postgres')).toEqual([['word', 'SET'], ['word', 'x'], ['symbol', '='], ['number', '1'], ['symbol', ';']]);
  });

  it('numbers lines from 1, counting lines inside multi-line tokens', () => {
    const result = tokenizeSql("a\n'two\nlines'\nb", 'postgres');
    expect(result.tokens.map((token) => [token.value, token.line, token.endLine])).toEqual([['a', 1, 1], ['two\nlines', 2, 3], ['b', 4, 4], ['', 4, 4]]);
  });

  it.each<[string, SqlDialect, string, number]>([
    ["x\n'never closed", 'postgres', 'unterminated string', 2],
    ['x\n\n/* open', 'postgres', 'unterminated block comment', 3],
    ['$$ body', 'postgres', 'unterminated dollar-quoted string', 1],
    ['`name', 'bigquery', 'unterminated quoted identifier', 1],
    ['a \\ b', 'bigquery', 'unexpected character "\\\\"', 1],
  ])('refuses %j with the line where it starts', (text, dialect, message, line) => {
    let thrown: unknown;
    try {
      tokenizeSql(text, dialect);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SqlInputError);
    expect(thrown).toMatchObject({ code: 'invalid-syntax', message, line });
  });
});
