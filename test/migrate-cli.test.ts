import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { repoRoot, runCliCaptured } from './helpers/run-cli.js';

// `downstream migrate` end to end, on a copy of the accounts-zod consumer fixture.
const consumer = path.join(repoRoot, 'fixtures/consumers/accounts-zod');
const scenario = (name: string): string => path.join(consumer, 'scenarios', name);
let work = '';
let repo = '';

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'downstream-migrate-cli-'));
  repo = path.join(work, 'repo');
  await cp(path.join(consumer, 'repo'), repo, { recursive: true });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('downstream migrate', () => {
  it('prints the patch and changes nothing on a dry run; exit 0 when every site is fixed', async () => {
    const run = await runCliCaptured(['migrate', '--repo', repo, '--changes', path.join(scenario('rename-user-id'), 'changes.json')]);
    const expectedDiff = await readFile(path.join(scenario('rename-user-id'), 'expected.diff'), 'utf8');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.startsWith(expectedDiff)).toBe(true);
    expect(run.stdout).toContain('No leftovers');
    expect(await readFile(path.join(repo, 'src/users/user-row.ts'), 'utf8')).toContain('  user_id: string;');
  });

  it('applies the patch with --write', async () => {
    const run = await runCliCaptured(['migrate', '--repo', repo, '--changes', path.join(scenario('rename-user-id'), 'changes.json'), '--write']);
    expect(run.code).toBe(0);
    expect(await readFile(path.join(repo, 'src/users/user-row.ts'), 'utf8')).toContain('  account_id: string;');
    const again = await runCliCaptured(['migrate', '--repo', repo, '--changes', path.join(scenario('rename-user-id'), 'changes.json')]);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('0 file(s) to patch') });
  });

  it('exits 1 and lists every site when leftovers remain', async () => {
    const run = await runCliCaptured(['migrate', '--repo', repo, '--changes', path.join(scenario('remove-legacy-score'), 'changes.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('src/users/user-service.ts:37  field.removed legacy_score  uses `legacy_score`');
  });

  it('diffs two schema versions first, and uses their fields to recognise row types by structure', async () => {
    const schemas = path.join(consumer, 'schemas');
    const run = await runCliCaptured(['migrate', '--repo', repo, '--from', path.join(schemas, 'users-v1.old.sql'), '--to', path.join(schemas, 'users-v1.new.sql')]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(await readFile(path.join(scenario('rename-with-known-fields'), 'expected.diff'), 'utf8'))).toBe(true);
  });

  it('prints the result as JSON with --format json', async () => {
    const run = await runCliCaptured(['migrate', '--repo', repo, '--changes', path.join(scenario('remove-legacy-score'), 'changes.json'), '--format', 'json']);
    const parsed = z.object({ written: z.boolean(), edits: z.array(z.unknown()), leftovers: z.array(z.object({ path: z.string(), line: z.number() })), verified: z.object({ status: z.string() }) }).parse(JSON.parse(run.stdout));
    expect(parsed.leftovers.map((leftover) => `${leftover.path}:${leftover.line}`)).toContain('src/users/user-schema.ts:9');
  });

  it.each([
    ['no --repo', () => ['migrate', '--changes', 'x.json'], '--repo PATH is required'],
    ['neither --changes nor --from/--to', () => ['migrate', '--repo', repo], 'give --changes'],
    ['--from without --to', () => ['migrate', '--repo', repo, '--from', 'a.sql'], 'give --changes'],
    ['an unknown format', () => ['migrate', '--repo', repo, '--changes', 'x.json', '--format', 'xml'], 'unknown format "xml"'],
    ['--dry-run with --write', () => ['migrate', '--repo', repo, '--changes', 'x.json', '--dry-run', '--write'], 'exclude each other'],
    ['a repo that is not a directory', () => ['migrate', '--repo', path.join(work, 'missing'), '--changes', 'x.json'], 'not a directory'],
    ['a missing change set', () => ['migrate', '--repo', repo, '--changes', path.join(work, 'missing.json')], 'missing.json: no such file'],
  ])('exits 2 with one line on bad input: %s', async (_label, argv, message) => {
    const run = await runCliCaptured(argv());
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toContain(message);
  });

  it.each([
    ['not JSON', '{ nope', 'not valid JSON'],
    ['not a ChangeSet', '{ "dataset": { "name": "users" }, "changes": [{ "kind": "field.exploded", "path": [], "severity": "breaking" }] }', 'not a ChangeSet at changes.0.kind'],
  ])('exits 2 naming the file when the change set is %s', async (_label, text, message) => {
    const file = path.join(work, 'changes.json');
    await writeFile(file, text);
    const run = await runCliCaptured(['migrate', '--repo', repo, '--changes', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${file}: ${message}`);
  });
});
