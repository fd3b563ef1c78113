import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { readCommits } from '../git/index.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { param, parseBody, repoOf } from '../http/input.js';
import type { RestRequest, Route } from '../http/route.js';
import { presentCommit } from '../present/commit.js';
import { presentRepository } from '../present/repository.js';
import { legacyPermission, presentCollaborator, presentUser } from '../present/user.js';
import { findAccount } from '../state/store.js';
import { accountByEmail, findBranchSha } from '../ops/lookup.js';
import { setTopics } from '../ops/repos.js';

const topicsInput = z.object({ names: z.array(z.string()) });

function collaboratorPermission(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const account = findAccount(context.store, param(request, 'username'));
  if (account === undefined) throw notFound();
  const role = account.id === repo.owner.id ? 'admin' : repo.collaborators.get(account.login.toLowerCase())?.role;
  return {
    status: 200,
    body: { permission: legacyPermission(role), role_name: role ?? 'none', user: presentCollaborator(request.urls, account, role) },
  };
}

async function getBranch(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const branch = param(request, 'branch');
  const sha = await findBranchSha(repo, branch);
  if (sha === undefined) throw new GitHubError(404, 'Branch not found');
  const [commit] = await readCommits(repo.gitDir, [sha]);
  if (commit === undefined) throw notFound();
  const api = `${request.urls.api}/repos/${repo.owner.login}/${repo.name}/branches/${encodeURIComponent(branch)}`;
  return {
    status: 200,
    body: {
      name: branch,
      commit: presentCommit(request.urls, repo, commit, accountByEmail(context.store)),
      _links: { self: api, html: `${request.urls.web}/${repo.owner.login}/${repo.name}/tree/${branch}` },
      protected: false,
      protection: { enabled: false, required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] } },
      protection_url: `${api}/protection`,
    },
  };
}

/** Repository metadata: the repository, its topics, a person's permission, a branch. */
export const repoRoutes: readonly Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}', operationId: 'repos/get', auth: 'token', permissions: [['metadata', 'read']], handle: (_context, request) => ({ status: 200, body: presentRepository(request.urls, repoOf(request)) }) },
  { method: 'GET', path: '/repos/{owner}/{repo}/topics', operationId: 'repos/get-all-topics', auth: 'token', permissions: [['metadata', 'read']], handle: (_context, request) => ({ status: 200, body: { names: [...repoOf(request).topics] } }) },
  {
    method: 'PUT',
    path: '/repos/{owner}/{repo}/topics',
    operationId: 'repos/replace-all-topics',
    auth: 'token',
    permissions: [['administration', 'write']],
    handle: (context, request) => {
      const repo = repoOf(request);
      setTopics(context, repo, parseBody(topicsInput, request.body).names);
      return { status: 200, body: { names: [...repo.topics] } };
    },
  },
  { method: 'GET', path: '/repos/{owner}/{repo}/collaborators/{username}/permission', operationId: 'repos/get-collaborator-permission-level', auth: 'token', permissions: [['metadata', 'read']], handle: collaboratorPermission },
  { method: 'GET', path: '/repos/{owner}/{repo}/branches/{branch}', operationId: 'repos/get-branch', multiSegment: ['branch'], auth: 'token', permissions: [['contents', 'read']], handle: getBranch },
  {
    method: 'GET',
    path: '/users/{username}',
    operationId: 'users/get-by-username',
    auth: 'token',
    handle: (context, request) => {
      const account = findAccount(context.store, param(request, 'username'));
      if (account === undefined) throw notFound();
      const user = presentUser(request.urls, account);
      return {
        status: 200,
        body: { ...user, name: account.name, company: null, blog: null, location: null, email: account.email, hireable: null, bio: null, public_repos: 0, public_gists: 0, followers: 0, following: 0, created_at: account.createdAt, updated_at: account.createdAt },
      };
    },
  },
];
