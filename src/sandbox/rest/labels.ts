import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { GitHubError, notFound, validationFailed } from '../http/github-error.js';
import { actorOrThrow, numberParam, param, parseBody, repoOf } from '../http/input.js';
import { paginate } from '../http/paginate.js';
import type { RestRequest, Route } from '../http/route.js';
import { presentIssueLabels, presentLabel } from '../present/label.js';
import { getIssueOrThrow } from '../ops/lookup.js';
import { addLabels, ensureLabel, removeLabel } from '../ops/issues.js';

const createInput = z.object({ name: z.string().min(1), color: z.string().regex(/^#?[0-9a-fA-F]{6}$/).optional(), description: z.string().optional() });
const labelNames = z.union([
  z.array(z.union([z.string(), z.object({ name: z.string() }).transform((label) => label.name)])),
  z.object({ labels: z.array(z.union([z.string(), z.object({ name: z.string() }).transform((label) => label.name)])) }).transform((body) => body.labels),
]);

function createLabel(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const input = parseBody(createInput, request.body);
  if (repo.labels.has(input.name.toLowerCase())) throw validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
  const label = ensureLabel(context, repo, input.name, (input.color ?? 'ededed').replace(/^#/, '').toLowerCase(), input.description ?? null);
  return { status: 201, body: presentLabel(request.urls, repo, label), headers: { location: `${request.urls.api}/repos/${repo.owner.login}/${repo.name}/labels/${encodeURIComponent(label.name)}` } };
}

async function addToIssue(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const issue = getIssueOrThrow(repo, numberParam(request, 'issue_number'));
  const names = parseBody(labelNames, request.body);
  if (names.some((name) => name.trim() === '')) throw new GitHubError(422, 'Invalid request.\n\nLabel names cannot be blank.');
  await addLabels(context, repo, issue, names, actorOrThrow(request));
  return { status: 200, body: presentIssueLabels(request.urls, repo, issue.labels) };
}

async function removeFromIssue(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const issue = getIssueOrThrow(repo, numberParam(request, 'issue_number'));
  await removeLabel(context, repo, issue, param(request, 'name'), actorOrThrow(request));
  return { status: 200, body: presentIssueLabels(request.urls, repo, issue.labels) };
}

const labelWrite = [['issues', 'write'], ['pull_requests', 'write']] as const;

/** Labels: the repository's labels, and labels on issues and pull requests. */
export const labelRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels',
    operationId: 'issues/list-labels-for-repo',
    auth: 'token',
    permissions: [['issues', 'read'], ['pull_requests', 'read']],
    handle: (_context, request) => {
      const repo = repoOf(request);
      const page = paginate(request, [...repo.labels.values()].sort((a, b) => a.name.localeCompare(b.name)));
      return { status: 200, headers: page.headers, body: page.items.map((label) => presentLabel(request.urls, repo, label)) };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/labels/{name}',
    operationId: 'issues/get-label',
    auth: 'token',
    permissions: [['issues', 'read'], ['pull_requests', 'read']],
    handle: (_context, request) => {
      const repo = repoOf(request);
      const label = repo.labels.get(param(request, 'name').toLowerCase());
      if (label === undefined) throw notFound();
      return { status: 200, body: presentLabel(request.urls, repo, label) };
    },
  },
  { method: 'POST', path: '/repos/{owner}/{repo}/labels', operationId: 'issues/create-label', auth: 'token', permissions: labelWrite, handle: createLabel },
  { method: 'POST', path: '/repos/{owner}/{repo}/issues/{issue_number}/labels', operationId: 'issues/add-labels', auth: 'token', permissions: labelWrite, handle: addToIssue },
  { method: 'DELETE', path: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', operationId: 'issues/remove-label', auth: 'token', permissions: labelWrite, handle: removeFromIssue },
];
