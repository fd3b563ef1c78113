import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { createDiskCheckout } from '../../src/adapters/checkout/index.js';
import { createLlmClient } from '../../src/adapters/llm/index.js';
import { ensureMigration, ensureRun } from '../../src/adapters/store/index.js';
import type { Db } from '../../src/adapters/store/index.js';
import { runVerifyCommand } from '../../src/adapters/verify/index.js';
import type { MigrationResult } from '../../src/core/codemods/index.js';
import { migrate } from '../../src/core/codemods/index.js';
import type { ChangeSet } from '../../src/core/schema/index.js';
import { createLogger } from '../../src/entrypoints/runtime/create-logger.js';
import type { LlmPatchDeps } from '../../src/workflows/llm/index.js';
import { builtinTransforms } from '../../transforms/index.js';
import { demoFixtures } from './e2e-app.js';
import { makeTempDir, writeFiles } from './git-repos.js';
import { at, buildMigrationInput, buildRunInput } from './store-builders.js';

/** The demo change: `user_email` renamed to `email` (declared), `legacy_score` removed. */
export const demoChangeSet: ChangeSet = {
  dataset: { name: 'users_v1', physicalName: 'analytics.users_v1' },
  fromVersion: '1',
  toVersion: '1',
  changes: [
    { kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email', severity: 'breaking', evidence: 'declared' },
    { kind: 'field.removed', path: ['legacy_score'], severity: 'breaking' },
  ],
};

/** A copy of the growth-reports consumer (the codemods cannot remove `legacy_score` for it), with extra files. */
export function copyGrowthReports(extra: Record<string, string> = {}): string {
  const dir = path.join(makeTempDir('downstream-llm-'), 'growth-reports');
  cpSync(path.join(demoFixtures, 'org/acme/growth-reports'), dir, { recursive: true });
  writeFiles(dir, extra);
  return dir;
}

/** Every file under `dir` with its text, to prove nothing was written. */
export function snapshotDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string): void => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const entry = path.posix.join(relative, name);
      if (statSync(path.join(dir, entry)).isDirectory()) walk(entry);
      else files[entry] = readFileSync(path.join(dir, entry), 'utf8');
    }
  };
  walk('');
  return files;
}

/** The codemods' result for a checkout, as patch-consumer gets it. */
export function runCodemods(dir: string, changeSet: ChangeSet = demoChangeSet): Promise<MigrationResult> {
  return migrate(createDiskCheckout(dir), changeSet, { transforms: builtinTransforms });
}

/** A migration and a run in the store, for usage rows to belong to. */
export async function seedRun(db: Db, seed: number): Promise<{ migrationId: string; runId: string }> {
  const { migration } = await ensureMigration(db, buildMigrationInput({ afterSha: String(seed).padStart(40, '0'), changeSet: demoChangeSet }));
  const { run } = await ensureRun(db, buildRunInput(migration.id));
  return { migrationId: migration.id, runId: run.id };
}

/** Loop deps over the real client against the scripted server; `scenario` is the model name the server replays. */
export function buildLoopDeps(db: Db, input: { baseUrl: string; scenario: string; timeoutMs?: number; maxRetries?: number }): LlmPatchDeps {
  return {
    db,
    llm: createLlmClient({ baseUrl: input.baseUrl, apiKey: 'test-key', model: input.scenario }, { timeoutMs: input.timeoutMs ?? 10_000, maxRetries: input.maxRetries ?? 0 }),
    logger: createLogger({ level: 'silent' }),
    now: () => at(0),
    runVerifyCommand,
    verifyTimeoutMs: 60_000,
  };
}

/** A JSON reply of edits, as a model would write it. */
export function editsReply(edits: readonly { file: string; original: string; replacement: string; change: string; reason?: string }[], handOff: readonly { file: string; line: number; diagnosis: string }[] = []): { content: string } {
  return { content: JSON.stringify({ edits: edits.map((edit) => ({ reason: 'scripted', ...edit })), ...(handOff.length === 0 ? {} : { handOff }) }) };
}

/** The verified fixes for growth-reports: drop the now-useless alias, then every use of `legacy_score`. */
export const growthFixes = {
  alias: { file: 'src/reports/weekly-report.ts', original: 'u.email AS user_email', replacement: 'u.email', change: 'field.renamed user_email' },
  rowType: { file: 'src/reports/user-schema.ts', original: '  legacy_score: z.number().nullable(),\n', replacement: '', change: 'field.removed legacy_score' },
  query: { file: 'src/reports/weekly-report.ts', original: ', u.legacy_score', replacement: '', change: 'field.removed legacy_score' },
  use: { file: 'src/reports/weekly-report.ts', original: ': ${row.legacy_score ?? 0}', replacement: '', change: 'field.removed legacy_score' },
} as const;
