import { holdLabel, skipLabel } from '../../core/commands/index.js';
import type { CommandOutcome } from '../../core/commands/index.js';
import { createComment } from '../../adapters/github/index.js';
import type { JobData } from '../../adapters/queue/index.js';
import { findRunByPr, recordEvent } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';
import { holdRun, skipRun, unholdRun } from './run-actions.js';
import type { RunActionInput } from './run-actions.js';

type LabelAction = 'hold' | 'unhold' | 'skip';

function decideLabelAction(label: string, action: 'labeled' | 'unlabeled'): LabelAction | undefined {
  const name = label.toLowerCase();
  if (name === holdLabel) return action === 'labeled' ? 'hold' : 'unhold';
  // Skipping is final: taking the label off again changes nothing.
  if (name === skipLabel && action === 'labeled') return 'skip';
  return undefined;
}

const perform: Record<LabelAction, (deps: WorkflowDeps, input: RunActionInput) => Promise<CommandOutcome>> = { hold: holdRun, unhold: unholdRun, skip: skipRun };

/**
 * `downstream:hold` / `downstream:skip` on a bot PR (DESIGN §5). GitHub already lets only people
 * who may label (triage and up) do this, so the label is obeyed as it is; the bot's own label
 * changes (it mirrors `/downstream hold`) are not. Each is logged with who and when, and a change
 * of state is said on the PR.
 */
export async function onPullRequestLabel(deps: WorkflowDeps, job: JobData<'pull-request-label'>): Promise<{ action?: LabelAction; outcome: string }> {
  if (job.actor.toLowerCase() === deps.bot.login.toLowerCase()) return { outcome: 'ignored: the bot’s own label' };
  const action = decideLabelAction(job.label, job.action);
  if (action === undefined) return { outcome: 'ignored: not a downstream label' };
  const run = await findRunByPr(deps.db, { repo: job.repo, prNumber: job.pullNumber });
  if (run === undefined || run.prNumber === null) return { outcome: 'ignored: not a downstream PR' };
  const access = await deps.github.forInstallation(job.installationId);
  const outcome = await perform[action](deps, { octokit: access.octokit, run: { ...run, prNumber: run.prNumber }, actor: job.actor, via: 'label', reason: `${job.actor} ${job.action === 'labeled' ? 'added' : 'removed'} the label ${job.label}` });
  await recordEvent(deps.db, {
    migrationId: run.migrationId,
    runId: run.id,
    kind: `label.${action}`,
    actor: job.actor,
    payload: { label: job.label, action: job.action, outcome: outcome.kind, ...(outcome.kind === 'refused' ? { reason: outcome.reason } : {}) },
    now: deps.now(),
  });
  if (outcome.kind === 'done') {
    await createComment(access.octokit, { owner: job.repo.owner, repo: job.repo.name, number: run.prNumber, body: `@${job.actor} ${job.action === 'labeled' ? 'added' : 'removed'} \`${job.label}\`: ${outcome.text}\n` });
  }
  return { action, outcome: outcome.kind };
}
