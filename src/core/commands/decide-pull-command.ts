import type { RunState } from '../runs/index.js';
import type { CommandName } from './command-catalogue.js';

/** The mode of a patch job a command asks for (`patch-consumer`'s `mode`). */
export type PatchCommandMode = 'rebase' | 'recreate' | 'retry';

/** What a command on a bot PR does, decided from the run and its campaign; a refusal says why. */
export type PullCommandPlan =
  | { kind: 'patch'; mode: PatchCommandMode; force: boolean; hint?: string }
  | { kind: 'hold' | 'unhold' | 'skip' | 'explain' | 'opt-out' | 'opt-in' | 'help' }
  | { kind: 'not-available'; text: string }
  | { kind: 'refused'; reason: string };

/** The run behind a PR, as far as commands care. */
export type PullCommandRun = { state: RunState; editedBy: string | null };

const finalText: Partial<Record<RunState, string>> = {
  merged: 'this PR is merged',
  declined: 'a person closed this PR unmerged, and it is never reopened for this migration',
  skipped: 'this PR was skipped for this migration',
};
const openStates = new Set<RunState>(['pr-open', 'ci-passed', 'ci-failed']);

function decidePatch(command: PatchCommandMode | 'fix', run: PullCommandRun, campaign: string, force: boolean): PullCommandPlan {
  const final = finalText[run.state];
  if (final !== undefined) return { kind: 'refused', reason: `${final}, so there is nothing to ${command}.` };
  if (run.state === 'held') return { kind: 'refused', reason: 'this PR is held, and downstream leaves it alone: `/downstream unhold` first.' };
  if (campaign !== 'active') return { kind: 'refused', reason: `the campaign is ${campaign}, so downstream patches nothing until it is resumed on the tracking issue.` };
  if (run.state === 'pending' || run.state === 'patching') return { kind: 'refused', reason: 'downstream is patching this consumer right now; try again when it has finished.' };
  if (command === 'retry' && (run.state === 'failed' || run.state === 'needs-human')) return { kind: 'patch', mode: 'retry', force: false };
  if (!openStates.has(run.state)) return { kind: 'refused', reason: `this consumer’s run is ${run.state}, and \`${command}\` applies to an open PR.` };
  const overrides = command === 'recreate' || ((command === 'rebase' || command === 'fix') && force);
  if (run.editedBy !== null && !overrides) {
    return { kind: 'refused', reason: `@${run.editedBy} pushed to this branch, so downstream does not rewrite it: \`/downstream rebase --force\` rebases over their commits, \`/downstream recreate\` starts afresh and drops them.` };
  }
  // On an open PR a retry is a fresh patch and verification on the current base: what a rebase does;
  // a fix is the same, with the person's hint in every LLM prompt.
  return { kind: 'patch', mode: command === 'retry' || command === 'fix' ? 'rebase' : command, force: (command === 'rebase' || command === 'fix') && force };
}

/** Decides what a (permitted) command does to the run behind a bot PR. */
export function decidePullCommand(input: { command: CommandName; run: PullCommandRun; campaign: string; force: boolean; hint?: string; llmConfigured: boolean }): PullCommandPlan {
  const { command, run } = input;
  const final = finalText[run.state];
  switch (command) {
    case 'rebase':
    case 'recreate':
    case 'retry':
      return decidePatch(command, run, input.campaign, input.force);
    case 'hold':
      if (final !== undefined) return { kind: 'refused', reason: `${final}; there is nothing to hold.` };
      if (run.state === 'held') return { kind: 'refused', reason: 'this PR is already held.' };
      return { kind: 'hold' };
    case 'unhold':
      if (run.state !== 'held') return { kind: 'refused', reason: 'this PR is not held.' };
      return { kind: 'unhold' };
    case 'skip':
      if (final !== undefined) return { kind: 'refused', reason: `${final}; there is nothing to skip.` };
      return { kind: 'skip' };
    case 'fix': {
      if (!input.llmConfigured) return { kind: 'not-available', text: 'no LLM is configured for this installation, so the sites listed under "Needs a person" are for a person to fix.' };
      const plan = decidePatch('fix', run, input.campaign, input.force);
      return plan.kind === 'patch' && input.hint !== undefined ? { ...plan, hint: input.hint } : plan;
    }
    case 'explain':
    case 'opt-out':
    case 'opt-in':
    case 'help':
      return { kind: command };
    default:
      return { kind: 'refused', reason: `\`${command}\` does not work on a PR.` };
  }
}
