import type { CheckRun, CheckSuite, Repo } from '../state/types.js';
import { presentApp } from './app.js';
import type { Urls } from './urls.js';
import { nodeId, repoApiUrl, repoWebUrl } from './urls.js';

type PullMinimal = { id: number; number: number; url: string; head: unknown; base: unknown };

/** `check-run`; `pullRequests` are the open pull requests whose head is the run's commit. */
export function presentCheckRun(urls: Urls, repo: Repo, run: CheckRun, pullRequests: readonly PullMinimal[]) {
  const api = `${repoApiUrl(urls, repo)}/check-runs/${run.id}`;
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('CR', run.id),
    head_sha: run.headSha,
    external_id: run.externalId,
    url: api,
    html_url: `${repoWebUrl(urls, repo)}/runs/${run.id}`,
    details_url: run.detailsUrl ?? `${repoWebUrl(urls, repo)}/runs/${run.id}`,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt,
    completed_at: run.completedAt,
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: 0,
      annotations_url: `${api}/annotations`,
    },
    check_suite: { id: run.suiteId },
    app: presentApp(urls, run.app),
    pull_requests: [...pullRequests],
  };
}

/** A check suite as `check_suite` payloads show it (without `head_commit`, added by the payload builder). */
export function presentCheckSuite(urls: Urls, repo: Repo, suite: CheckSuite, pullRequests: readonly PullMinimal[], runCount: number) {
  const api = `${repoApiUrl(urls, repo)}/check-suites/${suite.id}`;
  return {
    id: suite.id,
    node_id: nodeId('CS', suite.id),
    head_branch: suite.headBranch,
    head_sha: suite.headSha,
    status: suite.status,
    conclusion: suite.conclusion,
    url: api,
    before: null,
    after: suite.headSha,
    pull_requests: [...pullRequests],
    app: presentApp(urls, suite.app),
    created_at: suite.createdAt,
    updated_at: suite.updatedAt,
    rerequestable: true,
    runs_rerequestable: true,
    latest_check_runs_count: runCount,
    check_runs_url: `${api}/check-runs`,
  };
}
