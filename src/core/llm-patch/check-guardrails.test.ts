import { describe, expect, it } from 'vitest';
import { checkGuardrails } from './check-guardrails.js';
import { buildEdit, readerOf } from './testing/build-edits.js';

const source = 'export function scoreLine(row: Row): string {\n  return `${row.email}: ${row.legacy_score ?? 0}`;\n}\n';
const testFile = [
  "import { describe, expect, it } from 'vitest';",
  "describe('scoreLine', () => {",
  "  it('shows the score', () => {",
  "    expect(scoreLine(row)).toEqual('a: 3');",
  "    expect(scoreLine(empty)).toBe('b: 0');",
  '  });',
  "  it('shows the email', () => {",
  "    expect(scoreLine(row)).toContain('a');",
  '  });',
  '});',
  '',
].join('\n');
const helperTest = "import test from 'node:test';\nimport assert from 'node:assert';\ntest('reads rows', () => {\n  assert.equal(read().legacy_score, 3);\n});\n";
const files = {
  'src/score.ts': source,
  'src/score.test.ts': testFile,
  'lib/checks.js': helperTest,
  'src/other.ts': 'export const other = 1;\n',
  '.github/workflows/ci.yml': 'steps:\n  - run: npm test\n',
  '.sandbox-ci': 'npx tsc --noEmit -p .\n',
  'package.json': '{ "dependencies": { "zod": "^4.0.0" } }\n',
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n',
  'pnpm-lock.yaml': 'lockfileVersion: 9\n',
  'src/.env': 'TOKEN=x\n',
};
const touched = new Set(['src/score.ts', 'src/score.test.ts', 'lib/checks.js', '.github/workflows/ci.yml', '.sandbox-ci', 'package.json', 'package-lock.json', 'tsconfig.json', 'pnpm-lock.yaml', 'src/.env']);

function refuse(edit: ReturnType<typeof buildEdit>, options: { consumerPaths?: string[]; touchedFiles?: Set<string> } = {}): string[] {
  return checkGuardrails({ edits: [edit], readText: readerOf(files), touchedFiles: options.touchedFiles ?? touched, consumerPaths: options.consumerPaths, changeIds: ['field.removed legacy_score'] }).map((refusal) => `${refusal.rule}: ${refusal.reason}`);
}

describe('checkGuardrails', () => {
  it('lets a small edit of a touched source file through', () => {
    expect(refuse(buildEdit('src/score.ts', source, ': ${row.legacy_score ?? 0}', ''))).toEqual([]);
  });

  it.each([
    ['.github/workflows/ci.yml', '  - run: npm test', '  - run: true', 'CI workflows and repository settings (.github/) are never edited'],
    ['.sandbox-ci', 'npx tsc --noEmit -p .', 'true', 'CI configuration is never edited'],
    ['package.json', '"zod": "^4.0.0"', '"zod": "^3.0.0"', 'dependency manifests are never edited'],
    ['package-lock.json', '3', '2', 'lockfiles are never edited'],
    ['pnpm-lock.yaml', '9', '8', 'lockfiles are never edited'],
    ['tsconfig.json', '"strict": true', '"strict": false', 'compiler, test-runner and lint settings are never edited'],
    ['src/.env', 'TOKEN=x', 'TOKEN=y', 'environment files are never edited'],
  ])('refuses any edit of %s', (file, original, replacement, reason) => {
    expect(refuse(buildEdit(file, files[file as keyof typeof files], original, replacement))).toEqual([`protected-path: edit 1 (${file}): ${reason}`]);
  });

  it('refuses a file the change set does not touch unless it lies in the consumer paths', () => {
    const edit = buildEdit('src/other.ts', files['src/other.ts'], '1', '2');
    expect(refuse(edit)).toEqual(['target: edit 1 (src/other.ts): the file is neither touched by this change set nor inside the paths the consumer declared']);
    expect(refuse(edit, { consumerPaths: ['src/**'] })).toEqual([]);
    expect(refuse(edit, { consumerPaths: ['lib/**'] })).toHaveLength(1);
  });

  it('refuses an edit made for another change than the one asked for', () => {
    const edit = buildEdit('src/score.ts', source, 'row.email', 'row.mail', 'field.renamed user_email');
    expect(refuse(edit)).toEqual(['change: edit 1 (src/score.ts): it names the change "field.renamed user_email"; only "field.removed legacy_score" may be made here']);
  });

  it.each([
    ['a @ts-ignore', '  return `${row.email}: ${row.legacy_score ?? 0}`;', '  // @ts-ignore\n  return `${row.email}: ${row.legacy_score ?? 0}`;', 'suppression: edit 1 (src/score.ts): it adds a @ts-ignore / @ts-expect-error / @ts-nocheck comment'],
    ['an any cast', 'row.legacy_score', '(row as any).legacy_score', 'suppression: edit 1 (src/score.ts): it adds an `any` cast or annotation'],
    ['an eslint-disable', '  return', '  // eslint-disable-next-line\n  return', 'suppression: edit 1 (src/score.ts): it adds a lint suppression'],
    ['a commented-out line', '  return `${row.email}: ${row.legacy_score ?? 0}`;', '  // return `${row.email}: ${row.legacy_score ?? 0}`;\n  return `${row.email}`;', 'commented-out: edit 1 (src/score.ts): comments code out instead of changing it'],
    ['a block comment around code', '  return `${row.email}: ${row.legacy_score ?? 0}`;', '  /*\n  return `${row.email}: ${row.legacy_score ?? 0}`;\n  */\n  return ``;', 'commented-out: edit 1 (src/score.ts): adds a block comment across lines (commenting code out is not a fix)'],
  ])('refuses an edit that adds %s', (_what, original, replacement, refusal) => {
    expect(refuse(buildEdit('src/score.ts', source, original, replacement))).toEqual([refusal]);
  });

  it.each([
    ['deletes a test', "  it('shows the email', () => {\n    expect(scoreLine(row)).toContain('a');\n  });\n", '', ['deletes a test', 'removes an assertion']],
    ['skips a test', "  it('shows the score', () => {", "  it.skip('shows the score', () => {", ['skips or focuses a test (.skip, .only, .todo, xit)']],
    ['turns a test into xit', "  it('shows the email'", "  xit('shows the email'", ['skips or focuses a test (.skip, .only, .todo, xit)']],
    ['focuses a test', "  it('shows the email'", "  it.only('shows the email'", ['skips or focuses a test (.skip, .only, .todo, xit)']],
    ['removes an assertion', "    expect(scoreLine(empty)).toBe('b: 0');\n", '', ['removes an assertion']],
    ['weakens a matcher', "expect(scoreLine(row)).toEqual('a: 3')", 'expect(scoreLine(row)).toBeDefined()', ['weakens an assertion']],
    ['trades toBe for toBeTruthy', "toBe('b: 0')", 'toBeTruthy()', ['weakens an assertion']],
  ])('refuses an edit of a test that %s', (_what, original, replacement, weakenings) => {
    expect(refuse(buildEdit('src/score.test.ts', testFile, original, replacement))).toEqual(weakenings.map((weakening) => `test-integrity: src/score.test.ts is a test, and the edit ${weakening}`));
  });

  it('finds tests by content outside test folders, and lets a test follow the schema while keeping its strength', () => {
    expect(refuse(buildEdit('lib/checks.js', helperTest, '  assert.equal(read().legacy_score, 3);\n', ''))).toEqual(['test-integrity: lib/checks.js is a test, and the edit removes an assertion']);
    expect(refuse(buildEdit('src/score.test.ts', testFile, "toEqual('a: 3')", "toEqual('a')"))).toEqual([]);
  });

  it('caps the size of a patch per file and in total', () => {
    const big = `${'x'.repeat(10)}\n`.repeat(80);
    const text = `${big}end\n`;
    const refusals = checkGuardrails({ edits: [buildEdit('src/big.ts', text, big, '')], readText: readerOf({ 'src/big.ts': text }), touchedFiles: new Set(['src/big.ts']), consumerPaths: undefined, changeIds: ['field.removed legacy_score'], caps: { fileChars: 4_000, fileLines: 60, patchChars: 500, patchLines: 150 } });
    expect(refusals.map((refusal) => refusal.reason)).toEqual([
      'src/big.ts: the edits change 81 line(s), 880 character(s); at most 60 lines and 4000 characters per file',
      'the patch changes 81 line(s), 880 character(s); at most 150 lines and 500 characters per patch',
    ]);
  });
});
