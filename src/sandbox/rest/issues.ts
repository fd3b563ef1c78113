import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { notFound } from '../http/github-error.js';
import { actorOrThrow, numberParam, parseBody, queryValue, repoOf } from '../http/input.js';
import { paginate } from '../http/paginate.js';
import type { RestRequest, Route } from '../http/route.js';
import { presentComment, presentIssue } from '../present/issue.js';
import { findAccount } from '../state/store.js';
import type { Issue } from '../state/types.js';
import { countComments, getIssueOrThrow } from '../ops/lookup.js';
import { createComment, createIssue, updateComment, updateIssue } from '../ops/issues.js';

const labelName = z.union([z.string(), z.object({ name: z.string() }).transform((label) => label.name)]);
const createInput = z.object({
  title: z.union([z.string(), z.number().transform(String)]),
  body: z.string().nullable().optional(),
  labels: z.array(labelName).optional(),
  assignees: z.array(z.string()).optional(),
});
const updateInput = z.object({
  title: z.union([z.string(), z.number().transform(String)]).nullable().optional(),
  body: z.string().nullable().optional(),
  state: z.enum(['open', 'closed']).optional(),
  state_reason: z.enum(['completed', 'not_planned', 'reopened']).nullable().optional(),
  labels: z.array(labelName).optional(),
});
const commentInput = z.object({ body: z.string() });

function matchesFilters(request: RestRequest, issue: Issue): boolean {
  const state = queryValue(request, 'state') ?? 'open';
  if (state !== 'all' && issue.state !== state) return false;
  const creator = queryValue(request, 'creator');
  if (creator !== undefined && issue.user.login.toLowerCase() !== creator.toLowerCase()) return false;
  const labels = queryValue(request, 'labels');
  if (labels !== undefined && labels !== '') {
    const present = new Set(issue.labels.map((name) => name.toLowerCase()));
    if (!labels.split(',').every((name) => present.has(name.trim().toLowerCase()))) return false;
  }
  const since = queryValue(request, 'since');
  return since === undefined || issue.updatedAt >= since;
}

function listIssues(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const descending = (queryValue(request, 'direction') ?? 'desc') === 'desc';
  const key = queryValue(request, 'sort') === 'updated' ? 'updatedAt' : 'createdAt';
  const issues = [...repo.issues.values()]
    .filter((issue) => matchesFilters(request, issue))
    .sort((a, b) => {
      const order = a[key].localeCompare(b[key]) || a.number - b.number;
      return descending ? -order : order;
    });
  const page = paginate(request, issues);
  return { status: 200, headers: page.headers, body: page.items.map((issue) => presentIssue(request.urls, repo, issue, countComments(context.store, repo, issue.number))) };
}

async function create(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const input = parseBody(createInput, request.body);
  const assignees = (input.assignees ?? []).flatMap((login) => {
    const account = findAccount(context.store, login);
    return account === undefined ? [] : [account];
  });
  const issue = await createIssue(context, repo, { title: input.title, body: input.body ?? null, labels: input.labels ?? [], assignees, author: actorOrThrow(request) });
  return { status: 201, body: presentIssue(request.urls, repo, issue, 0), headers: { location: `${request.urls.api}/repos/${repo.owner.login}/${repo.name}/issues/${issue.number}` } };
}

async function update(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const issue = getIssueOrThrow(repo, numberParam(request, 'issue_number'));
  const input = parseBody(updateInput, request.body);
  await updateIssue(context, repo, issue, {
    ...(input.title === undefined || input.title === null ? {} : { title: input.title }),
    ...(input.body === undefined ? {} : { body: input.body }),
    ...(input.state === undefined ? {} : { state: input.state }),
    ...(input.state_reason === undefined ? {} : { stateReason: input.state_reason }),
    ...(input.labels === undefined ? {} : { labels: input.labels }),
    actor: actorOrThrow(request),
  });
  return { status: 200, body: presentIssue(request.urls, repo, issue, countComments(context.store, repo, issue.number)) };
}

function findCommentOrThrow(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const comment = context.store.comments.get(numberParam(request, 'comment_id'));
  if (comment === undefined || comment.repoId !== repo.id) throw notFound();
  return { repo, comment };
}

function listComments(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const issue = getIssueOrThrow(repo, numberParam(request, 'issue_number'));
  const since = queryValue(request, 'since');
  const comments = [...context.store.comments.values()]
    .filter((comment) => comment.repoId === repo.id && comment.issueNumber === issue.number && (since === undefined || comment.updatedAt >= since))
    .sort((a, b) => a.id - b.id);
  const page = paginate(request, comments);
  return { status: 200, headers: page.headers, body: page.items.map((comment) => presentComment(request.urls, repo, comment)) };
}

const issueWrite = [['issues', 'write'], ['pull_requests', 'write']] as const;
const issueRead = [['issues', 'read'], ['pull_requests', 'read']] as const;

/** Issues (pull requests included, as GitHub's issues API sees them) and their comments. */
export const issueRoutes: readonly Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/issues', operationId: 'issues/list-for-repo', auth: 'token', permissions: issueRead, handle: listIssues },
  { method: 'POST', path: '/repos/{owner}/{repo}/issues', operationId: 'issues/create', auth: 'token', permissions: [['issues', 'write']], handle: create },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    operationId: 'issues/get',
    auth: 'token',
    permissions: issueRead,
    handle: (context, request) => {
      const repo = repoOf(request);
      const issue = getIssueOrThrow(repo, numberParam(request, 'issue_number'));
      return { status: 200, body: presentIssue(request.urls, repo, issue, countComments(context.store, repo, issue.number)) };
    },
  },
  { method: 'PATCH', path: '/repos/{owner}/{repo}/issues/{issue_number}', operationId: 'issues/update', auth: 'token', permissions: issueWrite, handle: update },
  { method: 'GET', path: '/repos/{owner}/{repo}/issues/{issue_number}/comments', operationId: 'issues/list-comments', auth: 'token', permissions: issueRead, handle: listComments },
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
    operationId: 'issues/create-comment',
    auth: 'token',
    permissions: issueWrite,
    handle: (context, request) => {
      const repo = repoOf(request);
      const issue = getIssueOrThrow(repo, numberParam(request, 'issue_number'));
      const comment = createComment(context, repo, issue, parseBody(commentInput, request.body).body, actorOrThrow(request));
      return { status: 201, body: presentComment(request.urls, repo, comment), headers: { location: `${request.urls.api}/repos/${repo.owner.login}/${repo.name}/issues/comments/${comment.id}` } };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    operationId: 'issues/get-comment',
    auth: 'token',
    permissions: issueRead,
    handle: (context, request) => {
      const { repo, comment } = findCommentOrThrow(context, request);
      return { status: 200, body: presentComment(request.urls, repo, comment) };
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
    operationId: 'issues/update-comment',
    auth: 'token',
    permissions: issueWrite,
    handle: (context, request) => {
      const { repo, comment } = findCommentOrThrow(context, request);
      updateComment(context, repo, comment, parseBody(commentInput, request.body).body, actorOrThrow(request));
      return { status: 200, body: presentComment(request.urls, repo, comment) };
    },
  },
];
