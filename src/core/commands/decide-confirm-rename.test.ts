import { describe, expect, it } from 'vitest';
import { runStates } from '../runs/index.js';
import type { RunState } from '../runs/index.js';
import type { ChangeSet } from '../schema/index.js';
import { decideConfirmRename, decideReplanAction } from './decide-confirm-rename.js';
import type { ReplanAction } from './decide-confirm-rename.js';

const changeSet: ChangeSet = {
  dataset: { name: 'user-profile' },
  changes: [
    { kind: 'field.suspected-rename', path: ['user_email'], from: 'user_email', to: 'email', severity: 'review', evidence: 'heuristic' },
    { kind: 'field.renamed', path: ['nick'], from: 'nick', to: 'nickname', severity: 'breaking', evidence: 'declared' },
  ],
};

describe('decideConfirmRename', () => {
  it('turns the suspected rename into a declared one and leaves the rest', () => {
    const decision = decideConfirmRename(changeSet, { from: 'user_email', to: 'email' });
    expect(decision).toEqual({
      kind: 'confirmed',
      changeSet: { ...changeSet, changes: [{ kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email', severity: 'breaking', evidence: 'declared', detail: 'confirmed by the producer' }, changeSet.changes[1]] },
    });
  });

  it.each([
    [{ from: 'user_email', to: 'mail' }, '`user_email` → `mail` is not a suspected rename of this migration; suspected: `user_email` → `email`.'],
    [{ from: 'nick', to: 'nickname' }, '`nick` → `nickname` is already a rename in this migration.'],
  ])('refuses %o', (rename, reason) => {
    expect(decideConfirmRename(changeSet, rename)).toEqual({ kind: 'refused', reason });
  });

  it('says when nothing is suspected', () => {
    expect(decideConfirmRename({ ...changeSet, changes: [] }, { from: 'a', to: 'b' })).toEqual({ kind: 'refused', reason: 'this migration has no suspected rename to confirm.' });
  });
});

describe('decideReplanAction', () => {
  const expected: Partial<Record<RunState, ReplanAction>> = { failed: 'retry', 'needs-human': 'retry', 'pr-open': 'rebase', 'ci-passed': 'rebase', 'ci-failed': 'rebase' };
  it.each(runStates.map((state) => [state, expected[state] ?? 'leave'] as const))('%s → %s', (state, action) => {
    expect(decideReplanAction(state)).toBe(action);
  });
});
