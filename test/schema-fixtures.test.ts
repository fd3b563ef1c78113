import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { changeKinds, schemaFormats } from '../src/core/schema/index.js';
import { repoRoot, runCliCaptured } from './helpers/run-cli.js';

// Each fixtures/schemas/<case>/ holds old.<ext>, new.<ext>, and expected.json or expected-error.txt.
const casesDir = path.join(repoRoot, 'fixtures/schemas');

const changeSchema = z.strictObject({
  kind: z.enum(changeKinds),
  path: z.array(z.string()),
  from: z.string().optional(),
  to: z.string().optional(),
  severity: z.enum(['breaking', 'non-breaking', 'review']),
  evidence: z.enum(['identity', 'declared', 'heuristic']).optional(),
  detail: z.string().optional(),
});
const changeSetSchema = z.strictObject({
  dataset: z.strictObject({ name: z.string(), physicalName: z.string().optional() }),
  fromVersion: z.string().optional(),
  toVersion: z.string().optional(),
  changes: z.array(changeSchema),
});
const caseOptionsSchema = z.strictObject({ description: z.string().optional(), args: z.array(z.string()).default([]) });

type SchemaCase = { name: string; oldFile: string; newFile: string; args: string[]; expected: { json: string } | { error: string } };

function loadCases(): SchemaCase[] {
  if (!existsSync(casesDir)) return [];
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = path.join(casesDir, entry.name);
      const files = readdirSync(dir);
      const find = (prefix: string): string => {
        const file = files.find((candidate) => candidate.startsWith(`${prefix}.`));
        if (file === undefined) throw new Error(`fixtures/schemas/${entry.name} has no ${prefix}.* file`);
        return path.posix.join('fixtures/schemas', entry.name, file);
      };
      const optionsFile = path.join(dir, 'case.json');
      const options = caseOptionsSchema.parse(existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {});
      const expectedJson = path.join(dir, 'expected.json');
      const expectedError = path.join(dir, 'expected-error.txt');
      const expected = existsSync(expectedJson)
        ? { json: readFileSync(expectedJson, 'utf8') }
        : { error: readFileSync(expectedError, 'utf8').trim() };
      return { name: entry.name, oldFile: find('old'), newFile: find('new'), args: options.args, expected };
    });
}

function sortChanges(changeSet: z.infer<typeof changeSetSchema>): z.infer<typeof changeSetSchema> {
  const key = (change: object): string => JSON.stringify(change);
  return { ...changeSet, changes: [...changeSet.changes].sort((left, right) => key(left).localeCompare(key(right))) };
}

const cases = loadCases();

describe('schema fixture cases (downstream diff on fixtures/schemas)', () => {
  it('cover every format with at least 25 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const prefixes = new Set(cases.map((schemaCase) => schemaCase.name.split('-')[0]));
    for (const format of schemaFormats) expect(prefixes).toContain(format === 'protobuf' ? 'proto' : format === 'json-schema' ? 'json' : format);
  });

  it.each(cases.filter((schemaCase) => 'json' in schemaCase.expected))('$name: prints the expected change set', async (schemaCase) => {
    if (!('json' in schemaCase.expected)) return;
    const expected = changeSetSchema.parse(JSON.parse(schemaCase.expected.json));
    const run = await runCliCaptured(['diff', schemaCase.oldFile, schemaCase.newFile, '--format', 'json', ...schemaCase.args]);
    expect(run.stderr).toBe('');
    const actual = changeSetSchema.parse(JSON.parse(run.stdout));
    expect(sortChanges(actual)).toEqual(sortChanges(expected));
    const blocking = expected.changes.some((change) => change.severity !== 'non-breaking');
    expect(run.code).toBe(blocking ? 1 : 0);

    const text = await runCliCaptured(['diff', schemaCase.oldFile, schemaCase.newFile, ...schemaCase.args]);
    expect(text.code).toBe(run.code);
    for (const change of expected.changes) expect(text.stdout).toContain(change.kind);
  });

  it.each(cases.filter((schemaCase) => 'error' in schemaCase.expected))('$name: refuses with one precise line', async (schemaCase) => {
    if (!('error' in schemaCase.expected)) return;
    const run = await runCliCaptured(['diff', schemaCase.oldFile, schemaCase.newFile, '--format', 'json', ...schemaCase.args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd()).toBe(schemaCase.expected.error);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
