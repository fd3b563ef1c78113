import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../src/core/schema/index.js';
import { changeKinds } from '../src/core/schema/index.js';
import type { Transform, TransformContext } from '../src/core/codemods/index.js';
import { changeKey, createMemoryCheckout, migrate } from '../src/core/codemods/index.js';
import { changeSetSchema } from '../test/helpers/change-set-schema.js';
import { builtinTransforms } from './index.js';

// Every built-in transform, held to the contract of src/core/codemods/transform.ts (DESIGN §3).
const consumersDir = path.resolve(import.meta.dirname, '../fixtures/consumers');

function sampleChange(kind: Change['kind']): Change {
  return { kind, path: kind.startsWith('dataset.') ? [] : ['user_id'], from: 'user_id', to: 'account_id', severity: 'breaking' };
}

type Violation = string;

function programTexts(context: TransformContext): { program: unknown; texts: string[] } {
  const program = context.project.getLanguageService().compilerObject.getProgram();
  return { program, texts: (program?.getSourceFiles() ?? []).filter((file) => !file.fileName.startsWith('/node_modules/')).map((file) => file.text) };
}

/** The transform, wrapped so every call is checked against the contract. */
function observed(transform: Transform, violations: Violation[]): Transform {
  return {
    ...transform,
    async apply(context) {
      const before = programTexts(context);
      const result = await transform.apply(context);
      const after = programTexts(context);
      if (after.program !== before.program || after.texts.join('\0') !== before.texts.join('\0')) violations.push(`${transform.id} changed the project`);
      const claimed = new Set(context.changes.map(changeKey));
      for (const edit of result.edits) {
        if (edit.transform !== transform.id) violations.push(`${transform.id} credited an edit to ${edit.transform}`);
        if (!claimed.has(changeKey(edit.change))) violations.push(`${transform.id} edited for a change it was not given: ${edit.change.kind}`);
        if (edit.change.kind === 'field.removed' || edit.change.kind === 'field.suspected-rename') violations.push(`${transform.id} edited code for ${edit.change.kind}`);
      }
      for (const leftover of result.leftovers) {
        if (!claimed.has(changeKey(leftover.change)) || leftover.line < 1 || leftover.reason.trim() === '') violations.push(`${transform.id} returned a malformed leftover at ${leftover.path}:${leftover.line}`);
      }
      return result;
    },
  };
}

// Read with node:fs here: transforms sit above core and below the adapters.
function readRepo(repo: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(repo, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[path.relative(repo, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')] = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return files;
}

function listScenarios(): { label: string; repo: string; changes: string }[] {
  if (!existsSync(consumersDir)) return [];
  return readdirSync(consumersDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(consumersDir, entry.name, 'scenarios')))
    .flatMap((consumer) =>
      readdirSync(path.join(consumersDir, consumer.name, 'scenarios')).map((scenario) => ({
        label: `${consumer.name}/${scenario}`,
        repo: path.join(consumersDir, consumer.name, 'repo'),
        changes: path.join(consumersDir, consumer.name, 'scenarios', scenario, 'changes.json'),
      })),
    );
}

describe('built-in transforms', () => {
  it('have unique kebab-case ids', () => {
    const ids = builtinTransforms.map((transform) => transform.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it.each(builtinTransforms.map((transform) => [transform.id, transform] as const))('%s answers handles() for every change kind and claims no addition', (_id, transform) => {
    for (const kind of changeKinds) expect(typeof transform.handles(sampleChange(kind))).toBe('boolean');
    for (const kind of ['field.added', 'enum.value-added', 'metadata.changed'] as const) expect(transform.handles(sampleChange(kind))).toBe(false);
  });

  it('are handed every consumer change they claim, and at least one transform claims each kind a consumer must act on', () => {
    for (const kind of ['field.renamed', 'field.removed', 'field.suspected-rename', 'field.type-changed', 'dataset.renamed'] as const) {
      expect(builtinTransforms.some((transform) => transform.handles(sampleChange(kind))), kind).toBe(true);
    }
  });

  it.each(listScenarios().map((scenario) => [scenario.label, scenario] as const))('keep the contract on %s, and a second run changes nothing', async (_label, scenario) => {
    const violations: Violation[] = [];
    const changeSet = changeSetSchema.parse(JSON.parse(readFileSync(scenario.changes, 'utf8')));
    const transforms = builtinTransforms.map((transform) => observed(transform, violations));
    const files = readRepo(scenario.repo);
    const first = await migrate(createMemoryCheckout(files), changeSet, { transforms });
    expect(violations).toEqual([]);
    if (first.edits.length === 0) return;
    for (const edit of first.edits) files[edit.path] = edit.after;
    const second = await migrate(createMemoryCheckout(files), changeSet, { transforms });
    expect(second.edits.map((edit) => edit.path)).toEqual([]);
  });
});
