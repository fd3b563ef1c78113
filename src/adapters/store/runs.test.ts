import { expect, it } from 'vitest';
import { runStates } from '../../core/runs/index.js';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { at, buildMigrationInput, buildRunInput, sha } from '../../../test/helpers/store-builders.js';
import type { DatabaseContext } from '../../../test/helpers/databases.js';
import { ensureMigration, ensureRun, findRun, findRunByPr, listEvents, listRuns, StoreError, transitionRun } from './index.js';
import type { TransitionRunInput } from './index.js';

let commits = 100;

async function newMigration(context: DatabaseContext): Promise<string> {
  commits += 1;
  const { migration } = await ensureMigration(context.db, buildMigrationInput({ afterSha: sha(commits) }));
  return migration.id;
}

function event(migrationId: string, overrides: Partial<TransitionRunInput> & Pick<TransitionRunInput, 'event'>): TransitionRunInput {
  return { migrationId, consumer: 'component:default/billing', actor: 'downstream', now: at(10), ...overrides };
}

describeEachDatabase('runs', (context) => {
  it('keeps one run per migration and consumer, however often it is ensured', async () => {
    const migrationId = await newMigration(context);
    const first = await ensureRun(context.db, buildRunInput(migrationId));
    const again = await ensureRun(context.db, buildRunInput(migrationId, { now: at(5) }));
    const [one, two] = await Promise.all([
      ensureRun(context.db, buildRunInput(migrationId, { consumer: 'component:default/orders' })),
      ensureRun(context.db, buildRunInput(migrationId, { consumer: 'component:default/orders' })),
    ]);
    expect(first.created).toBe(true);
    expect(again).toEqual({ run: first.run, created: false });
    expect([one?.created, two?.created].sort()).toEqual([false, true]);
    expect((await listRuns(context.db, { migrationId })).map((run) => run.consumer)).toEqual([
      'component:default/billing',
      'component:default/orders',
    ]);
    await expect(
      context.db.query("INSERT INTO runs (migration_id, consumer, repo_owner, repo_name, tier, wave, created_at, updated_at) VALUES ($1, 'component:default/billing', 'acme', 'billing', 'general', 0, now(), now())", [migrationId]),
    ).rejects.toThrow();
  });

  it('starts a run pending, with the plan it was given', async () => {
    const migrationId = await newMigration(context);
    const { run } = await ensureRun(context.db, buildRunInput(migrationId, { tier: 'canary', wave: 0 }));
    expect(run).toEqual({
      id: run.id,
      migrationId,
      consumer: 'component:default/billing',
      repo: { owner: 'acme', name: 'billing' },
      tier: 'canary',
      wave: 0,
      state: 'pending',
      heldFrom: null,
      stateReason: null,
      branch: null,
      prNumber: null,
      prUrl: null,
      headSha: null,
      leftovers: null,
      attempt: 0,
      patch: null,
      editedBy: null,
      greenAt: null,
      repairs: 0,
      createdAt: at(1),
      updatedAt: at(1),
    });
  });

  it('follows a new plan until the run starts, then keeps the wave it ran in', async () => {
    const migrationId = await newMigration(context);
    await ensureRun(context.db, buildRunInput(migrationId, { wave: 2 }));
    const replanned = await ensureRun(context.db, buildRunInput(migrationId, { wave: 1, tier: 'early' }));
    expect(replanned.run).toMatchObject({ wave: 1, tier: 'early' });
    await transitionRun(context.db, event(migrationId, { event: 'patch-started' }));
    const later = await ensureRun(context.db, buildRunInput(migrationId, { wave: 3 }));
    expect(later.run.wave).toBe(1);
  });

  it('refuses a run for a migration that does not exist', async () => {
    const error = await ensureRun(context.db, buildRunInput('00000000-0000-4000-8000-000000000000')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'migration-not-found' });
  });

  it('moves a run through its PR and logs every transition in order', async () => {
    const migrationId = await newMigration(context);
    const { run } = await ensureRun(context.db, buildRunInput(migrationId));
    await transitionRun(context.db, event(migrationId, { event: 'patch-started', now: at(2) }));
    const opened = await transitionRun(
      context.db,
      event(migrationId, {
        event: 'pr-opened',
        facts: { branch: 'downstream/user-profile', prNumber: 7, prUrl: 'https://github.com/acme/billing/pull/7', headSha: sha(7), leftovers: 1 },
        now: at(3),
      }),
    );
    await transitionRun(context.db, event(migrationId, { event: 'ci-failed', reason: 'lint failed', now: at(4) }));
    await transitionRun(context.db, event(migrationId, { event: 'pr-updated', facts: { headSha: sha(8) }, now: at(5) }));
    const passed = await transitionRun(context.db, event(migrationId, { event: 'ci-passed', now: at(6) }));
    expect(opened).toMatchObject({ kind: 'ok', previous: { state: 'patching' }, run: { state: 'pr-open', prNumber: 7 } });
    expect(passed.kind).toBe('ok');
    expect(passed.run).toMatchObject({
      state: 'ci-passed',
      stateReason: null,
      branch: 'downstream/user-profile',
      prNumber: 7,
      prUrl: 'https://github.com/acme/billing/pull/7',
      headSha: sha(8),
      leftovers: 1,
      attempt: 1,
      updatedAt: at(6),
    });
    const events = await listEvents(context.db, { migrationId, runId: run.id });
    expect(events.map((each) => [each.kind, each.payload.from, each.payload.to, each.at])).toEqual([
      ['run.created', undefined, undefined, at(1)],
      ['run.patch-started', 'pending', 'patching', at(2)],
      ['run.pr-opened', 'patching', 'pr-open', at(3)],
      ['run.ci-failed', 'pr-open', 'ci-failed', at(4)],
      ['run.pr-updated', 'ci-failed', 'pr-open', at(5)],
      ['run.ci-passed', 'pr-open', 'ci-passed', at(6)],
    ]);
    expect(events[3]?.payload.reason).toBe('lint failed');
    expect(await findRunByPr(context.db, { repo: { owner: 'Acme', name: 'BILLING' }, prNumber: 7 })).toEqual(passed.run);
  });

  it('returns a refused transition as a value and writes nothing', async () => {
    const migrationId = await newMigration(context);
    const { run } = await ensureRun(context.db, buildRunInput(migrationId));
    const result = await transitionRun(context.db, event(migrationId, { event: 'merged', actor: 'octocat' }));
    expect(result).toEqual({ kind: 'refused', reason: 'merged does not apply to a run in state pending', run });
    expect(await findRun(context.db, { migrationId, consumer: run.consumer })).toEqual(run);
    expect((await listEvents(context.db, { migrationId, runId: run.id })).map((each) => each.kind)).toEqual(['run.created']);
  });

  it('remembers where a held run was, and returns there on unhold', async () => {
    const migrationId = await newMigration(context);
    await ensureRun(context.db, buildRunInput(migrationId));
    await transitionRun(context.db, event(migrationId, { event: 'patch-started' }));
    const held = await transitionRun(context.db, event(migrationId, { event: 'held', actor: 'octocat', reason: 'downstream:hold label' }));
    const refused = await transitionRun(context.db, event(migrationId, { event: 'retry' }));
    const opened = await transitionRun(context.db, event(migrationId, { event: 'pr-opened', facts: { prNumber: 9 } }));
    const unheld = await transitionRun(context.db, event(migrationId, { event: 'unheld', actor: 'octocat' }));
    expect(held.run).toMatchObject({ state: 'held', heldFrom: 'patching', stateReason: 'downstream:hold label' });
    expect(refused.kind).toBe('refused');
    expect(opened.run).toMatchObject({ state: 'held', heldFrom: 'pr-open', prNumber: 9 });
    expect(unheld.run).toMatchObject({ state: 'pr-open', heldFrom: null });
  });

  it('counts patch attempts, including a retry after a failure', async () => {
    const migrationId = await newMigration(context);
    await ensureRun(context.db, buildRunInput(migrationId));
    for (const name of ['patch-started', 'patch-failed', 'retry', 'patch-started', 'not-affected'] as const) {
      await transitionRun(context.db, event(migrationId, { event: name }));
    }
    expect(await findRun(context.db, { migrationId, consumer: 'component:default/billing' })).toMatchObject({ state: 'not-affected', attempt: 2 });
  });

  it('lets concurrent events for one run take turns: exactly one start wins', async () => {
    const migrationId = await newMigration(context);
    await ensureRun(context.db, buildRunInput(migrationId));
    await transitionRun(context.db, event(migrationId, { event: 'patch-started' }));
    await transitionRun(context.db, event(migrationId, { event: 'patch-failed' }));
    const results = await Promise.all(Array.from({ length: 4 }, () => transitionRun(context.db, event(migrationId, { event: 'retry' }))));
    expect(results.map((result) => result.kind).sort()).toEqual(['ok', 'refused', 'refused', 'refused']);
  });

  it('throws for a run that does not exist', async () => {
    const migrationId = await newMigration(context);
    await expect(transitionRun(context.db, event(migrationId, { event: 'patch-started' }))).rejects.toMatchObject({ code: 'run-not-found' });
  });

  it('lists runs by wave and state', async () => {
    const migrationId = await newMigration(context);
    await ensureRun(context.db, buildRunInput(migrationId, { consumer: 'c', wave: 1 }));
    await ensureRun(context.db, buildRunInput(migrationId, { consumer: 'b', wave: 0 }));
    await ensureRun(context.db, buildRunInput(migrationId, { consumer: 'a', wave: 1 }));
    await transitionRun(context.db, event(migrationId, { consumer: 'a', event: 'skipped' }));
    expect((await listRuns(context.db, { migrationId })).map((run) => run.consumer)).toEqual(['b', 'a', 'c']);
    expect((await listRuns(context.db, { migrationId, wave: 1 })).map((run) => run.consumer)).toEqual(['a', 'c']);
    expect((await listRuns(context.db, { migrationId, states: ['pending'] })).map((run) => run.consumer)).toEqual(['b', 'c']);
  });

  it('stores every state the core state machine has', async () => {
    const migrationId = await newMigration(context);
    const { run } = await ensureRun(context.db, buildRunInput(migrationId));
    for (const state of runStates) {
      await context.db.query('UPDATE runs SET state = $2, held_from = $3 WHERE id = $1', [run.id, state, state === 'held' ? 'pending' : null]);
      expect((await findRun(context.db, { migrationId, consumer: run.consumer }))?.state).toBe(state);
    }
  });
});
