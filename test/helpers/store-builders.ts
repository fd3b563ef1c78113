import type { EnsureMigrationInput, EnsureRunInput } from '../../src/adapters/store/index.js';
import type { ChangeSet } from '../../src/core/schema/index.js';

/** A fixed instant, `minutes` after 2026-01-01T00:00Z: tests pass time in, they never read a clock. */
export function at(minutes = 0): Date {
  return new Date(Date.UTC(2026, 0, 1, 0, minutes));
}

/** A one-rename change set of the `user-profile` dataset. */
export function buildChangeSet(overrides: Partial<ChangeSet> = {}): ChangeSet {
  return {
    dataset: { name: 'user-profile', physicalName: 'analytics.users_v1' },
    changes: [{ kind: 'field.renamed', path: ['user_id'], from: 'user_id', to: 'account_id', severity: 'breaking', evidence: 'declared' }],
    ...overrides,
  };
}

/** A push to `acme/schemas` that changed the dataset; vary `afterSha` for a distinct migration. */
export function buildMigrationInput(overrides: Partial<EnsureMigrationInput> = {}): EnsureMigrationInput {
  return {
    upstream: { owner: 'acme', name: 'schemas' },
    beforeSha: 'a'.repeat(40),
    afterSha: 'b'.repeat(40),
    changeSet: buildChangeSet(),
    actor: 'downstream',
    now: at(0),
    ...overrides,
  };
}

/** A general-tier consumer in wave 0 of a migration. */
export function buildRunInput(migrationId: string, overrides: Partial<EnsureRunInput> = {}): EnsureRunInput {
  return {
    migrationId,
    consumer: 'component:default/billing',
    repo: { owner: 'acme', name: 'billing' },
    tier: 'general',
    wave: 0,
    actor: 'downstream',
    now: at(1),
    ...overrides,
  };
}

/** A 40-hex commit sha derived from `seed`, so tests sharing a database use distinct commits. */
export function sha(seed: number): string {
  return seed.toString(16).padStart(40, '0');
}
