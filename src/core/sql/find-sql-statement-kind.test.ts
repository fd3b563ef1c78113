import { describe, expect, it } from 'vitest';
import { detectSqlDialect, findSqlStatementKind } from './index.js';

describe('findSqlStatementKind tells SQL from prose', () => {
  it.each([
    ['SELECT id FROM users', 'SELECT'],
    ['  (select id from users) union (select 1)', 'SELECT'],
    ['WITH a AS (SELECT 1) SELECT * FROM a', 'WITH'],
    ['INSERT INTO users (id) VALUES ($1)', 'INSERT'],
    ['UPDATE users SET a = 1', 'UPDATE'],
    ['DELETE FROM users WHERE id = 1', 'DELETE'],
    ['MERGE t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', 'MERGE'],
    ['user_email missing', undefined],
    ['Update the user_email of a user', undefined],
    ['Select a user to continue', undefined],
    ['delete failed for user_email', undefined],
    ["it's open", undefined],
  ])('%s', (text, expected) => {
    expect(findSqlStatementKind(text, { dialect: 'postgres' })).toBe(expected);
  });
});

describe('detectSqlDialect', () => {
  it.each([
    ['SELECT a FROM t WHERE b = $1', [], 'postgres'],
    ['SELECT a FROM `acme-prod.crm.users`', [], 'bigquery'],
    ['SELECT a FROM users WHERE b = @b', ['acme-prod.crm.users'], 'bigquery'],
    ['SELECT `a` FROM users WHERE b = ?', ['users'], 'mysql'],
    ['SELECT a FROM users WHERE b = ?', ['users'], 'postgres'],
  ] as const)('%s', (text, tables, dialect) => {
    expect(detectSqlDialect(text, tables)).toBe(dialect);
  });
});
