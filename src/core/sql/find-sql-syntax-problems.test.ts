import { describe, expect, it } from 'vitest';
import { findSqlSyntaxProblems } from './find-sql-syntax-problems.js';

const problems = (sql: string, dialect: 'postgres' | 'bigquery' = 'postgres') => findSqlSyntaxProblems(sql, dialect).map((found) => found.problem);

describe('findSqlSyntaxProblems', () => {
  it.each([
    ['a plain select', 'SELECT u.user_id, u.email FROM analytics.users_v1 AS u WHERE u.created_at > $1 AND u.active'],
    ['functions with and without arguments', 'select count(*), now(), coalesce(a, 0) from t group by a, b order by 1 desc'],
    ['an insert with a column list and values', 'INSERT INTO users (id, email) VALUES ($1, $2) RETURNING id'],
    ['an update', 'UPDATE users SET email = $1, name = $2 WHERE id = $3'],
    ['between, case and a cast', "SELECT CASE WHEN a BETWEEN 1 AND 2 THEN 'x' ELSE 'y' END, b::text FROM t"],
    ['a BigQuery struct and backticks', 'SELECT `p.d.t`.email FROM `p.d.t` WHERE x IN UNNEST(@ids)'],
  ])('finds nothing wrong in %s', (_what, sql) => {
    expect(problems(sql, sql.includes('`') ? 'bigquery' : 'postgres')).toEqual([]);
  });

  it.each([
    ['a comma left before FROM', 'SELECT a, b, FROM t', 'a comma before "FROM"'],
    ['a comma right after SELECT', 'SELECT , b FROM t', 'a comma after "SELECT"'],
    ['two commas in a row', 'SELECT a,, b FROM t', 'a comma after ","'],
    ['a comma before a closing parenthesis', 'INSERT INTO t (a, b,) VALUES (1, 2)', 'a comma before ")"'],
    ['an operator without its right side', 'SELECT a FROM t WHERE a =', '"=" without a right operand'],
    ['a dangling AND', 'SELECT a FROM t WHERE a = 1 AND', 'a dangling AND'],
    ['an empty WHERE', 'SELECT a FROM t WHERE ORDER BY a', 'an empty WHERE'],
    ['empty parentheses after IN', 'SELECT a FROM t WHERE a IN ()', 'empty parentheses'],
    ['an unbalanced parenthesis', 'SELECT coalesce(a, 0 FROM t', 'its parentheses do not match'],
  ])('reports %s', (_what, sql, problem) => {
    expect(problems(sql)).toContain(problem);
  });

  it('says where each problem is', () => {
    expect(findSqlSyntaxProblems('SELECT a, FROM t', 'postgres')).toEqual([{ problem: 'a comma before "FROM"', at: 8 }]);
  });
});
