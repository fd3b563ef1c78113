import type { GitHubClient, RepoRef } from './github-client.js';

/** The consumer's CI verdict on a commit, from check runs and commit statuses together. */
export type CiState = 'passed' | 'failed' | 'pending' | 'none';

const failing = new Set(['failure', 'cancelled', 'timed_out', 'action_required', 'startup_failure', 'stale']);

/** Combines check runs and the combined status of `sha`, ignoring our own check runs. */
export async function readCiState(octokit: GitHubClient, ref: RepoRef & { sha: string; ignoreApp?: string }): Promise<CiState> {
  const [checks, status] = await Promise.all([
    octokit.rest.checks.listForRef({ owner: ref.owner, repo: ref.repo, ref: ref.sha, per_page: 100 }),
    octokit.rest.repos.getCombinedStatusForRef({ owner: ref.owner, repo: ref.repo, ref: ref.sha }),
  ]);
  const runs = checks.data.check_runs.filter((run) => ref.ignoreApp === undefined || run.app?.slug !== ref.ignoreApp);
  const verdicts: CiState[] = runs.map((run) => (run.status !== 'completed' ? 'pending' : failing.has(run.conclusion ?? '') ? 'failed' : 'passed'));
  if (status.data.statuses.length > 0) verdicts.push(status.data.state === 'success' ? 'passed' : status.data.state === 'pending' ? 'pending' : 'failed');
  if (verdicts.length === 0) return 'none';
  if (verdicts.includes('failed')) return 'failed';
  if (verdicts.includes('pending')) return 'pending';
  return 'passed';
}

export type CheckRunOutput = { title: string; summary: string; text?: string };

/** Publishes a completed check run on a commit (the impact preview). */
export async function createCompletedCheckRun(
  octokit: GitHubClient,
  ref: RepoRef & { sha: string; name: string; conclusion: 'success' | 'neutral' | 'failure' | 'action_required'; output: CheckRunOutput; completedAt: string },
): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: ref.owner,
    repo: ref.repo,
    name: ref.name,
    head_sha: ref.sha,
    status: 'completed',
    conclusion: ref.conclusion,
    completed_at: ref.completedAt,
    output: ref.output,
  });
  return data.id;
}
