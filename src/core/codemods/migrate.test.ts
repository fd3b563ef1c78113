import { describe, expect, it } from 'vitest';
import type { Change, ChangeSet } from '../schema/index.js';
import type { TextEdit, Transform, TransformContext, TransformResult } from './transform.js';
import { createMemoryCheckout } from './checkout.js';
import { migrate } from './migrate.js';

const tsconfig = '{ "compilerOptions": { "lib": ["ES2022"], "strict": true, "module": "NodeNext", "moduleResolution": "NodeNext" } }';
const rename: Change = { kind: 'field.renamed', path: ['user_id'], from: 'user_id', to: 'userId', severity: 'breaking', evidence: 'declared' };
const retype: Change = { kind: 'field.type-changed', path: ['age'], from: 'int', to: 'string', severity: 'breaking' };

function changeSetOf(...changes: Change[]): ChangeSet {
  return { dataset: { name: 'users', physicalName: 'analytics.users' }, changes };
}

function checkoutOf(files: Record<string, string>): ReturnType<typeof createMemoryCheckout> {
  return createMemoryCheckout({ 'tsconfig.json': tsconfig, ...files });
}

/** A transform for tests: proposes the edits `plan` computes from the context. */
function transformOf(id: string, plan: (context: TransformContext) => Partial<TransformResult>, extra: Partial<Transform> = {}): Transform {
  return { id, handles: (change) => change.kind !== 'field.added', apply: (context) => ({ edits: [], leftovers: [], ...plan(context) }), ...extra };
}

/** An edit replacing the `occurrence`-th match of `find` in a file's text. */
function replace(context: TransformContext, path: string, find: string, text: string, transform = 'rename'): TextEdit {
  const source = context.files.find((file) => file.path === path)?.text ?? '';
  const start = source.indexOf(find);
  return { path, start, end: start + find.length, text, transform, change: context.changes[0] ?? rename };
}

const row = 'export interface UserRow { user_id: string; age: number }\n';
const use = "import type { UserRow } from './row.js';\nexport function key(row: UserRow): string {\n  return row.user_id;\n}\n";

describe('migrate', () => {
  it('parses only the files that mention a changed name, and hands transforms only those', async () => {
    let seen: string[] = [];
    const spy = transformOf('spy', (context) => {
      seen = context.files.map((file) => file.path);
      return {};
    });
    const result = await migrate(checkoutOf({ 'src/row.ts': row, 'src/use.ts': use, 'src/other.ts': 'export const answer = 42;\n' }), changeSetOf(rename), { transforms: [spy] });
    expect(seen).toEqual(['src/row.ts', 'src/use.ts']);
    expect(result.stats.candidates).toBe(2);
  });

  it('reads nothing into a program when no transform handles any change', async () => {
    const added: Change = { kind: 'field.added', path: ['locale'], severity: 'non-breaking' };
    const result = await migrate(checkoutOf({ 'src/row.ts': row }), changeSetOf(added), { transforms: [transformOf('spy', () => ({}))] });
    expect(result).toMatchObject({ edits: [], leftovers: [], verified: { status: 'skipped' } });
    expect(result.stats.filesParsed).toBe(0);
  });

  it('splices a complete rename and verifies it', async () => {
    const complete = transformOf('rename', (context) => ({ edits: [replace(context, 'src/row.ts', 'user_id', 'userId'), replace(context, 'src/use.ts', 'user_id', 'userId')] }));
    const result = await migrate(checkoutOf({ 'src/row.ts': row, 'src/use.ts': use }), changeSetOf(rename), { transforms: [complete] });
    expect(result.edits.map((edit) => edit.path)).toEqual(['src/row.ts', 'src/use.ts']);
    expect(result.edits[1]?.after).toContain('return row.userId;');
    expect(result.verified).toMatchObject({ status: 'passed', withheld: [] });
    expect(result.leftovers).toEqual([]);
  });

  it('verifies without the consumer\'s dependencies installed: errors from missing modules cancel out', async () => {
    const usePg = "import { Pool } from 'pg';\nimport type { UserRow } from './row.js';\nexport const pool = new Pool();\nexport function key(row: UserRow): string {\n  return row.user_id;\n}\n";
    const complete = transformOf('rename', (context) => ({ edits: [replace(context, 'src/row.ts', 'user_id', 'userId'), replace(context, 'src/use.ts', 'user_id', 'userId')] }));
    const result = await migrate(checkoutOf({ 'src/row.ts': row, 'src/use.ts': usePg }), changeSetOf(rename), { transforms: [complete] });
    expect(result.verified).toMatchObject({ status: 'passed', newErrors: [], withheld: [] });
    expect(result.edits).toHaveLength(2);
  });

  it('withholds a rename that would add a type error and lists its sites with the error', async () => {
    const partial = transformOf('rename', (context) => ({ edits: [replace(context, 'src/row.ts', 'user_id', 'userId')] }));
    const result = await migrate(checkoutOf({ 'src/row.ts': row, 'src/use.ts': use }), changeSetOf(rename), { transforms: [partial] });
    expect(result.edits).toEqual([]);
    expect(result.verified.withheld.map((entry) => entry.change)).toEqual([rename]);
    expect(result.leftovers).toEqual([{ path: 'src/row.ts', line: 1, change: rename, reason: expect.stringContaining('type error at src/use.ts:3 (TS2551') }]);
  });

  it('keeps a good rename when another change in the same run would break the build', async () => {
    const other: Change = { kind: 'field.renamed', path: ['age'], from: 'age', to: 'years', severity: 'breaking' };
    const both = transformOf('rename', (context) => ({
      edits: [
        replace(context, 'src/row.ts', 'user_id', 'userId'),
        replace(context, 'src/use.ts', 'user_id', 'userId'),
        { ...replace(context, 'src/row.ts', 'age', 'years'), change: other },
      ],
    }));
    const useAge = `${use}export function age(row: UserRow): number {\n  return row.age;\n}\n`;
    const result = await migrate(checkoutOf({ 'src/row.ts': row, 'src/use.ts': useAge }), changeSetOf(rename, other), { transforms: [both] });
    expect(result.edits.flatMap((edit) => edit.edits.map((entry) => entry.change.to))).toEqual(['userId', 'userId']);
    expect(result.verified.withheld.map((entry) => entry.change.to)).toEqual(['years']);
  });

  it('keeps a type change and lists every use that stops type-checking, on its patched line', async () => {
    const retyping = transformOf('retype', (context) => ({ edits: [replace(context, 'src/row.ts', 'number', 'string')] }));
    const useAge = "import type { UserRow } from './row.js';\nexport function double(row: UserRow): number {\n  return row.age * 2;\n}\n";
    const result = await migrate(checkoutOf({ 'src/row.ts': row, 'src/age.ts': useAge }), changeSetOf(retype), { transforms: [retyping] });
    expect(result.edits.map((edit) => edit.after)).toEqual(['export interface UserRow { user_id: string; age: string }\n']);
    expect(result.verified.status).toBe('failed');
    expect(result.leftovers).toEqual([{ path: 'src/age.ts', line: 3, change: retype, reason: expect.stringContaining('no longer type-checks') }]);
  });

  it('withholds edits that overlap with different results, whoever proposed them', async () => {
    const first = transformOf('first', (context) => ({ edits: [replace(context, 'src/row.ts', 'user_id', 'userId', 'first')] }));
    const second = transformOf('second', (context) => ({ edits: [replace(context, 'src/row.ts', 'user_id', 'user_key', 'second')] }));
    const result = await migrate(checkoutOf({ 'src/row.ts': row }), changeSetOf(rename), { transforms: [first, second] });
    expect(result.edits).toEqual([]);
    expect(result.leftovers).toEqual([{ path: 'src/row.ts', line: 1, change: rename, reason: 'withheld: first and second proposed different edits for the same text' }]);
  });

  it('lets a transform refuse what it wrote when it does not re-parse', async () => {
    const sql = "export const query = 'SELECT user_id FROM analytics.users';\n";
    const broken = transformOf('sql', (context) => ({ edits: [replace(context, 'src/query.ts', 'user_id', 'userId FROM', 'sql')] }), {
      reparse: (input) => (input.after.includes('FROM FROM') ? input.edits.map((placed) => ({ edit: placed.edit, reason: 'the query no longer parses' })) : []),
    });
    const result = await migrate(checkoutOf({ 'src/query.ts': sql }), changeSetOf(rename), { transforms: [broken] });
    expect(result.edits).toEqual([]);
    expect(result.leftovers).toEqual([{ path: 'src/query.ts', line: 1, change: rename, reason: 'withheld: the query no longer parses' }]);
  });

  it('withholds an edit that breaks the syntax even without type verification', async () => {
    const broken = transformOf('broken', (context) => ({ edits: [replace(context, 'src/row.ts', 'user_id', 'user id')] }));
    const result = await migrate(checkoutOf({ 'src/row.ts': row }), changeSetOf(rename), { transforms: [broken], verify: false });
    expect(result.edits).toEqual([]);
    expect(result.leftovers[0]?.reason).toMatch(/^withheld: the edit would not parse/);
  });

  it('makes no edit outside the consumer paths and lists the site instead', async () => {
    // The transform knows the file from its own analysis (as a language-service rename would).
    const start = use.indexOf('user_id');
    const outside = transformOf('rename', () => ({ edits: [{ path: 'src/use.ts', start, end: start + 7, text: 'userId', transform: 'rename', change: rename }] }));
    const result = await migrate(checkoutOf({ 'src/row.ts': row, 'src/use.ts': use }), changeSetOf(rename), { transforms: [outside], paths: ['lib/**'] });
    expect(result.edits).toEqual([]);
    expect(result.leftovers).toEqual([{ path: 'src/use.ts', line: 3, change: rename, reason: expect.stringContaining('outside the paths') }]);
  });

  it('points leftovers at the line they have in the patched file', async () => {
    const text = '// header\nexport const a = 1;\nexport const user_id = 2;\n';
    const shifting = transformOf('shift', (context) => ({
      edits: [replace(context, 'src/a.ts', '// header\n', '// header\n// added\n')],
      leftovers: [{ path: 'src/a.ts', line: 3, change: rename, reason: 'look here' }],
    }));
    const result = await migrate(checkoutOf({ 'src/a.ts': text }), changeSetOf(rename), { transforms: [shifting] });
    expect(result.leftovers).toEqual([{ path: 'src/a.ts', line: 4, change: rename, reason: 'look here' }]);
  });

  it('lists one leftover per line and change, in the words of the first transform', async () => {
    const site = { path: 'src/row.ts', line: 1, change: rename };
    const result = await migrate(checkoutOf({ 'src/row.ts': row }), changeSetOf(rename), {
      transforms: [transformOf('a', () => ({ leftovers: [{ ...site, reason: 'first' }] })), transformOf('b', () => ({ leftovers: [{ ...site, reason: 'second' }] }))],
    });
    expect(result.leftovers).toEqual([{ ...site, reason: 'first' }]);
  });
});
