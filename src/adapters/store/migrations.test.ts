import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/helpers/databases.js';
import { at, buildChangeSet, buildMigrationInput, sha } from '../../../test/helpers/store-builders.js';
import {
  ensureMigration,
  findMigration,
  getMigrationOrThrow,
  listEvents,
  listMigrations,
  setMigrationStatus,
  setMigrationTrackingIssue,
  StoreError,
} from './index.js';

describeEachDatabase('migrations', (context) => {
  it('creates a migration once per dataset, upstream repository and after-commit', async () => {
    const input = buildMigrationInput({ afterSha: sha(1) });
    const first = await ensureMigration(context.db, input);
    // A redelivered push, spelled with other letter case as GitHub allows.
    const again = await ensureMigration(context.db, { ...input, upstream: { owner: 'ACME', name: 'Schemas' }, now: at(9) });
    expect(first.created).toBe(true);
    expect(again).toEqual({ migration: first.migration, created: false });
    const events = await listEvents(context.db, { migrationId: first.migration.id });
    expect(events.map((event) => event.kind)).toEqual(['migration.created']);
  });

  it('tells apart two datasets changed by the same push', async () => {
    const afterSha = sha(2);
    const users = await ensureMigration(context.db, buildMigrationInput({ afterSha }));
    const orders = await ensureMigration(
      context.db,
      buildMigrationInput({ afterSha, changeSet: buildChangeSet({ dataset: { name: 'orders' } }) }),
    );
    expect(orders.created).toBe(true);
    expect(orders.migration.id).not.toBe(users.migration.id);
  });

  it('reads back the change set, versions and dataset as written', async () => {
    const changeSet = buildChangeSet({ fromVersion: 'v1', toVersion: 'v2' });
    const { migration } = await ensureMigration(context.db, buildMigrationInput({ afterSha: sha(3), changeSet }));
    expect(await findMigration(context.db, migration.id)).toEqual({
      id: migration.id,
      dataset: { name: 'user-profile', physicalName: 'analytics.users_v1' },
      upstream: { owner: 'acme', name: 'schemas' },
      beforeSha: 'a'.repeat(40),
      afterSha: sha(3),
      changeSet,
      fromVersion: 'v1',
      toVersion: 'v2',
      status: 'active',
      trackingIssue: null,
      fieldNames: [],
      installationId: null,
      plan: null,
      startedWaves: 0,
      promoteRequested: false,
      trackingBody: null,
      createdAt: at(0),
      updatedAt: at(0),
    });
  });

  it('finds nothing for an unknown or malformed id', async () => {
    expect(await findMigration(context.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await findMigration(context.db, 'not-a-uuid')).toBeUndefined();
    await expect(getMigrationOrThrow(context.db, 'not-a-uuid')).rejects.toMatchObject({ code: 'migration-not-found' });
  });

  it('logs status changes with who and why, and lists migrations by status', async () => {
    const { migration } = await ensureMigration(context.db, buildMigrationInput({ afterSha: sha(4) }));
    const paused = await setMigrationStatus(context.db, { id: migration.id, status: 'paused', actor: 'octocat', reason: 'release freeze', now: at(5) });
    await setMigrationStatus(context.db, { id: migration.id, status: 'paused', actor: 'octocat', now: at(6) });
    expect(paused).toMatchObject({ status: 'paused', updatedAt: at(5) });
    const events = await listEvents(context.db, { migrationId: migration.id });
    expect(events.map((event) => [event.kind, event.actor, event.payload])).toEqual([
      ['migration.created', 'downstream', { beforeSha: 'a'.repeat(40), afterSha: sha(4), changes: 1 }],
      ['migration.status-changed', 'octocat', { from: 'active', to: 'paused', reason: 'release freeze' }],
    ]);
    const pausedIds = (await listMigrations(context.db, { statuses: ['paused'] })).map((each) => each.id);
    expect(pausedIds).toContain(migration.id);
    const activeIds = (await listMigrations(context.db, { statuses: ['active'] })).map((each) => each.id);
    expect(activeIds).not.toContain(migration.id);
  });

  it('records the tracking issue', async () => {
    const { migration } = await ensureMigration(context.db, buildMigrationInput({ afterSha: sha(5) }));
    const updated = await setMigrationTrackingIssue(context.db, { id: migration.id, issueNumber: 42, now: at(2) });
    expect(updated.trackingIssue).toBe(42);
    expect((await findMigration(context.db, migration.id))?.trackingIssue).toBe(42);
  });

  it('refuses to change a migration that does not exist', async () => {
    const error = await setMigrationStatus(context.db, {
      id: '00000000-0000-4000-8000-000000000000',
      status: 'aborted',
      actor: 'octocat',
      now: at(1),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect(error).toMatchObject({ code: 'migration-not-found' });
  });
});
