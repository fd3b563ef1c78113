import { describe, expect, it } from 'vitest';
import { cookLiteral, escapeForLiteral } from './cook-literal.js';
import { createSqlTextBuilder, mapSqlEdit, mapSqlOffset } from './sql-text.js';

describe('cookLiteral', () => {
  it.each([
    ['plain text maps one to one', 'ab', false, 'ab', [true, true]],
    ['an escaped quote is one unplain character', "a\\'b", false, "a'b", [true, false, true]],
    ['\\n, \\x41 and \\u{1F600} are escapes', '\\n\\x41\\u{1F600}', false, '\nA\u{1F600}', [false, false, false, false]],
    ['a line continuation disappears', 'a\\\nb', false, 'ab', [true, true]],
    ['a template turns CR LF into LF', 'a\r\nb', true, 'a\nb', [true, false, true]],
  ])('%s', (_name, raw, template, text, plain) => {
    const cooked = cookLiteral(raw, 10, template);
    expect(cooked.text).toBe(text);
    expect(cooked.units.map((unit) => unit.plain)).toEqual(plain);
  });
});

describe('escapeForLiteral', () => {
  it.each([
    ['"userId"', "'", '"userId"'],
    ['"userId"', '"', '\\"userId\\"'],
    ['`my-col`', '`', '\\`my-col\\`'],
    ['a\\b ${x}', '`', 'a\\\\b \\${x}'],
  ])('%s in %s', (text, quote, expected) => {
    expect(escapeForLiteral(text, quote)).toBe(expected);
  });
});

describe('mapSqlEdit', () => {
  // `'SELECT a\\n' + col + ' FROM t'` as one SQL text: a literal, a hole, a literal.
  const builder = createSqlTextBuilder();
  builder.literal(cookLiteral('SELECT a\\n', 1, false), "'");
  builder.hole(14, 17, 'col');
  builder.literal(cookLiteral(' FROM t', 21, false), "'");
  const sql = builder.build();

  it.each([
    ['a rename inside a literal', { start: 7, end: 8, text: 'b' }, { start: 8, end: 9, text: 'b' }],
    ['an insertion at the end of a literal', { start: 8, end: 8, text: ' AS x' }, { start: 9, end: 9, text: ' AS x' }],
    ['an edit crossing an escape', { start: 7, end: 9, text: 'b ' }, undefined],
    ['an edit on a hole', { start: 9, end: 12, text: 'x' }, undefined],
    ['a quote written for a single-quoted literal', { start: 18, end: 19, text: "'t'" }, { start: 27, end: 28, text: "\\'t\\'" }],
  ])('%s', (_name, edit, expected) => {
    expect(mapSqlEdit(sql, edit)).toEqual(expected);
  });

  it('maps an offset in a hole to the hole’s start', () => {
    expect(sql.text).toBe('SELECT a\ncol FROM t');
    expect(mapSqlOffset(sql, 10)).toBe(14);
  });
});
