import { describe, expect, it } from 'vitest';
import type { SqlChange, SqlRewriteInput } from './index.js';
import { planSqlRewrite } from './index.js';

const rename: SqlChange = { kind: 'column-renamed', column: 'user_email', to: 'email_address' };
const tables = ['analytics.users_v1', 'users_v1'];

/** Applies the plan's edits and lists its leftovers as `<text at offset>: reason`. */
function rewrite(text: string, changes: readonly SqlChange[] = [rename], extra: Partial<SqlRewriteInput> = {}): { text: string; leftovers: string[] } {
  const plan = planSqlRewrite({ text, tables, changes, ...extra });
  let out = text;
  for (const edit of [...plan.edits].sort((left, right) => right.start - left.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { text: out, leftovers: plan.leftovers.map((leftover) => `${text.slice(leftover.start).split(/[\s,()]/)[0] ?? ''}: ${leftover.reason}`) };
}

describe('planSqlRewrite renames only the dataset table’s column', () => {
  it.each([
    ['a bare projection keeps its output name', 'SELECT user_email FROM users_v1 WHERE id = $1', 'SELECT email_address AS user_email FROM users_v1 WHERE id = $1'],
    ['an aliased projection only renames its source', 'SELECT user_email AS email FROM users_v1', 'SELECT email_address AS email FROM users_v1'],
    ['lower-case keywords get a lower-case AS', 'select user_email from users_v1', 'select email_address as user_email from users_v1'],
    ['the alias qualifier binds the dataset', 'SELECT u.user_email FROM analytics.users_v1 AS u', 'SELECT u.email_address AS user_email FROM analytics.users_v1 AS u'],
    ['the table name qualifies it when there is no alias', 'SELECT users_v1.user_email FROM analytics.users_v1', 'SELECT users_v1.email_address AS user_email FROM analytics.users_v1'],
    ['a schema-qualified qualifier', 'SELECT analytics.users_v1.user_email FROM analytics.users_v1', 'SELECT analytics.users_v1.email_address AS user_email FROM analytics.users_v1'],
    ['WHERE, ORDER BY input names and GROUP BY', "SELECT count(*) FROM users_v1 WHERE user_email LIKE '%@x' GROUP BY user_email ORDER BY lower(user_email)", "SELECT count(*) FROM users_v1 WHERE email_address LIKE '%@x' GROUP BY email_address ORDER BY lower(email_address)"],
    ['ORDER BY an output name stays, since the projection keeps that name', 'SELECT user_email FROM users_v1 ORDER BY user_email DESC', 'SELECT email_address AS user_email FROM users_v1 ORDER BY user_email DESC'],
    ['another table’s identically named column is left alone', 'SELECT u.user_email, o.user_email AS order_email FROM users_v1 u JOIN orders o ON o.user_email = u.user_email', 'SELECT u.email_address AS user_email, o.user_email AS order_email FROM users_v1 u JOIN orders o ON o.user_email = u.email_address'],
    ['a bare column in a join is the dataset’s, qualified since the other table may own the new name', 'SELECT user_email, o.total FROM users_v1 u JOIN orders o ON o.user_id = u.id', 'SELECT u.email_address AS user_email, o.total FROM users_v1 u JOIN orders o ON o.user_id = u.id'],
    ['a bare column of a join without alias is qualified by the table name', 'SELECT o.total FROM users_v1 JOIN orders o ON o.user_id = users_v1.id WHERE user_email IS NULL', 'SELECT o.total FROM users_v1 JOIN orders o ON o.user_id = users_v1.id WHERE users_v1.email_address IS NULL'],
    ['strings and comments that mention the column stay', "SELECT id FROM users_v1 -- user_email\nWHERE note = 'user_email' /* user_email */", "SELECT id FROM users_v1 -- user_email\nWHERE note = 'user_email' /* user_email */"],
    ['a query on another table is left alone', 'SELECT user_email FROM orders WHERE user_email = $1', 'SELECT user_email FROM orders WHERE user_email = $1'],
    ['a table of another schema with the same name is another table', 'SELECT user_email FROM staging.users_v1', 'SELECT user_email FROM staging.users_v1'],
    ['a CTE named like the table shadows it', 'WITH users_v1 AS (SELECT 1 AS user_email) SELECT user_email FROM users_v1', 'WITH users_v1 AS (SELECT 1 AS user_email) SELECT user_email FROM users_v1'],
    ['Postgres casts and CAST keep the output name', 'SELECT user_email::text, CAST(user_email AS varchar), (user_email) FROM users_v1', 'SELECT email_address::text AS user_email, CAST(email_address AS varchar) AS user_email, (email_address) AS user_email FROM users_v1'],
    ['an expression has its own output name: no alias', 'SELECT lower(user_email), coalesce(user_email, $1) AS e FROM users_v1', 'SELECT lower(email_address), coalesce(email_address, $1) AS e FROM users_v1'],
    ['a quoted identifier stays quoted', 'SELECT "user_email" FROM "analytics"."users_v1"', 'SELECT "email_address" AS "user_email" FROM "analytics"."users_v1"'],
    ['an upper-case identifier stays upper case', 'SELECT USER_EMAIL FROM USERS_V1', 'SELECT EMAIL_ADDRESS AS USER_EMAIL FROM USERS_V1'],
    ['DISTINCT ON, FILTER and window clauses', 'SELECT DISTINCT ON (user_email) id, count(*) FILTER (WHERE user_email IS NULL) OVER (PARTITION BY user_email ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM users_v1', 'SELECT DISTINCT ON (email_address) id, count(*) FILTER (WHERE email_address IS NULL) OVER (PARTITION BY email_address ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM users_v1'],
    ['IS DISTINCT FROM inside WHERE is no FROM clause', 'SELECT id FROM users_v1 WHERE user_email IS DISTINCT FROM $1', 'SELECT id FROM users_v1 WHERE email_address IS DISTINCT FROM $1'],
  ])('%s', (_name, input, expected) => {
    expect(rewrite(input)).toEqual({ text: expected, leftovers: [] });
  });
});

describe('planSqlRewrite resolves subqueries, CTEs and set operations by scope', () => {
  it.each([
    ['a derived table keeps the name its outer query reads', 'SELECT a.user_email FROM (SELECT user_email FROM users_v1) a', 'SELECT a.user_email FROM (SELECT email_address AS user_email FROM users_v1) a'],
    ['a CTE selecting * passes the column through under its new name', 'WITH r AS (SELECT * FROM users_v1) SELECT r.user_email FROM r WHERE user_email <> $1', 'WITH r AS (SELECT * FROM users_v1) SELECT r.email_address AS user_email FROM r WHERE email_address <> $1'],
    ['a chain of CTEs', 'WITH a AS (SELECT * FROM users_v1), b AS (SELECT user_email AS e FROM a) SELECT e FROM b', 'WITH a AS (SELECT * FROM users_v1), b AS (SELECT email_address AS e FROM a) SELECT e FROM b'],
    ['an IN subquery over another table stays', 'SELECT id FROM orders WHERE user_email IN (SELECT user_email FROM users_v1)', 'SELECT id FROM orders WHERE user_email IN (SELECT email_address FROM users_v1)'],
    ['a correlated reference qualified by the outer alias', 'SELECT id FROM orders o WHERE EXISTS (SELECT 1 FROM users_v1 u WHERE u.user_email = o.user_email)', 'SELECT id FROM orders o WHERE EXISTS (SELECT 1 FROM users_v1 u WHERE u.email_address = o.user_email)'],
    ['a correlated bare reference whose inner block knows its columns', 'SELECT id FROM users_v1 WHERE EXISTS (SELECT 1 FROM (SELECT 1 AS n) x WHERE user_email IS NULL)', 'SELECT id FROM users_v1 WHERE EXISTS (SELECT 1 FROM (SELECT 1 AS n) x WHERE email_address IS NULL)'],
    ['each branch of a UNION on its own', 'SELECT user_email FROM users_v1 UNION ALL SELECT user_email FROM archive ORDER BY user_email', 'SELECT email_address AS user_email FROM users_v1 UNION ALL SELECT user_email FROM archive ORDER BY user_email'],
    ['a recursive CTE', 'WITH RECURSIVE t(n, e) AS (SELECT 1, user_email FROM users_v1 UNION ALL SELECT n + 1, e FROM t WHERE n < 3) SELECT * FROM t', 'WITH RECURSIVE t(n, e) AS (SELECT 1, email_address AS user_email FROM users_v1 UNION ALL SELECT n + 1, e FROM t WHERE n < 3) SELECT * FROM t'],
    ['a scalar subquery in the select list', 'SELECT o.id, (SELECT u.user_email FROM users_v1 u WHERE u.id = o.user_id) AS e FROM orders o', 'SELECT o.id, (SELECT u.email_address AS user_email FROM users_v1 u WHERE u.id = o.user_id) AS e FROM orders o'],
    ['a parenthesised join', 'SELECT o.id FROM orders o JOIN (users_v1 u JOIN teams t ON t.id = u.team_id) ON u.id = o.user_id WHERE u.user_email IS NULL', 'SELECT o.id FROM orders o JOIN (users_v1 u JOIN teams t ON t.id = u.team_id) ON u.id = o.user_id WHERE u.email_address IS NULL'],
    ['LATERAL sees the items before it', 'SELECT x.e FROM users_v1 u, LATERAL (SELECT u.user_email AS e) x', 'SELECT x.e FROM users_v1 u, LATERAL (SELECT u.email_address AS e) x'],
  ])('%s', (_name, input, expected) => {
    expect(rewrite(input)).toEqual({ text: expected, leftovers: [] });
  });
});

describe('planSqlRewrite rewrites writes to the dataset', () => {
  it.each([
    ['INSERT column list and RETURNING', 'INSERT INTO users_v1 (id, user_email) VALUES ($1, $2) RETURNING user_email', 'INSERT INTO users_v1 (id, email_address) VALUES ($1, $2) RETURNING email_address AS user_email'],
    ['INSERT … SELECT from another table only renames the target column', 'INSERT INTO users_v1 (user_email) SELECT user_email FROM staging', 'INSERT INTO users_v1 (email_address) SELECT user_email FROM staging'],
    ['INSERT into another table reading the dataset', 'INSERT INTO audit (user_email) SELECT user_email FROM users_v1', 'INSERT INTO audit (user_email) SELECT email_address FROM users_v1'],
    ['UPDATE SET and WHERE', 'UPDATE analytics.users_v1 SET user_email = lower(user_email) WHERE user_email <> $1', 'UPDATE analytics.users_v1 SET email_address = lower(email_address) WHERE email_address <> $1'],
    ['UPDATE … FROM another table', 'UPDATE users_v1 u SET user_email = s.user_email FROM staging s WHERE s.id = u.id', 'UPDATE users_v1 u SET email_address = s.user_email FROM staging s WHERE s.id = u.id'],
    ['UPDATE of another table from the dataset', 'UPDATE orders o SET user_email = u.user_email FROM users_v1 u WHERE u.id = o.user_id', 'UPDATE orders o SET user_email = u.email_address FROM users_v1 u WHERE u.id = o.user_id'],
    ['DELETE with RETURNING', 'DELETE FROM users_v1 WHERE user_email = $1 RETURNING id, user_email', 'DELETE FROM users_v1 WHERE email_address = $1 RETURNING id, email_address AS user_email'],
    ['ON CONFLICT target, EXCLUDED and the conflict WHERE', 'INSERT INTO users_v1 AS u (id, user_email) VALUES ($1, $2) ON CONFLICT (user_email) DO UPDATE SET user_email = EXCLUDED.user_email WHERE u.user_email IS DISTINCT FROM EXCLUDED.user_email', 'INSERT INTO users_v1 AS u (id, email_address) VALUES ($1, $2) ON CONFLICT (email_address) DO UPDATE SET email_address = EXCLUDED.email_address WHERE u.email_address IS DISTINCT FROM EXCLUDED.email_address'],
    ['a data-modifying CTE', 'WITH gone AS (DELETE FROM users_v1 WHERE user_email IS NULL RETURNING id) SELECT count(*) FROM gone', 'WITH gone AS (DELETE FROM users_v1 WHERE email_address IS NULL RETURNING id) SELECT count(*) FROM gone'],
    ['CREATE VIEW AS', 'CREATE VIEW active AS SELECT id, user_email FROM users_v1', 'CREATE VIEW active AS SELECT id, email_address AS user_email FROM users_v1'],
  ])('%s', (_name, input, expected) => {
    expect(rewrite(input)).toEqual({ text: expected, leftovers: [] });
  });
});

describe('planSqlRewrite follows the reader of the rows when told to', () => {
  it('renames a projection without alias when its row type was renamed too', () => {
    expect(rewrite('SELECT user_email, u.user_email FROM users_v1 u', [rename], { outputNames: 'follow' })).toEqual({
      text: 'SELECT email_address, u.email_address FROM users_v1 u',
      leftovers: [],
    });
  });

  it('marks alias insertions apart from renames', () => {
    const plan = planSqlRewrite({ text: 'SELECT user_email FROM users_v1', tables, changes: [rename] });
    expect(plan.edits.map((edit) => edit.role)).toEqual(['name', 'alias']);
  });
});

describe('planSqlRewrite edits never collide', () => {
  it('renames a column whose new name starts with the old one, alias and all', () => {
    const change: SqlChange = { kind: 'column-renamed', column: 'oid', to: 'oid_renamed' };
    const plan = planSqlRewrite({ text: 'SELECT oid FROM users_v1', tables, changes: [change] });
    expect(plan.edits).toEqual([
      { start: 7, end: 10, text: 'oid_renamed', change: 0, role: 'name' },
      { start: 10, end: 10, text: ' AS oid', change: 0, role: 'alias' },
    ]);
  });
});
