import { describe, expect, it } from 'vitest';
import { checkScope } from './check-scope.js';
import { buildEdit, readerOf } from './testing/build-edits.js';

// Line numbers matter here: the sites are lines 6 (the query) and 18 (the use).
const weekly = [
  "import type { Pool } from 'pg';", // 1
  "import { userRowSchema } from './user-schema.js';", // 2
  "import type { UserRow } from './user-schema.js';", // 3
  '', // 4
  'const weeklyBuyers = `', // 5
  '  SELECT u.user_id, u.email AS user_email, u.legacy_score', // 6
  '  FROM analytics.users_v1 AS u', // 7
  '  JOIN analytics.orders AS o ON o.user_id = u.user_id', // 8
  '  WHERE o.created_at > $1', // 9
  '`;', // 10
  '', // 11
  'export async function weeklyBuyerRows(pool: Pool, since: Date): Promise<UserRow[]> {', // 12
  '  const result = await pool.query<unknown>(weeklyBuyers, [since]);', // 13
  '  return result.rows.map((row) => userRowSchema.parse(row));', // 14
  '}', // 15
  '', // 16
  'export function scoreLine(row: UserRow): string {', // 17
  '  return `${row.email}: ${row.legacy_score ?? 0}`;', // 18
  '}', // 19
  '',
].join('\n');
const file = 'src/reports/weekly-report.ts';
const sites = [
  { path: file, line: 6 },
  { path: file, line: 18 },
];

function scope(original: string, replacement: string, relatedNames: string[] = ['legacy_score']): string[] {
  return checkScope({ edits: [buildEdit(file, weekly, original, replacement)], readText: readerOf({ [file]: weekly }), sites, relatedNames, radius: 3 }).map((refusal) => refusal.reason);
}

describe('checkScope', () => {
  it.each([
    ['a hunk on a site line', ', u.legacy_score', ''],
    ['a multi-line snippet whose only change sits on a site line', 'u.legacy_score\n  FROM analytics.users_v1 AS u', '\n  FROM analytics.users_v1 AS u'],
    ['a hunk off the site line that removes the changed name', 'export function scoreLine(row: UserRow): string {\n  return `${row.email}: ${row.legacy_score ?? 0}`;', 'export function scoreLine(row: UserRow): string {\n  return `${row.email}`;'],
    ['a camelCase spelling of the changed name near a site', '  WHERE o.created_at > $1', '  WHERE o.created_at > $1 AND u.legacyScore IS NULL'],
    ['a whitespace-only change near a site', '  WHERE o.created_at > $1\n', '  WHERE  o.created_at > $1\n'],
  ])('accepts %s', (_what, original, replacement) => {
    expect(scope(original, replacement)).toEqual([]);
  });

  it.each([
    ['a line far from every site', 'export async function weeklyBuyerRows(', 'export async function loadWeeklyBuyerRows(', ['edit 1 changes src/reports/weekly-report.ts:12, more than 3 lines from any listed site']],
    ['an unrelated token next to a site', '  WHERE o.created_at > $1', '  WHERE o.created_at >= $1', ['edit 1 adds `=` at src/reports/weekly-report.ts:9, which has nothing to do with legacy_score']],
    ['a renamed alias on the line after a site', '  FROM analytics.users_v1 AS u\n', '  FROM analytics.users_v1 AS users\n', ['edit 1 replaces `u` with `users` at src/reports/weekly-report.ts:7, which has nothing to do with legacy_score']],
    ['an insertion far from every site', "import type { Pool } from 'pg';\n", "import type { Pool } from 'pg';\nimport { log } from './log.js';\n", ['edit 1 changes src/reports/weekly-report.ts:2, more than 3 lines from any listed site']],
  ])('refuses %s', (_what, original, replacement, reasons) => {
    expect(scope(original, replacement)).toEqual(reasons);
  });

  it('refuses an edit of a file where no site is listed', () => {
    const text = 'export const a = 1;\n';
    const refusals = checkScope({ edits: [buildEdit('src/a.ts', text, '1', '2')], readText: readerOf({ 'src/a.ts': text }), sites, relatedNames: ['legacy_score'], radius: 3 });
    expect(refusals.map((refusal) => refusal.reason)).toEqual(['edit 1 changes src/a.ts, where no site is listed']);
  });
});
