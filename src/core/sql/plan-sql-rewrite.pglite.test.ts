import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlChange } from './index.js';
import { planSqlRewrite } from './index.js';

// The same data under the old schema (`before`) and the renamed one (`after`), in one in-memory
// Postgres: a rewritten query must return exactly what the original returned, column names included.
const schema = (name: string, email: string): string => `
  CREATE SCHEMA ${name};
  CREATE TABLE ${name}.users (id int PRIMARY KEY, ${email} text, created_at date);
  CREATE TABLE ${name}.orders (id int, user_id int, user_email text, email_address text, total int);
  CREATE TABLE ${name}.payments (id int, user_id int, email_address text, amount int);
  INSERT INTO ${name}.payments VALUES (20, 1, 'pay-a', 3), (21, 2, 'pay-b', 4);
  INSERT INTO ${name}.users VALUES (1, 'a@x', '2024-01-01'), (2, 'b@y', '2024-02-01'), (3, NULL, '2024-03-01');
  INSERT INTO ${name}.orders VALUES (10, 1, 'order-a', 'ea', 5), (11, 1, 'order-b', 'eb', 7), (12, 2, 'order-c', 'ec', 1);
`;

const changes: SqlChange[] = [{ kind: 'column-renamed', column: 'user_email', to: 'email_address' }];
let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  await db.exec(schema('before', 'user_email') + schema('after', 'email_address'));
});

afterAll(async () => {
  await db.close();
});

async function run(search: string, sql: string): Promise<{ fields: string[]; rows: unknown[] }> {
  await db.exec(`SET search_path TO ${search}`);
  const result = await db.query(sql);
  return { fields: result.fields.map((field) => field.name), rows: result.rows };
}

describe('a rewritten query returns what the original returned', () => {
  it.each([
    'SELECT user_email FROM users ORDER BY id',
    'SELECT u.user_email, o.user_email AS order_email FROM users u JOIN orders o ON o.user_id = u.id ORDER BY o.id',
    // payments has a column named like the new name: the rename must be qualified to stay unambiguous.
    'SELECT user_email, p.amount FROM users u JOIN payments p ON p.user_id = u.id WHERE user_email IS NOT NULL ORDER BY p.id',
    'SELECT user_email, count(*) FROM users GROUP BY user_email ORDER BY user_email NULLS FIRST',
    'SELECT lower(user_email) AS user_email FROM users GROUP BY user_email ORDER BY 1',
    'WITH r AS (SELECT * FROM users) SELECT r.user_email FROM r WHERE user_email LIKE $$%@x$$',
    'SELECT a.user_email FROM (SELECT user_email FROM users WHERE user_email IS NOT NULL) a ORDER BY 1',
    'SELECT id FROM orders WHERE user_id IN (SELECT id FROM users WHERE user_email IS NOT NULL) ORDER BY id',
    'SELECT user_email::text, CAST(user_email AS varchar), (user_email) FROM users ORDER BY id',
    'SELECT DISTINCT ON (user_email) user_email, id FROM users ORDER BY user_email, id',
    'SELECT (SELECT u.user_email FROM users u WHERE u.id = o.user_id) AS e FROM orders o ORDER BY o.id',
    'SELECT user_email FROM users UNION ALL SELECT user_email FROM orders ORDER BY user_email',
  ])('%s', async (before) => {
    const plan = planSqlRewrite({ text: before, tables: ['users'], changes });
    expect(plan.leftovers).toEqual([]);
    let after = before;
    for (const edit of [...plan.edits].sort((left, right) => right.start - left.start)) after = after.slice(0, edit.start) + edit.text + after.slice(edit.end);
    expect(after).not.toBe(before);
    expect(await run('after', after)).toEqual(await run('before', before));
  });

  it('a write through the rewritten statement lands in the renamed column', async () => {
    const before = "INSERT INTO users AS u (id, user_email) VALUES (4, 'd@z') ON CONFLICT (id) DO UPDATE SET user_email = EXCLUDED.user_email RETURNING user_email";
    const plan = planSqlRewrite({ text: before, tables: ['users'], changes });
    let after = before;
    for (const edit of [...plan.edits].sort((left, right) => right.start - left.start)) after = after.slice(0, edit.start) + edit.text + after.slice(edit.end);
    expect(await run('after', after)).toEqual(await run('before', before));
    expect(await run('after', 'SELECT email_address FROM users WHERE id = 4')).toEqual({ fields: ['email_address'], rows: [{ email_address: 'd@z' }] });
  });
});
