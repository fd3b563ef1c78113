import { describe, expect, it } from 'vitest';
import type { RunState } from '../runs/index.js';
import { decidePullCommand } from './decide-pull-command.js';
import type { PullCommandPlan } from './decide-pull-command.js';

function decide(command: Parameters<typeof decidePullCommand>[0]['command'], state: RunState, options: { editedBy?: string; campaign?: string; force?: boolean; llm?: boolean } = {}): PullCommandPlan {
  return decidePullCommand({ command, run: { state, editedBy: options.editedBy ?? null }, campaign: options.campaign ?? 'active', force: options.force ?? false, hint: 'use the new accessor', llmConfigured: options.llm ?? true });
}

describe('decidePullCommand', () => {
  it.each([
    ['rebase', 'pr-open', {}, { kind: 'patch', mode: 'rebase', force: false }],
    ['rebase', 'ci-failed', { force: true }, { kind: 'patch', mode: 'rebase', force: true }],
    ['rebase', 'ci-passed', { editedBy: 'sam', force: true }, { kind: 'patch', mode: 'rebase', force: true }],
    ['recreate', 'ci-passed', { editedBy: 'sam' }, { kind: 'patch', mode: 'recreate', force: false }],
    ['retry', 'failed', {}, { kind: 'patch', mode: 'retry', force: false }],
    ['retry', 'needs-human', {}, { kind: 'patch', mode: 'retry', force: false }],
    ['retry', 'ci-failed', {}, { kind: 'patch', mode: 'rebase', force: false }],
    ['hold', 'pr-open', {}, { kind: 'hold' }],
    ['hold', 'ci-failed', { campaign: 'paused' }, { kind: 'hold' }],
    ['unhold', 'held', {}, { kind: 'unhold' }],
    ['skip', 'held', {}, { kind: 'skip' }],
    ['skip', 'ci-passed', {}, { kind: 'skip' }],
    ['explain', 'merged', {}, { kind: 'explain' }],
    ['opt-out', 'declined', {}, { kind: 'opt-out' }],
    ['opt-in', 'pr-open', {}, { kind: 'opt-in' }],
  ] as const)('%s on a %s run %o → %o', (command, state, options, plan) => {
    expect(decide(command, state, options)).toEqual(plan);
  });

  it.each([
    ['rebase', 'merged', {}, 'this PR is merged, so there is nothing to rebase.'],
    ['recreate', 'declined', {}, 'a person closed this PR unmerged, and it is never reopened for this migration, so there is nothing to recreate.'],
    ['retry', 'skipped', {}, 'this PR was skipped for this migration, so there is nothing to retry.'],
    ['rebase', 'held', {}, 'this PR is held, and downstream leaves it alone: `/downstream unhold` first.'],
    ['rebase', 'pr-open', { campaign: 'paused' }, 'the campaign is paused, so downstream patches nothing until it is resumed on the tracking issue.'],
    ['retry', 'patching', {}, 'downstream is patching this consumer right now; try again when it has finished.'],
    ['rebase', 'pr-open', { editedBy: 'sam' }, '@sam pushed to this branch, so downstream does not rewrite it: `/downstream rebase --force` rebases over their commits, `/downstream recreate` starts afresh and drops them.'],
    ['retry', 'ci-failed', { editedBy: 'sam', force: true }, '@sam pushed to this branch, so downstream does not rewrite it: `/downstream rebase --force` rebases over their commits, `/downstream recreate` starts afresh and drops them.'],
    ['rebase', 'not-affected', {}, 'this consumer’s run is not-affected, and `rebase` applies to an open PR.'],
    ['hold', 'held', {}, 'this PR is already held.'],
    ['hold', 'merged', {}, 'this PR is merged; there is nothing to hold.'],
    ['unhold', 'pr-open', {}, 'this PR is not held.'],
    ['skip', 'skipped', {}, 'this PR was skipped for this migration; there is nothing to skip.'],
    ['promote', 'pr-open', {}, '`promote` does not work on a PR.'],
  ] as const)('refuses %s on a %s run %o', (command, state, options, reason) => {
    expect(decide(command, state, options)).toEqual({ kind: 'refused', reason });
  });

  it('answers fix as not available when no LLM is configured', () => {
    expect(decide('fix', 'pr-open', { llm: false })).toMatchObject({ kind: 'not-available', text: expect.stringContaining('no LLM is configured') });
  });

  it('runs fix as a regenerated patch carrying the hint, with the same refusals as a rebase', () => {
    expect(decide('fix', 'ci-failed')).toEqual({ kind: 'patch', mode: 'rebase', force: false, hint: 'use the new accessor' });
    expect(decide('fix', 'pr-open', { editedBy: 'sam', force: true })).toEqual({ kind: 'patch', mode: 'rebase', force: true, hint: 'use the new accessor' });
    expect(decide('fix', 'merged')).toEqual({ kind: 'refused', reason: 'this PR is merged, so there is nothing to fix.' });
    expect(decide('fix', 'pr-open', { editedBy: 'sam' })).toMatchObject({ kind: 'refused', reason: expect.stringContaining('@sam pushed to this branch') });
  });
});
