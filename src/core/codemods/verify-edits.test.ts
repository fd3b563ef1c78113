import { describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../schema/index.js';
import type { TextEdit } from './transform.js';
import { findMirroredTypes } from './find-mirrored-types.js';
import { verifyEdits } from './verify-edits.js';

const change: Change = { kind: 'field.removed', path: ['legacy_score'], severity: 'breaking' };
const texts = new Map([
  ['tsconfig.json', '{ "compilerOptions": { "strict": true, "module": "NodeNext", "moduleResolution": "NodeNext" } }'],
  ['src/types/pg.d.ts', "declare module 'pg' {\n  export interface Pool {\n    query(text: string): Promise<{ rows: unknown[] }>;\n  }\n}\n"],
  ['src/user-row.ts', '/** A row of analytics.users_v1. */\nexport interface UserRow {\n  user_id: number;\n  legacy_score: number | null;\n}\n'],
  ['src/score.ts', "import type { Pool } from 'pg';\nimport type { UserRow } from './user-row.js';\n\nexport function score(row: UserRow): number {\n  return row.legacy_score ?? 0;\n}\nexport type Db = Pool;\n"],
  ['src/uses-score.ts', "import { score } from './score.js';\nexport const total: number = score({ user_id: 1, legacy_score: 2 });\n"],
]);

function edit(path: string, original: string, text: string): TextEdit {
  const source = texts.get(path) ?? '';
  const start = source.indexOf(original);
  return { path, start, end: start + original.length, text, transform: 'llm', change };
}

describe('verifyEdits', () => {
  it('reports the errors an edit adds in the files that import the touched one, transitively', () => {
    const check = verifyEdits(texts, [edit('src/user-row.ts', '  legacy_score: number | null;\n', '')]);
    expect(check.checkedFiles).toEqual(['src/score.ts', 'src/user-row.ts', 'src/uses-score.ts']);
    expect(check.newErrors.map((error) => `${error.path}:${error.line} TS${error.code}`)).toEqual(['src/score.ts:5 TS2339', 'src/uses-score.ts:2 TS2353']);
  });

  it('passes edits that keep every file compiling, ambient module declarations included', () => {
    const edits = [
      edit('src/user-row.ts', '  legacy_score: number | null;\n', ''),
      edit('src/score.ts', 'row.legacy_score ?? 0', '0'),
      edit('src/uses-score.ts', ', legacy_score: 2', ''),
    ];
    expect(verifyEdits(texts, edits).newErrors).toEqual([]);
  });

  it('reports a syntax error an edit adds', () => {
    const check = verifyEdits(texts, [edit('src/score.ts', 'return row.legacy_score ?? 0;', 'return (row.legacy_score ?? 0;')]);
    expect(check.newErrors.map((error) => `${error.path}:${error.line} TS${error.code}`)).toEqual(['src/score.ts:5 TS1005']);
  });

  it('lists the errors left in the files asked about, with or without edits', () => {
    const broken = new Map(texts).set('src/score.ts', (texts.get('src/score.ts') ?? '').replace('row.legacy_score ?? 0', 'row.legacy_score.toFixed()'));
    expect(verifyEdits(broken, [], { errorsIn: ['src/score.ts'] }).errorsAfter.map((error) => `${error.line} TS${error.code}`)).toEqual(['5 TS2322', '5 TS18047']);
  });
});

describe('findMirroredTypes', () => {
  it('finds the row types that mirror the dataset, as written', () => {
    const changeSet: ChangeSet = { dataset: { name: 'users_v1', physicalName: 'analytics.users_v1' }, changes: [change] };
    expect(findMirroredTypes(texts, changeSet)).toEqual([
      { path: 'src/user-row.ts', name: 'UserRow', kind: 'interface', startLine: 2, endLine: 5, text: 'export interface UserRow {\n  user_id: number;\n  legacy_score: number | null;\n}' },
    ]);
  });
});
