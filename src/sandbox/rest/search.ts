import type { SandboxContext } from '../context.js';
import { canSeeRepo } from '../auth/authenticate.js';
import { GitHubError } from '../http/github-error.js';
import { queryValue } from '../http/input.js';
import { paginate } from '../http/paginate.js';
import type { RestRequest, Route } from '../http/route.js';
import { presentIssue } from '../present/issue.js';
import type { Issue, Repo } from '../state/types.js';
import { countComments } from '../ops/lookup.js';

type Query = { qualifiers: [string, string][]; words: string[] };

/** Splits a search query into `key:value` qualifiers (quotes allowed) and free words. */
export function parseSearchQuery(q: string): Query {
  const qualifiers: [string, string][] = [];
  const words: string[] = [];
  for (const match of q.matchAll(/(-?[a-z-]+):("[^"]*"|\S+)|"([^"]*)"|(\S+)/gi)) {
    if (match[1] !== undefined && match[2] !== undefined) qualifiers.push([match[1].toLowerCase(), match[2].replace(/^"|"$/g, '')]);
    else words.push((match[3] ?? match[4] ?? '').toLowerCase());
  }
  return { qualifiers, words: words.filter((word) => word !== '') };
}

function matchesQualifier(repo: Repo, issue: Issue, key: string, value: string): boolean {
  const lower = value.toLowerCase();
  const fullName = `${repo.owner.login}/${repo.name}`.toLowerCase();
  switch (key) {
    case 'repo':
      return fullName === lower;
    case 'org':
    case 'user':
    case 'owner':
      return repo.owner.login.toLowerCase() === lower;
    case 'is':
    case 'type':
      if (lower === 'pr' || lower === 'pull-request') return issue.pull !== undefined;
      if (lower === 'issue') return issue.pull === undefined;
      if (lower === 'merged') return issue.pull?.merged === true;
      if (lower === 'unmerged') return issue.pull !== undefined && !issue.pull.merged;
      return issue.state === lower;
    case 'state':
      return issue.state === lower;
    case 'author':
      return issue.user.login.toLowerCase() === lower;
    case 'label':
      return issue.labels.some((name) => name.toLowerCase() === lower);
    case '-label':
      return !issue.labels.some((name) => name.toLowerCase() === lower);
    case 'head':
      return issue.pull?.headRef === value;
    case 'base':
      return issue.pull?.baseRef === value;
    case 'in':
      return true;
    default:
      return true;
  }
}

function searchIssues(context: SandboxContext, request: RestRequest) {
  const q = queryValue(request, 'q');
  if (q === undefined || q.trim() === '') throw new GitHubError(422, 'Validation Failed', [{ resource: 'Search', field: 'q', code: 'missing' }]);
  const query = parseSearchQuery(q);
  const hits: { repo: Repo; issue: Issue }[] = [];
  for (const repo of context.store.repos.values()) {
    if (!canSeeRepo(request.principal, repo)) continue;
    for (const issue of repo.issues.values()) {
      const text = `${issue.title}\n${issue.body ?? ''}`.toLowerCase();
      if (query.qualifiers.every(([key, value]) => matchesQualifier(repo, issue, key, value)) && query.words.every((word) => text.includes(word))) hits.push({ repo, issue });
    }
  }
  const descending = (queryValue(request, 'order') ?? 'desc') === 'desc';
  const key = queryValue(request, 'sort') === 'updated' ? 'updatedAt' : 'createdAt';
  hits.sort((a, b) => {
    const order = a.issue[key].localeCompare(b.issue[key]) || a.issue.id - b.issue.id;
    return descending ? -order : order;
  });
  const page = paginate(request, hits);
  return {
    status: 200,
    headers: page.headers,
    body: {
      total_count: hits.length,
      incomplete_results: false,
      search_type: 'lexical',
      // Search results describe `body` as a string, never null.
      items: page.items.map(({ repo, issue }) => ({ ...presentIssue(request.urls, repo, issue, countComments(context.store, repo, issue.number)), body: issue.body ?? '', score: 1 })),
    },
  };
}

function rateLimit(context: SandboxContext, request: RestRequest, limitFor: (request: RestRequest) => { key: string; limit: number }) {
  const { key, limit } = limitFor(request);
  const core = context.rateLimits.peek(key, limit, context.clock.now());
  const window = { limit: core.limit, remaining: core.remaining, reset: core.reset, used: core.used };
  const search = { limit: 30, remaining: 30, reset: core.reset, used: 0 };
  return { status: 200, body: { resources: { core: window, search, graphql: { ...window }, integration_manifest: { limit: 5000, remaining: 5000, reset: core.reset, used: 0 } }, rate: window } };
}

/** Search over issues and pull requests the caller can see, and the caller's rate limit. */
export function searchRoutes(limitFor: (request: RestRequest) => { key: string; limit: number }): readonly Route[] {
  return [
    { method: 'GET', path: '/search/issues', operationId: 'search/issues-and-pull-requests', auth: 'token', handle: searchIssues },
    { method: 'GET', path: '/rate_limit', operationId: 'rate-limit/get', auth: 'token', handle: (context, request) => rateLimit(context, request, limitFor) },
  ];
}
