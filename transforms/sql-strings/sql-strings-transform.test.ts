import { describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../../src/core/schema/index.js';
import { createMemoryCheckout, migrate } from '../../src/core/codemods/index.js';
import { rowTypesTransform } from '../row-types/index.js';
import { sqlStringsTransform } from './index.js';

const rename: Change = { kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email_address', severity: 'breaking', evidence: 'declared' };
const removal: Change = { kind: 'field.removed', path: ['user_email'], severity: 'breaking' };
const moved: Change = { kind: 'dataset.renamed', path: [], from: 'analytics.users_v1', to: 'analytics.users_v2', severity: 'breaking' };

async function run(code: string, changes: Change[] = [rename], transforms = [sqlStringsTransform]): Promise<{ code: string; leftovers: string[] }> {
  const changeSet: ChangeSet = { dataset: { name: 'user-profile', physicalName: 'analytics.users_v1' }, changes };
  const result = await migrate(createMemoryCheckout({ 'src/q.ts': code }), changeSet, { transforms, verify: false });
  return { code: result.edits.find((edit) => edit.path === 'src/q.ts')?.after ?? code, leftovers: result.leftovers.map((leftover) => `${leftover.line}: ${leftover.reason}`) };
}

describe('sql-strings rewrites SQL in code', () => {
  it.each([
    ['a string literal', `pool.query('SELECT user_email FROM analytics.users_v1 WHERE id = $1', [id]);`, `pool.query('SELECT email_address AS user_email FROM analytics.users_v1 WHERE id = $1', [id]);`],
    ['a double-quoted string', `db.query("SELECT u.user_email FROM users_v1 u");`, `db.query("SELECT u.email_address AS user_email FROM users_v1 u");`],
    ['a template with placeholders', 'db.query(`SELECT id FROM users_v1 WHERE user_email = ${email} AND id > ${min}`);', 'db.query(`SELECT id FROM users_v1 WHERE email_address = ${email} AND id > ${min}`);'],
    ['a tagged template', 'const rows = await sql`\n  SELECT user_email\n  FROM users_v1\n  WHERE id = ${id}\n`;', 'const rows = await sql`\n  SELECT email_address AS user_email\n  FROM users_v1\n  WHERE id = ${id}\n`;'],
    ['a + chain with a variable in the middle', `const q = 'SELECT user_email FROM users_v1 ' + where + ' ORDER BY user_email';`, `const q = 'SELECT email_address AS user_email FROM users_v1 ' + where + ' ORDER BY user_email';`],
    ['a string with an escaped quote elsewhere', `q('SELECT user_email FROM users_v1 WHERE note = \\'x\\'');`, `q('SELECT email_address AS user_email FROM users_v1 WHERE note = \\'x\\'');`],
    ['String.raw, whose tag reads the source as written', "db.query(String.raw`SELECT user_email FROM users_v1 WHERE note ~ '\\d+'`);", "db.query(String.raw`SELECT email_address AS user_email FROM users_v1 WHERE note ~ '\\d+'`);"],
    ['knex.raw with a full statement', `knex.raw('UPDATE users_v1 SET user_email = ? WHERE id = ?', [e, id]);`, `knex.raw('UPDATE users_v1 SET email_address = ? WHERE id = ?', [e, id]);`],
  ])('%s', async (_name, code, expected) => {
    expect(await run(code)).toEqual({ code: expected, leftovers: [] });
  });

  it.each([
    ['a log message that looks like SQL', `logger.info('SELECT user_email FROM users_v1 failed');`],
    ['an error message', `throw new Error('select user_email from users_v1 returned nothing');`],
    ['prose mentioning the column', `const message = 'user_email missing for users_v1';`],
    ['another table’s query', `db.query('SELECT user_email FROM audit_log WHERE user_email = $1');`],
    ['a comment', `// SELECT user_email FROM users_v1\nexport const x = 1;`],
  ])('leaves %s alone', async (_name, code) => {
    expect(await run(code)).toEqual({ code, leftovers: [] });
  });

  it('moves the table in SQL text', async () => {
    expect(await run(`db.query('SELECT id FROM analytics.users_v1 u JOIN users_v1 w ON w.id = u.id');`, [moved])).toEqual({
      code: `db.query('SELECT id FROM analytics.users_v2 u JOIN users_v2 w ON w.id = u.id');`,
      leftovers: [],
    });
  });

  it('lists what it cannot fix with its line', async () => {
    const code = `const a = 1;\ndb.query('SELECT * FROM users_v1');\ndb.query(\`SELECT \${cols} FROM users_v1\`);\ndb.query('SELECT user_email FROM users_v1');`;
    const result = await run(code, [removal]);
    expect(result.code).toBe(code);
    expect(result.leftovers).toEqual([
      expect.stringMatching(/^2: SELECT \* returns the dataset's columns/),
      expect.stringMatching(/^3: a dynamic SQL fragment here may name user_email/),
      expect.stringMatching(/^4: user_email was removed from the dataset/),
    ]);
  });

  it('leaves every site of a change in a string where one would cross an escape sequence', async () => {
    const code = `db.query('SELECT us\\x65r_email, user_email FROM users_v1');`;
    const result = await run(code);
    expect(result.code).toBe(code);
    expect(result.leftovers).toEqual([expect.stringContaining('escape sequences')]);
  });

  it('splices around an escape sequence that the edit does not cross', async () => {
    expect(await run(`db.query('SELECT user_email\\x20FROM users_v1\\n');`)).toEqual({ code: `db.query('SELECT email_address AS user_email\\x20FROM users_v1\\n');`, leftovers: [] });
  });

  it('outputs the new name when the query’s row type was renamed along', async () => {
    const code = [
      '/** One row of analytics.users_v1. */',
      'export interface UserRow { id: number; user_email: string }',
      'declare const pool: { query<T>(text: string): Promise<{ rows: T[] }> };',
      "export const typed = () => pool.query<UserRow>('SELECT id, user_email FROM users_v1');",
      "export const untyped = () => pool.query<{ user_email: string }>('SELECT user_email FROM users_v1');",
      "export const loose = async () => (await pool.query<unknown>('SELECT user_email FROM users_v1')).rows;",
    ].join('\n');
    const result = await run(code, [rename], [rowTypesTransform, sqlStringsTransform]);
    expect(result.code.split('\n').slice(1, 6)).toEqual([
      'export interface UserRow { id: number; email_address: string }',
      'declare const pool: { query<T>(text: string): Promise<{ rows: T[] }> };',
      "export const typed = () => pool.query<UserRow>('SELECT id, email_address FROM users_v1');",
      "export const untyped = () => pool.query<{ user_email: string }>('SELECT email_address AS user_email FROM users_v1');",
      "export const loose = async () => (await pool.query<unknown>('SELECT email_address AS user_email FROM users_v1')).rows;",
    ]);
    // `query<unknown>` says nothing about the rows: the alias keeps them as they were, and a person checks.
    expect(result.leftovers).toEqual([expect.stringMatching(/^6: this query keeps the column's old name in its rows, but UserRow now uses the new name/)]);
  });
});

describe('sql-strings reads the row type where a SQL constant is run', () => {
  it('follows a constant to the typed call that runs it', async () => {
    const code = [
      '/** One row of analytics.users_v1. */',
      'export interface UserRow { id: number; user_email: string }',
      'declare const pool: { query<T>(text: string): Promise<{ rows: T[] }> };',
      "const BY_ID = 'SELECT id, user_email FROM users_v1 WHERE id = $1';",
      "const EMAILS = 'SELECT user_email FROM users_v1';",
      'export const byId = () => pool.query<UserRow>(BY_ID);',
      'export const emails = () => pool.query<{ user_email: string }>(EMAILS);',
    ].join('\n');
    const result = await run(code, [rename], [rowTypesTransform, sqlStringsTransform]);
    expect(result.code.split('\n').slice(3, 5)).toEqual(["const BY_ID = 'SELECT id, email_address FROM users_v1 WHERE id = $1';", "const EMAILS = 'SELECT email_address AS user_email FROM users_v1';"]);
    expect(result.leftovers).toEqual([]);
  });
});
