import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import type { DatabaseContext } from '../../../test/helpers/databases.js';
import { at, buildMigrationInput, buildRunInput, sha } from '../../../test/helpers/store-builders.js';
import {
  clearRepoOptOut, countRunRepair, ensureMigration, ensureRun, findMigration, findRepoOptOut, findRun, listEvents, recordLlmUsage,
  reserveContentCalls, setPromoteRequested, setRepoOptOut, setRunEditedBy, setRunPatch, startWave, sumLlmUsage, transitionRun,
} from './index.js';

let commits = 300;

async function newMigration(context: DatabaseContext): Promise<string> {
  commits += 1;
  return (await ensureMigration(context.db, buildMigrationInput({ afterSha: sha(commits) }))).migration.id;
}

describeEachDatabase('campaign state', (context) => {
  it('opens each wave once, however many workers evaluate the gate at the same moment', async () => {
    const id = await newMigration(context);
    await setPromoteRequested(context.db, { id, requested: true, actor: 'ines', now: at(1) });
    const results = await Promise.all([0, 0, 0].map(() => startWave(context.db, { id, wave: 0, actor: 'downstream', reason: 'canaries', now: at(2) })));
    expect(results.sort()).toEqual(['already-started', 'already-started', 'started']);
    expect(await startWave(context.db, { id, wave: 0, actor: 'downstream', reason: 'again', now: at(3) })).toBe('already-started');
    const migration = await findMigration(context.db, id);
    expect(migration).toMatchObject({ startedWaves: 1, promoteRequested: false });
    const kinds = (await listEvents(context.db, { migrationId: id })).map((event) => event.kind);
    expect(kinds.filter((kind) => kind === 'migration.wave-started')).toHaveLength(1);
    expect(kinds).toContain('migration.promote-requested');
  });

  it('keeps what a patch did, who edited the branch first, repairs, and when CI turned green', async () => {
    const migrationId = await newMigration(context);
    const consumer = 'component:default/billing';
    await ensureRun(context.db, buildRunInput(migrationId, { consumer }));
    const patch = { edits: [{ path: 'src/a.ts', transform: 'row-types', author: 'codemod' as const, changes: ['field.renamed:user_email'] }], leftovers: [], verification: { typecheck: 'passed' as const } };
    await setRunPatch(context.db, { migrationId, consumer, patch, now: at(1) });
    await setRunEditedBy(context.db, { migrationId, consumer, editedBy: 'sam', now: at(2) });
    await setRunEditedBy(context.db, { migrationId, consumer, editedBy: 'kim', now: at(3) });
    expect(await countRunRepair(context.db, { migrationId, consumer, now: at(4) })).toBe(1);
    for (const event of ['patch-started', 'pr-opened', 'ci-passed'] as const) {
      await transitionRun(context.db, { migrationId, consumer, event, actor: 'downstream', now: at(10), ...(event === 'pr-opened' ? { facts: { prNumber: 9 } } : {}) });
    }
    expect(await findRun(context.db, { migrationId, consumer })).toMatchObject({ patch, editedBy: 'sam', repairs: 1, greenAt: at(10) });
    await transitionRun(context.db, { migrationId, consumer, event: 'ci-failed', actor: 'ci', now: at(11) });
    expect((await findRun(context.db, { migrationId, consumer }))?.greenAt).toBeNull();
  });

  it('shares one content-creation budget between concurrent reservations', async () => {
    const decideUnder = (limit: number) => (recent: Date[]) => ({ allowed: Math.max(0, limit - recent.length) });
    const attempts = await Promise.all(Array.from({ length: 6 }, () => reserveContentCalls(context.db, { installationId: 77, count: 2, kind: 'pr', now: at(1), decide: decideUnder(7) })));
    expect(attempts.filter((attempt) => attempt.reserved)).toHaveLength(3);
    // An hour later the old calls no longer count.
    expect((await reserveContentCalls(context.db, { installationId: 77, count: 7, kind: 'pr', now: at(61), decide: decideUnder(7) })).reserved).toBe(true);
    expect((await reserveContentCalls(context.db, { installationId: 78, count: 7, kind: 'pr', now: at(61), decide: decideUnder(7) })).reserved).toBe(true);
  });

  it('records repository opt-outs by command, case-insensitively, until opt-in', async () => {
    await setRepoOptOut(context.db, { repo: { owner: 'Acme', name: 'Reports' }, actor: 'maya', now: at(1) });
    await setRepoOptOut(context.db, { repo: { owner: 'acme', name: 'reports' }, actor: 'late', now: at(2) });
    expect(await findRepoOptOut(context.db, { owner: 'acme', name: 'REPORTS' })).toEqual({ actor: 'maya', at: at(1) });
    await clearRepoOptOut(context.db, { owner: 'ACME', name: 'reports' });
    expect(await findRepoOptOut(context.db, { owner: 'acme', name: 'reports' })).toBeUndefined();
  });

  it('sums LLM tokens per migration and per run', async () => {
    const migrationId = await newMigration(context);
    const { run } = await ensureRun(context.db, buildRunInput(migrationId));
    await recordLlmUsage(context.db, { migrationId, runId: run.id, purpose: 'patch', promptTokens: 1200, completionTokens: 300, now: at(1) });
    await recordLlmUsage(context.db, { migrationId, purpose: 'judge', promptTokens: 100, completionTokens: 5, now: at(2) });
    expect(await sumLlmUsage(context.db, { migrationId })).toEqual({ promptTokens: 1300, completionTokens: 305 });
    expect(await sumLlmUsage(context.db, { migrationId, runId: run.id })).toEqual({ promptTokens: 1200, completionTokens: 300 });
  });
});
