import { describe, expect, it } from 'vitest';
import { tokenizeSql } from './tokenize-sql.js';
import type { SqlDialect } from './sql-types.js';

function kinds(text: string, dialect: SqlDialect, holes: { start: number; end: number; kind?: 'trivia' }[] = []): string[] {
  const result = tokenizeSql(text, dialect, holes);
  if (!result.ok) throw new Error(result.problem);
  return result.tokens.map((token) => `${token.kind}:${token.text}`);
}

describe('tokenizeSql', () => {
  it.each([
    ['Postgres quotes, strings, casts and parameters', 'postgres', `SELECT "a""b", E'x\\'y', $tag$ it's $tag$, a::int FROM t WHERE b = $1`, ['word:SELECT', 'quoted:"a""b"', 'punct:,', "string:E'x\\'y'", 'punct:,', "string:$tag$ it's $tag$", 'punct:,', 'word:a', 'operator:::', 'word:int', 'word:FROM', 'word:t', 'word:WHERE', 'word:b', 'operator:=', 'param:$1']],
    ['Postgres nested block comments and line comments', 'postgres', 'SELECT /* a /* b */ c */ 1 -- x\n, 2', ['word:SELECT', 'number:1', 'punct:,', 'number:2']],
    ['BigQuery backticks, double-quoted strings, # comments', 'bigquery', 'SELECT `p-1.d.t`.x, "s" # c\nFROM t WHERE a = @p', ['word:SELECT', 'quoted:`p-1.d.t`', 'punct:.', 'word:x', 'punct:,', 'string:"s"', 'word:FROM', 'word:t', 'word:WHERE', 'word:a', 'operator:=', 'param:@p']],
    ['BigQuery triple-quoted and prefixed strings', 'bigquery', `SELECT '''a'b''', r"\\d", b'x'`, ['word:SELECT', "string:'''a'b'''", 'punct:,', 'string:r"\\d"', 'punct:,', "string:b'x'"]],
    ['MySQL backslash escapes and ? parameters', 'mysql', `SELECT 'it\\'s' FROM t WHERE a = ? AND b = ??`, ['word:SELECT', "string:'it\\'s'", 'word:FROM', 'word:t', 'word:WHERE', 'word:a', 'operator:=', 'param:?', 'word:AND', 'word:b', 'operator:=', 'param:??']],
    ['JSON operators', 'postgres', "SELECT data->>'k', data #> '{a}' FROM t", ['word:SELECT', 'word:data', 'operator:->>', "string:'k'", 'punct:,', 'word:data', 'operator:#>', "string:'{a}'", 'word:FROM', 'word:t']],
  ] as const)('%s', (_name, dialect, text, expected) => {
    expect(kinds(text, dialect)).toEqual(expected);
  });

  it('keeps a hole opaque, also inside a string, and turns a quoted name with a hole into one', () => {
    const text = "SELECT ${a}, '%${b}%', \"${c}\" FROM t";
    const holes = [...text.matchAll(/\$\{.\}/g)].map((match) => ({ start: match.index, end: match.index + 4 }));
    expect(kinds(text, 'postgres', holes)).toEqual(['word:SELECT', 'hole:${a}', 'punct:,', "string:'%${b}%'", 'punct:,', 'hole:"${c}"', 'word:FROM', 'word:t']);
  });

  it('skips trivia holes and marks the token after them', () => {
    const text = 'SELECT a {% if x %} b {% endif %}';
    const result = tokenizeSql(text, 'postgres', [{ start: 9, end: 19, kind: 'trivia' }, { start: 22, end: 33, kind: 'trivia' }]);
    expect(result.ok && result.tokens.map((token) => [token.text, token.triviaBefore])).toEqual([['SELECT', false], ['a', false], ['b', true]]);
  });

  it.each([
    ["SELECT 'open", 'unterminated string literal'],
    ['SELECT /* open', 'unterminated /* comment'],
    ['SELECT "open', 'unterminated "quoted identifier'],
    ['SELECT $$ open', 'unterminated dollar-quoted string'],
  ])('refuses %s', (text, problem) => {
    expect(tokenizeSql(text, 'postgres')).toMatchObject({ ok: false, problem });
  });
});
