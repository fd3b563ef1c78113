import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { diffCommits } from '../git/index.js';
import { GitHubError } from '../http/github-error.js';
import { actorOrThrow, numberParam, parseBody, queryValue, repoOf } from '../http/input.js';
import { paginate } from '../http/paginate.js';
import type { RestRequest, Route } from '../http/route.js';
import { presentDiffEntry } from '../present/diff.js';
import { presentPullSimple } from '../present/pull.js';
import { findAccount } from '../state/store.js';
import { getPullOrThrow, listPulls } from '../ops/lookup.js';
import { ensureMergeableFresh } from '../ops/mergeability.js';
import { renderFullPull } from '../ops/pull-events.js';
import { readPullBase } from '../ops/pull-stats.js';
import { createPull, mergePull, notCollaborators, requestReviewers, updatePull } from '../ops/pulls.js';

const createInput = z.object({
  title: z.string().optional(),
  head: z.string(),
  base: z.string(),
  body: z.string().nullable().optional(),
  draft: z.boolean().optional(),
  maintainer_can_modify: z.boolean().optional(),
});
const updateInput = z.object({
  title: z.string().optional(),
  body: z.string().nullable().optional(),
  state: z.enum(['open', 'closed']).optional(),
  base: z.string().optional(),
  maintainer_can_modify: z.boolean().optional(),
});
const mergeInput = z.object({
  commit_title: z.string().optional(),
  commit_message: z.string().optional(),
  sha: z.string().optional(),
  merge_method: z.enum(['merge', 'squash', 'rebase']).optional(),
});
const reviewersInput = z.object({ reviewers: z.array(z.string()).optional(), team_reviewers: z.array(z.string()).optional() });

function listRepoPulls(_context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const state = queryValue(request, 'state') ?? 'open';
  const head = queryValue(request, 'head');
  const base = queryValue(request, 'base');
  const descending = (queryValue(request, 'direction') ?? 'desc') === 'desc';
  const sort = queryValue(request, 'sort') ?? 'created';
  const pulls = listPulls(repo)
    .filter((issue) => state === 'all' || issue.state === state)
    .filter((issue) => head === undefined || `${repo.owner.login}:${issue.pull.headRef}`.toLowerCase() === head.toLowerCase() || (!head.includes(':') && issue.pull.headRef === head))
    .filter((issue) => base === undefined || issue.pull.baseRef === base)
    .sort((a, b) => {
      const key = sort === 'updated' ? 'updatedAt' : 'createdAt';
      const order = a[key].localeCompare(b[key]) || a.number - b.number;
      return descending ? -order : order;
    });
  const page = paginate(request, pulls);
  return { status: 200, headers: page.headers, body: page.items.map((issue) => presentPullSimple(request.urls, repo, issue)) };
}

async function getPull(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const issue = getPullOrThrow(repo, numberParam(request, 'pull_number'));
  await ensureMergeableFresh(context, repo, issue);
  return { status: 200, body: await renderFullPull(context, repo, issue, request.urls) };
}

async function create(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const input = parseBody(createInput, request.body);
  if (input.title === undefined) throw new GitHubError(422, 'Validation Failed', [{ resource: 'PullRequest', field: 'title', code: 'missing_field' }]);
  const issue = await createPull(context, repo, {
    head: input.head,
    base: input.base,
    title: input.title,
    body: input.body ?? null,
    draft: input.draft ?? false,
    maintainerCanModify: input.maintainer_can_modify ?? true,
    author: actorOrThrow(request),
  });
  return {
    status: 201,
    body: await renderFullPull(context, repo, issue, request.urls),
    headers: { location: `${request.urls.api}/repos/${repo.owner.login}/${repo.name}/pulls/${issue.number}` },
  };
}

async function update(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const issue = getPullOrThrow(repo, numberParam(request, 'pull_number'));
  const input = parseBody(updateInput, request.body);
  await updatePull(context, repo, issue, {
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(input.state === undefined ? {} : { state: input.state }),
    ...(input.base === undefined ? {} : { base: input.base }),
    ...(input.maintainer_can_modify === undefined ? {} : { maintainerCanModify: input.maintainer_can_modify }),
    actor: actorOrThrow(request),
  });
  return { status: 200, body: await renderFullPull(context, repo, issue, request.urls) };
}

async function merge(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const issue = getPullOrThrow(repo, numberParam(request, 'pull_number'));
  const input = parseBody(mergeInput, request.body);
  const sha = await mergePull(context, repo, issue, {
    method: input.merge_method ?? 'merge',
    ...(input.sha === undefined ? {} : { sha: input.sha }),
    ...(input.commit_title === undefined ? {} : { commitTitle: input.commit_title }),
    ...(input.commit_message === undefined ? {} : { commitMessage: input.commit_message }),
    actor: actorOrThrow(request),
  });
  return { status: 200, body: { sha, merged: true, message: 'Pull Request successfully merged' } };
}

async function listFiles(_context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const issue = getPullOrThrow(repo, numberParam(request, 'pull_number'));
  const files = await diffCommits(repo.gitDir, await readPullBase(repo, issue), issue.pull.headSha);
  const page = paginate(request, files);
  return { status: 200, headers: page.headers, body: page.items.map((file) => presentDiffEntry(request.urls, repo, file, issue.pull.headSha)) };
}

async function addReviewers(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const issue = getPullOrThrow(repo, numberParam(request, 'pull_number'));
  const input = parseBody(reviewersInput, request.body);
  const reviewers = (input.reviewers ?? []).map((login) => findAccount(context.store, login));
  const known = reviewers.filter((account) => account !== undefined);
  if (known.length < reviewers.length) throw notCollaborators(repo);
  await requestReviewers(context, repo, issue, known, actorOrThrow(request));
  return { status: 201, body: presentPullSimple(request.urls, repo, issue) };
}

const pullWrite = [['pull_requests', 'write']] as const;
const pullRead = [['pull_requests', 'read']] as const;

/** Pull requests: list, open, read (with mergeability), edit or close, merge, files, reviewers. */
export const pullRoutes: readonly Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/pulls', operationId: 'pulls/list', auth: 'token', permissions: pullRead, handle: listRepoPulls },
  { method: 'POST', path: '/repos/{owner}/{repo}/pulls', operationId: 'pulls/create', auth: 'token', permissions: pullWrite, handle: create },
  { method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}', operationId: 'pulls/get', auth: 'token', permissions: pullRead, handle: getPull },
  { method: 'PATCH', path: '/repos/{owner}/{repo}/pulls/{pull_number}', operationId: 'pulls/update', auth: 'token', permissions: pullWrite, handle: update },
  { method: 'PUT', path: '/repos/{owner}/{repo}/pulls/{pull_number}/merge', operationId: 'pulls/merge', auth: 'token', permissions: [['contents', 'write']], handle: merge },
  { method: 'GET', path: '/repos/{owner}/{repo}/pulls/{pull_number}/files', operationId: 'pulls/list-files', auth: 'token', permissions: pullRead, handle: listFiles },
  { method: 'POST', path: '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', operationId: 'pulls/request-reviewers', auth: 'token', permissions: pullWrite, handle: addReviewers },
];
