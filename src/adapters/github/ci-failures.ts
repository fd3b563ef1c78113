import type { GitHubClient, RepoRef } from './github-client.js';

/** A failing check run or commit status of a commit: what CI said, for a repair prompt. */
export type CiFailureReport = {
  name: string;
  conclusion: string;
  title: string;
  summary: string;
  text: string;
  annotations: { path: string; line: number; message: string }[];
};

const failing = new Set(['failure', 'timed_out', 'action_required', 'startup_failure']);
// Annotations beyond this say nothing the first ones did not; a repair is one round.
const maxAnnotations = 50;

/**
 * Reads why CI failed on `sha`: every completed check run with a failing conclusion (not ours),
 * with its output and failure annotations, and every failing commit status with its description.
 */
export async function readCiFailures(octokit: GitHubClient, ref: RepoRef & { sha: string; ignoreApp?: string }): Promise<CiFailureReport[]> {
  const [checks, status] = await Promise.all([
    octokit.rest.checks.listForRef({ owner: ref.owner, repo: ref.repo, ref: ref.sha, per_page: 100 }),
    octokit.rest.repos.getCombinedStatusForRef({ owner: ref.owner, repo: ref.repo, ref: ref.sha }),
  ]);
  const reports: CiFailureReport[] = [];
  for (const run of checks.data.check_runs) {
    if (run.status !== 'completed' || !failing.has(run.conclusion ?? '') || (ref.ignoreApp !== undefined && run.app?.slug === ref.ignoreApp)) continue;
    const annotations: CiFailureReport['annotations'] = [];
    if (run.output.annotations_count > 0) {
      const { data } = await octokit.rest.checks.listAnnotations({ owner: ref.owner, repo: ref.repo, check_run_id: run.id, per_page: maxAnnotations });
      for (const annotation of data) {
        if (annotation.annotation_level === 'notice') continue;
        annotations.push({ path: annotation.path, line: annotation.start_line, message: annotation.message ?? annotation.title ?? '' });
      }
    }
    reports.push({ name: run.name, conclusion: run.conclusion ?? 'failure', title: run.output.title ?? '', summary: run.output.summary ?? '', text: run.output.text ?? '', annotations });
  }
  for (const entry of status.data.statuses) {
    if (entry.state !== 'failure' && entry.state !== 'error') continue;
    reports.push({ name: entry.context, conclusion: entry.state, title: entry.context, summary: entry.description ?? '', text: '', annotations: [] });
  }
  return reports;
}
