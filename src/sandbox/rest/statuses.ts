import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { findCommitSha } from '../git/index.js';
import { GitHubError } from '../http/github-error.js';
import { actorOrThrow, param, parseBody, repoOf } from '../http/input.js';
import { paginate } from '../http/paginate.js';
import type { RestRequest, Route } from '../http/route.js';
import { presentRepository } from '../present/repository.js';
import { latestStatusPerContext, presentCombinedStatus, presentStatus } from '../present/status.js';
import type { Repo } from '../state/types.js';
import { createStatus } from '../ops/statuses.js';

const statusInput = z.object({
  state: z.enum(['error', 'failure', 'pending', 'success']),
  target_url: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
  context: z.string().optional(),
});

async function commitShaOrThrow(repo: Repo, ref: string): Promise<string> {
  const sha = await findCommitSha(repo.gitDir, ref);
  if (sha === undefined) throw new GitHubError(422, `No commit found for SHA: ${ref}`);
  return sha;
}

async function create(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const input = parseBody(statusInput, request.body);
  const sha = await commitShaOrThrow(repo, param(request, 'sha'));
  const status = await createStatus(context, repo, sha, {
    state: input.state,
    context: input.context ?? 'default',
    description: input.description ?? null,
    targetUrl: input.target_url ?? null,
    creator: actorOrThrow(request),
  });
  return { status: 201, body: presentStatus(request.urls, repo, status), headers: { location: `${request.urls.api}/repos/${repo.owner.login}/${repo.name}/statuses/${sha}` } };
}

function statusesOf(context: SandboxContext, repo: Repo, sha: string) {
  return context.store.statuses.filter((status) => status.repoId === repo.id && status.sha === sha);
}

async function combined(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const sha = await commitShaOrThrow(repo, param(request, 'ref'));
  const latest = latestStatusPerContext(statusesOf(context, repo, sha));
  const page = paginate(request, latest);
  return { status: 200, headers: page.headers, body: { ...presentCombinedStatus(request.urls, repo, sha, latest, presentRepository(request.urls, repo)), statuses: presentCombinedStatus(request.urls, repo, sha, page.items, null).statuses } };
}

async function list(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const sha = await commitShaOrThrow(repo, param(request, 'ref'));
  const page = paginate(request, statusesOf(context, repo, sha).sort((a, b) => b.id - a.id));
  return { status: 200, headers: page.headers, body: page.items.map((status) => presentStatus(request.urls, repo, status)) };
}

/** Commit statuses (legacy CI): create one, read the combined state, list them. */
export const statusRoutes: readonly Route[] = [
  { method: 'POST', path: '/repos/{owner}/{repo}/statuses/{sha}', operationId: 'repos/create-commit-status', multiSegment: ['sha'], auth: 'token', permissions: [['statuses', 'write']], handle: create },
  { method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}/status', operationId: 'repos/get-combined-status-for-ref', multiSegment: ['ref'], auth: 'token', permissions: [['statuses', 'read']], handle: combined },
  { method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}/statuses', operationId: 'repos/list-commit-statuses-for-ref', multiSegment: ['ref'], auth: 'token', permissions: [['statuses', 'read']], handle: list },
];
