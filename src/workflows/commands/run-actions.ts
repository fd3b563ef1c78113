import { holdLabel } from '../../core/commands/index.js';
import type { CommandOutcome } from '../../core/commands/index.js';
import { addLabels, closePull, deleteBranch, disableAutoMerge, removeLabel } from '../../adapters/github/index.js';
import type { GitHubClient } from '../../adapters/github/index.js';
import { transitionRun } from '../../adapters/store/index.js';
import type { Run } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

/** Who asked, and how: a slash command (the bot mirrors it with the label) or the label itself. */
export type RunActionInput = { octokit: GitHubClient; run: Run & { prNumber: number }; actor: string; via: 'command' | 'label'; reason?: string };

function prRef(input: RunActionInput): { owner: string; repo: string; number: number } {
  return { owner: input.run.repo.owner, repo: input.run.repo.name, number: input.run.prNumber };
}

/**
 * Holds a bot PR: the run stops taking the bot's own actions, GitHub's auto-merge is turned off,
 * and the PR carries `downstream:hold`, so removing the label is the other way to undo it.
 */
export async function holdRun(deps: WorkflowDeps, input: RunActionInput): Promise<CommandOutcome> {
  const result = await transitionRun(deps.db, { migrationId: input.run.migrationId, consumer: input.run.consumer, event: 'held', actor: input.actor, reason: input.reason ?? `held by @${input.actor}`, payload: { via: input.via }, now: deps.now() });
  if (result.kind === 'refused') return { kind: 'refused', reason: `${result.reason}.` };
  const automerge = await disableAutoMerge(input.octokit, prRef(input));
  if (input.via === 'command') await addLabels(input.octokit, { ...prRef(input), labels: [holdLabel] });
  const merge = automerge === 'disabled' ? ' Auto-merge is turned off.' : '';
  return { kind: 'done', text: `Held: downstream leaves this PR alone (no rebase, no regenerated patch, no merge) until \`/downstream unhold\` or the \`${holdLabel}\` label is removed.${merge}` };
}

/** Undoes a hold: the run returns to the state it was held in; the label goes too. */
export async function unholdRun(deps: WorkflowDeps, input: RunActionInput): Promise<CommandOutcome> {
  const result = await transitionRun(deps.db, { migrationId: input.run.migrationId, consumer: input.run.consumer, event: 'unheld', actor: input.actor, payload: { via: input.via }, now: deps.now() });
  if (result.kind === 'refused') return { kind: 'refused', reason: `${result.reason}.` };
  if (input.via === 'command') await removeLabel(input.octokit, { ...prRef(input), name: holdLabel });
  return { kind: 'done', text: `Unheld: downstream looks after this PR again (it is ${result.run.state}).` };
}

/**
 * Skips a consumer for this migration: recorded first (so the close is not taken for a person
 * declining), then the PR is closed and the bot's branch deleted — unless a person pushed to it.
 */
export async function skipRun(deps: WorkflowDeps, input: RunActionInput): Promise<CommandOutcome> {
  const result = await transitionRun(deps.db, { migrationId: input.run.migrationId, consumer: input.run.consumer, event: 'skipped', actor: input.actor, reason: input.reason ?? `skipped by @${input.actor}`, payload: { via: input.via }, now: deps.now() });
  // A retried job finds the run skipped already; it still makes sure the PR is closed.
  if (result.kind === 'refused' && result.run.state !== 'skipped') return { kind: 'refused', reason: `${result.reason}.` };
  await closePull(input.octokit, prRef(input));
  const keepBranch = result.run.editedBy !== null || result.run.branch === null;
  if (!keepBranch && result.run.branch !== null) await deleteBranch(input.octokit, { owner: input.run.repo.owner, repo: input.run.repo.name, branch: result.run.branch });
  const branch = keepBranch ? ' The branch stays: a person pushed to it.' : ' Its branch is deleted.';
  return { kind: 'done', text: `Skipped: this PR is closed and downstream never reopens it for this migration.${branch}` };
}
