import { readCiState } from '../adapters/github/index.js';
import type { JobData } from '../adapters/queue/index.js';
import { listRunsByHead, transitionRun } from '../adapters/store/index.js';
import type { Run } from '../adapters/store/index.js';
import type { WorkflowDeps } from './workflow-deps.js';
import { applyAutomerge } from './rollout/index.js';

const watching = new Set<Run['state']>(['pr-open', 'ci-passed', 'ci-failed', 'held']);

/** Applies the consumer CI's combined verdict on a PR head to every run whose PR points at it. */
export async function applyCiVerdict(deps: WorkflowDeps, runs: readonly Run[], verdict: 'passed' | 'failed' | 'pending' | 'none', actor: string): Promise<number> {
  if (verdict !== 'passed' && verdict !== 'failed') return 0;
  let moved = 0;
  for (const run of runs) {
    if (!watching.has(run.state)) continue;
    const event = verdict === 'passed' ? 'ci-passed' : 'ci-failed';
    if (run.state === event) continue;
    const result = await transitionRun(deps.db, { migrationId: run.migrationId, consumer: run.consumer, event, actor, now: deps.now() });
    if (result.kind !== 'ok') continue;
    moved += 1;
    if (result.run.state === 'ci-passed') await applyAutomerge(deps, result.run);
    // A failure on the bot's own head gets one LLM repair round when an LLM is configured.
    if (result.run.state === 'ci-failed' && deps.llm !== undefined && result.run.headSha !== null) {
      await deps.queue.send('repair-ci', { migrationId: run.migrationId, consumer: run.consumer, headSha: result.run.headSha });
    }
    await deps.queue.send('evaluate-gate', { migrationId: run.migrationId });
  }
  return moved;
}

/**
 * CI reported on a consumer commit (check_suite, check_run or status): read the combined verdict
 * of every check and status on that commit, ignoring our own check runs, and record it.
 */
export async function onCiUpdate(deps: WorkflowDeps, job: JobData<'ci-update'>): Promise<{ runs: number; verdict: string; moved: number }> {
  const runs = await listRunsByHead(deps.db, { repo: job.repo, sha: job.sha });
  if (runs.length === 0) return { runs: 0, verdict: 'none', moved: 0 };
  const access = await deps.github.forInstallation(job.installationId);
  const verdict = await readCiState(access.octokit, { owner: job.repo.owner, repo: job.repo.name, sha: job.sha, ignoreApp: deps.bot.appSlug });
  const moved = await applyCiVerdict(deps, runs, verdict, 'ci');
  return { runs: runs.length, verdict, moved };
}
