import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FileEdit, Leftover, MigrationResult } from '../src/core/codemods/index.js';
import { migrate, renderMigrationDiff } from '../src/core/codemods/index.js';
import { createDiskCheckout } from '../src/adapters/checkout/index.js';
import { builtinTransforms } from '../transforms/index.js';
import { changeSetSchema } from './helpers/change-set-schema.js';
import { repoRoot } from './helpers/run-cli.js';
import { findTypeErrors } from './helpers/find-type-errors.js';

// Layout: fixtures/consumers/README.md. DOWNSTREAM_UPDATE_FIXTURES=1 rewrites the expected files
// from the current output instead of comparing; review every diff it makes before committing.
const consumersDir = path.join(repoRoot, 'fixtures/consumers');
const updating = process.env.DOWNSTREAM_UPDATE_FIXTURES === '1';

const optionsSchema = z.strictObject({
  description: z.string().optional(),
  physicalName: z.string().optional(),
  paths: z.array(z.string()).optional(),
  fieldNames: z.array(z.string()).optional(),
});
const expectedLeftoverSchema = z.strictObject({ path: z.string(), line: z.number(), kind: z.string(), field: z.string(), reason: z.string().optional() });
const decoySchema = z.strictObject({ file: z.string(), snippet: z.string().optional() });

type Scenario = { consumer: string; name: string; dir: string; repo: string };

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function listScenarios(): Scenario[] {
  if (!existsSync(consumersDir)) return [];
  const scenarios: Scenario[] = [];
  for (const consumer of readdirSync(consumersDir, { withFileTypes: true })) {
    const scenariosDir = path.join(consumersDir, consumer.name, 'scenarios');
    if (!consumer.isDirectory() || !existsSync(scenariosDir)) continue;
    for (const scenario of readdirSync(scenariosDir, { withFileTypes: true })) {
      if (!scenario.isDirectory()) continue;
      scenarios.push({ consumer: consumer.name, name: scenario.name, dir: path.join(scenariosDir, scenario.name), repo: path.join(consumersDir, consumer.name, 'repo') });
    }
  }
  return scenarios;
}

function describeLeftover(leftover: Leftover): z.infer<typeof expectedLeftoverSchema> {
  return { path: leftover.path, line: leftover.line, kind: leftover.change.kind, field: leftover.change.path.join('.'), reason: leftover.reason };
}

function afterText(edits: readonly FileEdit[], repo: string, file: string): string {
  return edits.find((edit) => edit.path === file)?.after ?? readFileSync(path.join(repo, file), 'utf8');
}

function countOccurrences(text: string, snippet: string): number {
  return text.split(snippet).length - 1;
}

async function runScenario(scenario: Scenario): Promise<MigrationResult> {
  const changeSet = changeSetSchema.parse(readJson(path.join(scenario.dir, 'changes.json')));
  const optionsFile = path.join(scenario.dir, 'options.json');
  const { description: _description, ...options } = optionsSchema.parse(existsSync(optionsFile) ? readJson(optionsFile) : {});
  return migrate(createDiskCheckout(scenario.repo), changeSet, { transforms: builtinTransforms, ...options });
}

const scenarios = listScenarios();

describe('consumer fixtures: migrate patches exactly what is expected and nothing else', () => {
  it('has consumers to run', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it.each(scenarios.map((scenario) => [`${scenario.consumer}/${scenario.name}`, scenario] as const))('%s', async (_label, scenario) => {
    const result = await runScenario(scenario);
    const diff = renderMigrationDiff(result.edits);
    const leftovers = result.leftovers.map(describeLeftover);
    const diffFile = path.join(scenario.dir, 'expected.diff');
    const leftoversFile = path.join(scenario.dir, 'expected-leftovers.json');
    if (updating) {
      writeFileSync(diffFile, diff);
      writeFileSync(leftoversFile, `${JSON.stringify(leftovers, null, 2)}\n`);
    }

    expect(diff).toBe(readFileSync(diffFile, 'utf8'));
    const expected = z.array(expectedLeftoverSchema).parse(readJson(leftoversFile));
    expect(leftovers.map(({ reason: _reason, ...site }) => site)).toEqual(expected.map(({ reason: _reason, ...site }) => site));
    expected.forEach((entry, index) => {
      if (entry.reason !== undefined) expect(leftovers[index]?.reason).toContain(entry.reason);
    });

    const decoysFile = path.join(scenario.repo, '..', 'decoys.json');
    for (const decoy of z.array(decoySchema).parse(existsSync(decoysFile) ? readJson(decoysFile) : [])) {
      const before = readFileSync(path.join(scenario.repo, decoy.file), 'utf8');
      const after = afterText(result.edits, scenario.repo, decoy.file);
      if (decoy.snippet === undefined) expect(after, `decoy ${decoy.file} changed`).toBe(before);
      else {
        expect(countOccurrences(before, decoy.snippet), `decoy snippet missing from ${decoy.file}`).toBeGreaterThan(0);
        expect(countOccurrences(after, decoy.snippet), `decoy snippet in ${decoy.file} changed`).toBe(countOccurrences(before, decoy.snippet));
      }
    }

    if (existsSync(path.join(scenario.repo, 'tsconfig.json'))) {
      expect(findTypeErrors(scenario.repo, new Map()), 'the fixture repo must type-check as it is').toEqual([]);
      const patched = new Map(result.edits.map((edit) => [edit.path, edit.after]));
      const listed = new Set(result.leftovers.map((leftover) => `${leftover.path}:${leftover.line}`));
      const unlisted = findTypeErrors(scenario.repo, patched).filter((error) => !listed.has(`${error.path}:${error.line}`));
      expect(unlisted, 'the patch adds type errors that are not listed as leftovers').toEqual([]);
    }
  });
});
