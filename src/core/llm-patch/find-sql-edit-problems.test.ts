import { describe, expect, it } from 'vitest';
import { applyLocatedEdits } from './apply-located-edits.js';
import { findSqlEditProblems } from './find-sql-edit-problems.js';
import { buildEdit } from './testing/build-edits.js';

const script = 'const weekly = `\n  SELECT u.user_id, u.email, u.legacy_score\n  FROM analytics.users_v1 AS u\n  WHERE u.created_at > ${since}\n`;\nconst label = "legacy_score: " + 1;\n';
const sqlFile = 'select user_id, legacy_score\nfrom analytics.users_v1\n';

function problems(path: string, text: string, original: string, replacement: string): string[] {
  const { text: after, landed } = applyLocatedEdits(text, [buildEdit(path, text, original, replacement)]);
  return findSqlEditProblems(path, text, after, landed, ['analytics.users_v1']);
}

describe('findSqlEditProblems', () => {
  it.each([
    ['removing a column from a template', 'src/a.ts', script, ', u.legacy_score', ''],
    ['an edit outside any SQL', 'src/a.ts', script, '"legacy_score: " + 1', '"score: " + 1'],
    ['removing a column from a .sql file', 'models/a.sql', sqlFile, ', legacy_score', ''],
  ])('accepts %s', (_what, path, text, original, replacement) => {
    expect(problems(path, text, original, replacement)).toEqual([]);
  });

  it.each([
    ['a dangling comma in a template', 'src/a.ts', script, ' u.legacy_score', '', 'src/a.ts: the edited SQL is malformed: a comma before "FROM"'],
    ['an unbalanced parenthesis in a .sql file', 'models/a.sql', sqlFile, 'legacy_score', 'coalesce(legacy_score, 0', 'models/a.sql: the edited SQL is malformed: its parentheses do not match'],
    ['an edit that breaks the string apart', 'src/a.ts', script, 'u.legacy_score\n', 'u.legacy_score`; const x = `\n', 'src/a.ts: the edited SQL is no longer one string'],
  ])('refuses %s', (_what, path, text, original, replacement, problem) => {
    expect(problems(path, text, original, replacement)).toEqual([problem]);
  });
});
