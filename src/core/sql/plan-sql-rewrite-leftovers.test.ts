import { describe, expect, it } from 'vitest';
import type { SqlChange, SqlHole } from './index.js';
import { planSqlRewrite } from './index.js';

const rename: SqlChange = { kind: 'column-renamed', column: 'user_email', to: 'email_address' };
const removal: SqlChange = { kind: 'column-removed', column: 'user_email' };
const unconfirmed: SqlChange = { kind: 'column-unconfirmed', column: 'user_email', to: 'email_address' };
const tables = ['analytics.users_v1', 'users_v1'];

/** The holes of a JavaScript template written with `${…}` in the SQL text. */
function holesOf(text: string): SqlHole[] {
  return [...text.matchAll(/\$\{[^}]*\}/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** `[edited text, leftovers as "<word at offset>: <reason fragment>"]`. */
function plan(text: string, changes: readonly SqlChange[]): { text: string; leftovers: string[] } {
  const result = planSqlRewrite({ text, tables, changes, holes: holesOf(text) });
  let out = text;
  for (const edit of [...result.edits].sort((left, right) => right.start - left.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { text: out, leftovers: result.leftovers.map((leftover) => `${text.slice(leftover.start, leftover.start + 12).split(/[\s,]/)[0] ?? ''}: ${leftover.reason}`) };
}

describe('planSqlRewrite leaves what it cannot fix with certainty, saying why', () => {
  it.each([
    ['SELECT * returned to the application', 'SELECT * FROM users_v1 WHERE id = $1', [rename], ['*: SELECT * returns the dataset\'s columns']],
    ['t.* of the dataset', 'SELECT u.*, o.total FROM users_v1 u JOIN orders o ON o.user_id = u.id', [rename], ['u.*: SELECT * returns the dataset\'s columns']],
    ['a star over a CTE that passes the dataset through', 'WITH r AS (SELECT * FROM users_v1) SELECT * FROM r', [rename], ['*: SELECT * returns']],
    ['an inner block with an unknown table could own the name', 'SELECT id FROM users_v1 u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.id = u.id AND user_email IS NULL)', [rename], ['user_email: user_email may be a column of o or the dataset\'s column of the enclosing query']],
    ['the whole row as a value', 'SELECT row_to_json(u) FROM users_v1 u', [rename], ['u): the dataset\'s whole row is used here as one value']],
    ['JOIN … USING merges the column', 'SELECT id FROM users_v1 JOIN orders USING (user_email)', [rename], ['user_email): JOIN … USING (user_email) merges']],
    ['NATURAL JOIN matches by name', 'SELECT id FROM users_v1 NATURAL JOIN orders', [rename], ['NATURAL: NATURAL JOIN matches the dataset\'s columns by name']],
    ['a dynamic select item', 'SELECT ${columns} FROM users_v1', [rename], ['${columns}: a dynamic SQL fragment here may name user_email']],
    ['a name glued to a placeholder', 'SELECT id FROM users_v1 ORDER BY user_${field}', [rename], ['user_${field: a column name built at run time']],
    ['a quoted name holding a placeholder', 'SELECT "${field}" FROM users_v1', [rename], ['"${field}": a column name built at run time']],
    ["knex's ?? identifier binding", 'SELECT ?? FROM users_v1', [rename], ['??: a column name built at run time']],
    ['a dynamic condition', 'SELECT id FROM users_v1 WHERE ${where}', [rename], ['${where}: a dynamic SQL fragment']],
    ['a removed column still read', 'SELECT id, user_email FROM users_v1 WHERE user_email IS NOT NULL', [removal], ['user_email: user_email was removed from the dataset but this query still uses it', 'user_email: user_email was removed from the dataset but this query still uses it']],
    ['a removed column and a positional INSERT', 'INSERT INTO users_v1 VALUES ($1, $2)', [removal], ['VALUES: INSERT without a column list writes the dataset\'s columns by position']],
    ['a removed column and INSERT … SELECT *', 'INSERT INTO archive SELECT * FROM users_v1', [removal], ['*: SELECT * feeds an INSERT by position']],
    ['an unconfirmed rename is never applied', 'SELECT user_email FROM users_v1', [unconfirmed], ['user_email: user_email looks renamed to email_address, but the producer has not confirmed the rename']],
    ['a MERGE without column list inserts by position', 'MERGE INTO users_v1 t USING staging s ON t.id = s.id WHEN NOT MATCHED THEN INSERT ROW', [removal], ['INSERT: INSERT without a column list']],
    ['an unsupported statement naming the table', 'ALTER TABLE users_v1 RENAME COLUMN user_email TO email', [rename], ['ALTER: this ALTER statement is not analysed, and it names user_email']],
  ])('%s', (_name, input, changes, expected) => {
    const result = plan(input, changes);
    expect(result.text).toBe(input);
    expect(result.leftovers).toHaveLength(expected.length);
    for (const [index, fragment] of expected.entries()) expect(result.leftovers[index]).toContain(fragment);
  });

  it.each([
    ['a value placeholder is only a value', 'SELECT user_email FROM users_v1 WHERE id = ${id} AND created_at > ${since} LIMIT ${limit}', 'SELECT email_address AS user_email FROM users_v1 WHERE id = ${id} AND created_at > ${since} LIMIT ${limit}'],
    ['placeholders inside string literals and call arguments', "SELECT id FROM users_v1 WHERE user_email LIKE '%${q}%' AND id IN (${ids}) AND coalesce(${a}, 0) = 1", "SELECT id FROM users_v1 WHERE email_address LIKE '%${q}%' AND id IN (${ids}) AND coalesce(${a}, 0) = 1"],
    ['VALUES placeholders', 'INSERT INTO users_v1 (id, user_email) VALUES (${id}, ${email})', 'INSERT INTO users_v1 (id, email_address) VALUES (${id}, ${email})'],
    ['a dynamic fragment in a query without the dataset is no concern', 'SELECT ${columns} FROM orders', 'SELECT ${columns} FROM orders'],
  ])('%s', (_name, input, expected) => {
    expect(plan(input, [rename])).toEqual({ text: expected, leftovers: [] });
  });

  it('fixes what it can and reports the rest in the same query', () => {
    const result = plan('SELECT u.user_email, ${extra} FROM users_v1 u', [rename]);
    expect(result.text).toBe('SELECT u.email_address AS user_email, ${extra} FROM users_v1 u');
    expect(result.leftovers).toEqual([expect.stringContaining('${extra}: a dynamic SQL fragment')]);
  });

  it('reports a text it cannot tokenize instead of guessing', () => {
    const result = planSqlRewrite({ text: "SELECT user_email FROM users_v1 WHERE a = 'open", tables, changes: [rename] });
    expect(result).toMatchObject({ edits: [], leftovers: [], problem: expect.stringContaining('unterminated string literal') });
  });
});

describe('planSqlRewrite reads GROUP BY names as each dialect does', () => {
  it('Postgres groups by the input column before an output alias', () => {
    expect(plan('SELECT lower(user_email) AS user_email FROM users_v1 GROUP BY user_email', [rename])).toEqual({
      text: 'SELECT lower(email_address) AS user_email FROM users_v1 GROUP BY email_address',
      leftovers: [],
    });
  });

  it('BigQuery may group by the alias: the statement is left whole, with a leftover', () => {
    const text = 'SELECT LOWER(user_email) AS user_email FROM `acme-prod.crm.users` GROUP BY user_email';
    const result = planSqlRewrite({ text, tables: ['acme-prod.crm.users'], changes: [rename] });
    expect(result.edits).toEqual([]);
    expect(result.leftovers).toEqual([{ start: text.lastIndexOf('user_email'), change: 0, reason: expect.stringContaining('both a column and an output alias') }]);
  });
});
