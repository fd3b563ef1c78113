import { describe, expect, it } from 'vitest';
import type { SqlChange } from './index.js';
import { findSqlReparseProblem, planSqlRewrite } from './index.js';

const tables = ['analytics.users_v1', 'users_v1', 'acme-prod.crm.users'];

describe('findSqlReparseProblem', () => {
  it.each([
    ['a renamed projection', 'SELECT user_email FROM users_v1 WHERE id = $1', 'SELECT email_address AS user_email FROM users_v1 WHERE id = $1'],
    ['a qualified rename and a moved table', 'SELECT user_email FROM users_v1 u JOIN o ON o.id = u.id', 'SELECT u.email_address AS user_email FROM analytics.users_v2 u JOIN o ON o.id = u.id'],
    ['BigQuery', 'SELECT user_email FROM `acme-prod.crm.users`', 'SELECT email_address AS user_email FROM `acme-prod.crm.users_v2`'],
    ['SQL with operators our tokenizer passes through', 'SELECT user_email FROM users_v1 WHERE x = ANY(ARRAY[1]) AND y ~~* z', 'SELECT email_address AS user_email FROM users_v1 WHERE x = ANY(ARRAY[1]) AND y ~~* z'],
  ])('accepts %s', (_name, before, after) => {
    expect(findSqlReparseProblem({ text: before }, { text: after }, { tables })).toBeUndefined();
  });

  it.each([
    ['a name that reads as two tokens', 'SELECT user_email FROM users_v1', 'SELECT email-address FROM users_v1', 'structure'],
    ['a name that reads as a keyword', 'SELECT user_email FROM users_v1', 'SELECT select FROM users_v1', 'structure'],
    ['a broken quote', 'SELECT user_email FROM users_v1', 'SELECT "email FROM users_v1', 'does not tokenize'],
    ['unbalanced parentheses', 'SELECT lower(user_email) FROM users_v1', 'SELECT lower(email FROM users_v1', 'unbalanced'],
    ['a second alias on one expression', 'SELECT count(*) AS n FROM users_v1', 'SELECT count(*) AS n AS m FROM users_v1', 'changed the structure'],
  ])('refuses %s', (_name, before, after, problem) => {
    expect(findSqlReparseProblem({ text: before }, { text: after }, { tables })).toContain(problem);
  });

  it('reads holes as placeholders on both sides', () => {
    const before = 'SELECT user_email FROM users_v1 WHERE id = ${id}';
    const after = 'SELECT email_address AS user_email FROM users_v1 WHERE id = ${id}';
    const hole = (text: string) => [{ start: text.indexOf('${'), end: text.indexOf('}') + 1 }];
    expect(findSqlReparseProblem({ text: before, holes: hole(before) }, { text: after, holes: hole(after) }, { tables })).toBeUndefined();
  });
});

describe('planSqlRewrite output re-parses and is stable', () => {
  const changes: SqlChange[] = [
    { kind: 'column-renamed', column: 'user_email', to: 'email_address' },
    { kind: 'table-moved', to: 'analytics.users_v2' },
  ];
  it.each([
    'SELECT u.user_email, o.user_email AS oe, user_email FROM analytics.users_v1 u JOIN orders o ON o.user_id = u.user_id ORDER BY user_email',
    'WITH r AS (SELECT * FROM users_v1) SELECT r.user_email, count(*) FROM r GROUP BY r.user_email',
    'INSERT INTO users_v1 AS u (id, user_email) VALUES ($1, $2) ON CONFLICT (user_email) DO UPDATE SET user_email = EXCLUDED.user_email RETURNING user_email',
    'UPDATE users_v1 SET user_email = lower(user_email) FROM staging s WHERE s.id = users_v1.id RETURNING users_v1.user_email::text',
    'SELECT a.user_email FROM (SELECT user_email FROM users_v1 WHERE user_email IS NOT NULL) a',
  ])('%s', (before) => {
    const plan = planSqlRewrite({ text: before, tables, changes });
    let after = before;
    for (const edit of [...plan.edits].sort((left, right) => right.start - left.start)) after = after.slice(0, edit.start) + edit.text + after.slice(edit.end);
    expect(after).not.toBe(before);
    expect(findSqlReparseProblem({ text: before }, { text: after }, { tables })).toBeUndefined();
    // Applying the same rename again finds nothing left to change: every reference now uses the new name.
    const again = planSqlRewrite({ text: after, tables: ['analytics.users_v2', 'users_v2'], changes: changes.filter((change) => change.kind === 'column-renamed') });
    expect(again.edits).toEqual([]);
  });
});
