import type { CommandOutcome, ParsedCommand } from '../../core/commands/index.js';
import { decidePullCommand, renderExplain } from '../../core/commands/index.js';
import type { GitHubClient } from '../../adapters/github/index.js';
import type { Migration, Run } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';
import { optInRepo, optOutRepo } from './repo-opt-out.js';
import { holdRun, skipRun, unholdRun } from './run-actions.js';

/** A command on one of downstream's PRs, with everything needed to act on it. */
export type PullCommandContext = { octokit: GitHubClient; migration: Migration; run: Run & { prNumber: number }; actor: string; commentId: number };

type Command = Extract<ParsedCommand, { kind: 'command' }>;

const patchWords = { rebase: 'rebasing onto the base branch and regenerating the patch', recreate: 'regenerating the patch from scratch, dropping commits people pushed', retry: 'patching and verifying again', fix: 'regenerating the patch and asking the LLM to finish the leftovers with your hint' } as const;

/** Runs a permitted command on a bot PR and says what came of it. */
export async function applyPullCommand(deps: WorkflowDeps, context: PullCommandContext, command: Command): Promise<CommandOutcome> {
  const { run, migration, actor } = context;
  const plan = decidePullCommand({ command: command.name, run, campaign: migration.status, force: command.force, llmConfigured: deps.llm !== undefined, ...(command.hint === undefined ? {} : { hint: command.hint }) });
  const action = { octokit: context.octokit, run, actor, via: 'command' as const, ...(command.reason === undefined ? {} : { reason: command.reason }) };
  switch (plan.kind) {
    case 'refused':
      return { kind: 'refused', reason: plan.reason };
    case 'not-available':
      return { kind: 'not-available', text: plan.text };
    case 'help':
      return { kind: 'help' };
    case 'explain':
      return { kind: 'done', text: 'Here is what this PR changes, change by change.', details: renderExplain({ changeSet: migration.changeSet, patch: run.patch }) };
    case 'hold':
      return holdRun(deps, action);
    case 'unhold':
      return unholdRun(deps, action);
    case 'skip':
      return skipRun(deps, action);
    case 'opt-out':
      return optOutRepo(deps, { repo: run.repo, actor });
    case 'opt-in':
      return optInRepo(deps, { repo: run.repo, octokit: context.octokit });
    case 'patch': {
      const queued = await deps.queue.send('patch-consumer', {
        migrationId: migration.id,
        consumer: run.consumer,
        mode: plan.mode,
        ...(plan.force ? { force: true } : {}),
        ...(plan.hint === undefined ? {} : { hint: plan.hint }),
        requestedBy: actor,
        replyTo: { issueNumber: run.prNumber, commentId: context.commentId, command: command.name },
      });
      if (queued === undefined) return { kind: 'refused', reason: 'another patch of this consumer is already waiting in the queue; try again once it has run.' };
      return { kind: 'queued', text: `${patchWords[command.name === 'retry' || command.name === 'fix' ? command.name : plan.mode]}. downstream replies here when it is done.` };
    }
  }
}
