import { describe, expect, it } from 'vitest';
import type { SqlChange, SqlRewriteInput } from './index.js';
import { planSqlRewrite } from './index.js';

const rename: SqlChange = { kind: 'column-renamed', column: 'user_email', to: 'email_address' };

function rewrite(input: SqlRewriteInput): { text: string; leftovers: string[] } {
  const plan = planSqlRewrite(input);
  let out = input.text;
  for (const edit of [...plan.edits].sort((left, right) => right.start - left.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { text: out, leftovers: plan.leftovers.map((leftover) => leftover.reason) };
}

describe('planSqlRewrite on BigQuery', () => {
  const tables = ['acme-prod.crm.users'];
  it.each([
    ['a backticked full name', 'SELECT user_email FROM `acme-prod.crm.users` WHERE id = @id', 'SELECT email_address AS user_email FROM `acme-prod.crm.users` WHERE id = @id'],
    ['backticked parts and an alias', 'SELECT u.user_email FROM `acme-prod`.crm.users AS u', 'SELECT u.email_address AS user_email FROM `acme-prod`.crm.users AS u'],
    ['the default project', 'SELECT user_email FROM crm.users', 'SELECT email_address AS user_email FROM crm.users'],
    ['an unquoted project with a dash', 'SELECT user_email FROM acme-prod.crm.users', 'SELECT email_address AS user_email FROM acme-prod.crm.users'],
    ['double quotes are strings, # starts a comment', 'SELECT "user_email" AS label, user_email FROM `acme-prod.crm.users` # user_email', 'SELECT "user_email" AS label, email_address AS user_email FROM `acme-prod.crm.users` # user_email'],
    ['triple-quoted and raw strings', "SELECT id FROM `acme-prod.crm.users` WHERE note = '''user_email''' OR r'user_email' = user_email", "SELECT id FROM `acme-prod.crm.users` WHERE note = '''user_email''' OR r'user_email' = email_address"],
    ['SELECT * EXCEPT names the column: renamed there, no leftover', 'SELECT * EXCEPT (user_email) FROM `acme-prod.crm.users`', 'SELECT * EXCEPT (email_address) FROM `acme-prod.crm.users`'],
    ['QUALIFY and window', 'SELECT user_email FROM `acme-prod.crm.users` QUALIFY ROW_NUMBER() OVER (PARTITION BY user_email ORDER BY updated_at DESC) = 1', 'SELECT email_address AS user_email FROM `acme-prod.crm.users` QUALIFY ROW_NUMBER() OVER (PARTITION BY email_address ORDER BY updated_at DESC) = 1'],
    ['UNNEST with an alias and WITH OFFSET', 'SELECT t, user_email FROM `acme-prod.crm.users`, UNNEST(tags) AS t WITH OFFSET AS pos', 'SELECT t, email_address AS user_email FROM `acme-prod.crm.users`, UNNEST(tags) AS t WITH OFFSET AS pos'],
    ['INTERVAL and date parts are keywords', 'SELECT DATE_TRUNC(created_at, MONTH) AS m, user_email FROM `acme-prod.crm.users` WHERE created_at > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)', 'SELECT DATE_TRUNC(created_at, MONTH) AS m, email_address AS user_email FROM `acme-prod.crm.users` WHERE created_at > TIMESTAMP_SUB(CURRENT_TIMESTAMP(), INTERVAL 7 DAY)'],
    ['a MERGE into the dataset', 'MERGE `acme-prod.crm.users` T USING staging S ON T.id = S.id WHEN MATCHED THEN UPDATE SET user_email = S.user_email WHEN NOT MATCHED THEN INSERT (id, user_email) VALUES (S.id, S.user_email)', 'MERGE `acme-prod.crm.users` T USING staging S ON T.id = S.id WHEN MATCHED THEN UPDATE SET email_address = S.user_email WHEN NOT MATCHED THEN INSERT (id, email_address) VALUES (S.id, S.user_email)'],
  ])('%s', (_name, text, expected) => {
    expect(rewrite({ text, tables, changes: [rename] })).toEqual({ text: expected, leftovers: [] });
  });

  it('renames a struct column read with a field path, without an alias (the output is the field)', () => {
    const change: SqlChange = { kind: 'column-renamed', column: 'address', to: 'postal_address' };
    expect(rewrite({ text: 'SELECT address.zip, u.address.city FROM `acme-prod.crm.users` u', tables, changes: [change] })).toEqual({
      text: 'SELECT postal_address.zip, u.postal_address.city FROM `acme-prod.crm.users` u',
      leftovers: [],
    });
  });

  it('leaves a date part that could be the column', () => {
    const change: SqlChange = { kind: 'column-renamed', column: 'month', to: 'billing_month' };
    const result = rewrite({ text: 'SELECT DATE_TRUNC(created_at, MONTH), month FROM `acme-prod.crm.users`', tables, changes: [change] });
    expect(result.text).toBe('SELECT DATE_TRUNC(created_at, MONTH), billing_month AS month FROM `acme-prod.crm.users`');
    expect(result.leftovers).toEqual([expect.stringContaining('may be the date-part keyword or the column')]);
  });
});

describe('planSqlRewrite moves the dataset’s table', () => {
  const moved: SqlChange = { kind: 'table-moved', to: 'analytics.users_v2' };
  const tables = ['analytics.users_v1', 'users_v1'];
  it.each([
    ['the full name', 'SELECT id FROM analytics.users_v1', 'SELECT id FROM analytics.users_v2'],
    ['the unqualified name keeps relying on the search path', 'select id from users_v1 u join orders o on o.uid = u.id', 'select id from users_v2 u join orders o on o.uid = u.id'],
    ['quoted parts stay quoted', 'SELECT id FROM "analytics"."users_v1"', 'SELECT id FROM "analytics"."users_v2"'],
    ['a qualifier that is the table name moves too', 'SELECT users_v1.id FROM users_v1 WHERE users_v1.id > 0', 'SELECT users_v2.id FROM users_v2 WHERE users_v2.id > 0'],
    ['INSERT, UPDATE and DELETE targets', 'INSERT INTO users_v1 (id) VALUES (1); UPDATE analytics.users_v1 SET id = 2; DELETE FROM users_v1', 'INSERT INTO users_v2 (id) VALUES (1); UPDATE analytics.users_v2 SET id = 2; DELETE FROM users_v2'],
    ['another schema’s table of that name stays', 'SELECT id FROM staging.users_v1', 'SELECT id FROM staging.users_v1'],
    ['a string naming the table stays', "SELECT 'users_v1' AS t, id FROM users_v1", "SELECT 'users_v1' AS t, id FROM users_v2"],
  ])('%s', (_name, text, expected) => {
    expect(rewrite({ text, tables, changes: [moved] })).toEqual({ text: expected, leftovers: [] });
  });

  it('writes the full name when the table moves to another schema', () => {
    expect(rewrite({ text: 'SELECT id FROM users_v1', tables, changes: [{ kind: 'table-moved', to: 'crm.users' }] }).text).toBe('SELECT id FROM crm.users');
  });

  it('qualifies a renamed column with the new table name when both change', () => {
    const result = rewrite({ text: 'SELECT o.id FROM users_v1 JOIN orders o ON o.uid = users_v1.id WHERE user_email = $1', tables, changes: [moved, rename] });
    expect(result).toEqual({ text: 'SELECT o.id FROM users_v2 JOIN orders o ON o.uid = users_v2.id WHERE users_v2.email_address = $1', leftovers: [] });
  });

  it('moves a BigQuery table however it is quoted', () => {
    const changes: SqlChange[] = [{ kind: 'table-moved', to: 'acme-prod.crm.users_v2' }];
    const text = 'SELECT a.id FROM `acme-prod.crm.users` a JOIN `acme-prod`.crm.users b ON a.id = b.id JOIN crm.users c ON c.id = a.id';
    expect(rewrite({ text, tables: ['acme-prod.crm.users'], changes }).text).toBe('SELECT a.id FROM `acme-prod.crm.users_v2` a JOIN `acme-prod`.crm.users_v2 b ON a.id = b.id JOIN crm.users_v2 c ON c.id = a.id');
  });
});

describe('planSqlRewrite writes new names the dialect can read', () => {
  it.each([
    ['Postgres quotes a mixed-case name', 'postgres', 'userEmail', 'SELECT "userEmail" AS user_email FROM users_v1'],
    ['Postgres quotes a reserved word', 'postgres', 'user', 'SELECT "user" AS user_email FROM users_v1'],
    ['MySQL takes a mixed-case name as is', 'mysql', 'userEmail', 'SELECT userEmail AS user_email FROM users_v1'],
    ['MySQL backticks a name with a dash', 'mysql', 'user-email', 'SELECT `user-email` AS user_email FROM users_v1'],
  ] as const)('%s', (_name, dialect, to, expected) => {
    expect(rewrite({ text: 'SELECT user_email FROM users_v1', tables: ['users_v1'], changes: [{ kind: 'column-renamed', column: 'user_email', to }], dialect }).text).toBe(expected);
  });
});

describe('planSqlRewrite on SQL fragments whose statement is built elsewhere', () => {
  it.each([
    ['a condition on the dataset', { kind: 'expression', qualifiers: ['users_v1'], otherSources: false }, 'user_email = ? AND users_v1.user_email IS NOT NULL', 'email_address = ? AND users_v1.email_address IS NOT NULL'],
    ['a condition with an alias and joins', { kind: 'expression', qualifiers: ['u'], otherSources: true }, 'u.user_email ILIKE ? OR o.user_email IS NULL', 'u.email_address ILIKE ? OR o.user_email IS NULL'],
    ['a select list keeps output names', { kind: 'select-list', qualifiers: ['users_v1'], otherSources: false }, 'user_email, count(*) AS n', 'email_address AS user_email, count(*) AS n'],
  ] as const)('%s', (_name, fragment, text, expected) => {
    expect(rewrite({ text, tables: ['users_v1'], changes: [rename], fragment })).toEqual({ text: expected, leftovers: [] });
  });
});
