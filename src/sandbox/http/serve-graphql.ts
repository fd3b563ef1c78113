import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { Principal } from '../auth/authenticate.js';
import { authenticate, canSeeRepo, describePrincipal } from '../auth/authenticate.js';
import type { SandboxContext } from '../context.js';
import { isPull } from '../ops/lookup.js';
import { enableAutoMerge } from '../ops/auto-merge.js';
import type { MergeMethod } from '../ops/pulls.js';
import type { PullIssue } from '../present/pull.js';
import { findIdInNodeId } from '../present/urls.js';
import type { Repo } from '../state/types.js';
import { GitHubError } from './github-error.js';
import { parseJsonBody, readBody } from './read-body.js';

const requestSchema = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()).nullish() });
const methods = { MERGE: 'merge', SQUASH: 'squash', REBASE: 'rebase' } as const satisfies Record<string, MergeMethod>;

/** An input field of the mutation: from `variables.input`, a variable of that name, or inline (`name: "…"` or `name: $var`). */
function findVariable(query: string, variables: Record<string, unknown>, name: string): string | undefined {
  const input = z.object({ [name]: z.string() }).safeParse(variables.input);
  if (input.success) return input.data[name];
  const direct = variables[name];
  if (typeof direct === 'string') return direct;
  const inline = new RegExp(`${name}\\s*:\\s*"?(\\$?[A-Za-z0-9_=-]+)"?`).exec(query)?.[1];
  if (inline === undefined || !inline.startsWith('$')) return inline;
  const referenced = variables[inline.slice(1)];
  return typeof referenced === 'string' ? referenced : undefined;
}

function findPullByNodeId(context: SandboxContext, nodeId: string): { repo: Repo; issue: PullIssue } | undefined {
  const id = findIdInNodeId(nodeId);
  for (const repo of context.store.repos.values()) {
    for (const issue of repo.issues.values()) if (isPull(issue) && issue.pull.id === id) return { repo, issue };
  }
  return undefined;
}

async function answer(context: SandboxContext, principal: Principal, body: unknown): Promise<{ status: number; body: unknown }> {
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) return { status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/graphql' } };
  const { query } = parsed.data;
  const variables = parsed.data.variables ?? {};
  if (!/enablePullRequestAutoMerge\s*\(/.test(query)) {
    return { status: 200, body: { errors: [{ type: 'NOT_SUPPORTED', message: 'The sandbox answers only the enablePullRequestAutoMerge mutation.' }] } };
  }
  if (principal.kind !== 'installation' && principal.kind !== 'user') throw new GitHubError(401, 'This endpoint requires you to be authenticated.');
  const pullRequestId = findVariable(query, variables, 'pullRequestId') ?? '';
  const found = findPullByNodeId(context, pullRequestId);
  if (found === undefined || !canSeeRepo(principal, found.repo)) {
    return { status: 200, body: { data: { enablePullRequestAutoMerge: null }, errors: [{ type: 'NOT_FOUND', path: ['enablePullRequestAutoMerge'], message: `Could not resolve to a node with the global id of '${pullRequestId}'` }] } };
  }
  const methodName = findVariable(query, variables, 'mergeMethod') ?? 'MERGE';
  const method = methodName === 'SQUASH' || methodName === 'REBASE' || methodName === 'MERGE' ? methods[methodName] : 'merge';
  await enableAutoMerge(context, found.repo, found.issue, method, principal.token.account);
  const autoMerge = found.issue.pull.autoMerge;
  return {
    status: 200,
    body: {
      data: {
        enablePullRequestAutoMerge: {
          clientMutationId: null,
          pullRequest: { id: pullRequestId, number: found.issue.number, autoMergeRequest: autoMerge === null ? null : { enabledAt: autoMerge.enabledAt, mergeMethod: methodName } },
        },
      },
    },
  };
}

/** The one GraphQL mutation the sandbox answers: `enablePullRequestAutoMerge` (auto-merge is GraphQL-only on GitHub). */
export async function serveGraphql(context: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const started = performance.now();
  let principal: Principal = { kind: 'anonymous' };
  let result: { status: number; body: unknown };
  try {
    const body = parseJsonBody(await readBody(req));
    principal = authenticate(context, req.headers.authorization);
    result = await answer(context, principal, body);
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    result = { status: error.status, body: error.body() };
  }
  res.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(result.body));
  context.requestLog.add({
    at: context.clock.iso(),
    kind: 'graphql',
    method: req.method ?? 'POST',
    path: url.pathname,
    operationId: undefined,
    principal: describePrincipal(principal),
    status: result.status,
    fault: undefined,
    durationMs: Math.round(performance.now() - started),
    requestBody: undefined,
    responseBody: result.body,
  });
}
