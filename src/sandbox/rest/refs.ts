import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { deleteRef, findCommitSha, isAncestor, writeRef } from '../git/index.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { actorOrThrow, param, parseBody, repoOf } from '../http/input.js';
import type { RestRequest, Route } from '../http/route.js';
import { nodeId } from '../present/urls.js';
import { applyRefUpdates, zeroSha } from '../ops/pushes.js';
import type { Repo } from '../state/types.js';

function presentRef(request: RestRequest, repo: Repo, ref: string, sha: string) {
  const api = `${request.urls.api}/repos/${repo.owner.login}/${repo.name}`;
  return {
    ref,
    node_id: nodeId('REF', Number.parseInt(sha.slice(0, 12), 16)),
    url: `${api}/git/${ref}`,
    object: { type: 'commit', sha, url: `${api}/git/commits/${sha}` },
  };
}

function fullRef(request: RestRequest): string {
  return `refs/${param(request, 'ref').replace(/^refs\//, '')}`;
}

async function exactRefSha(repo: Repo, ref: string): Promise<string | undefined> {
  if (!/^refs\/(heads|tags)\/./.test(ref)) return undefined;
  return findCommitSha(repo.gitDir, ref);
}

const createInput = z.object({ ref: z.string(), sha: z.string() });
const updateInput = z.object({ sha: z.string(), force: z.boolean().optional() });

async function createRef(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const actor = actorOrThrow(request);
  const input = parseBody(createInput, request.body);
  if (!/^refs\/[^/]+\/.+/.test(input.ref)) throw new GitHubError(422, "Reference name must start with 'refs/' and have at least two slashes.");
  return context.repoLock.run(String(repo.id), async () => {
    if ((await exactRefSha(repo, input.ref)) !== undefined) throw new GitHubError(422, 'Reference already exists');
    const sha = await findCommitSha(repo.gitDir, input.sha);
    if (sha === undefined || !/^[0-9a-f]{40}$/.test(input.sha)) throw new GitHubError(422, 'Object does not exist');
    await writeRef(repo.gitDir, input.ref, sha, zeroSha);
    await applyRefUpdates(context, repo, [{ ref: input.ref, before: zeroSha, after: sha }], actor);
    return { status: 201, body: presentRef(request, repo, input.ref, sha), headers: { location: `${request.urls.api}/repos/${repo.owner.login}/${repo.name}/git/${input.ref}` } };
  });
}

async function updateRef(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const actor = actorOrThrow(request);
  const input = parseBody(updateInput, request.body);
  const ref = fullRef(request);
  return context.repoLock.run(String(repo.id), async () => {
    const before = await exactRefSha(repo, ref);
    if (before === undefined) throw new GitHubError(422, 'Reference does not exist');
    const sha = await findCommitSha(repo.gitDir, input.sha);
    if (sha === undefined) throw new GitHubError(422, 'Object does not exist');
    if (input.force !== true && !(await isAncestor(repo.gitDir, before, sha))) throw new GitHubError(422, 'Update is not a fast forward');
    await writeRef(repo.gitDir, ref, sha, before);
    await applyRefUpdates(context, repo, [{ ref, before, after: sha }], actor);
    return { status: 200, body: presentRef(request, repo, ref, sha) };
  });
}

async function removeRef(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const actor = actorOrThrow(request);
  const ref = fullRef(request);
  return context.repoLock.run(String(repo.id), async () => {
    const before = await exactRefSha(repo, ref);
    if (before === undefined) throw new GitHubError(422, 'Reference does not exist');
    if (ref === `refs/heads/${repo.defaultBranch}`) throw new GitHubError(422, 'Cannot delete the default branch');
    await deleteRef(repo.gitDir, ref);
    await applyRefUpdates(context, repo, [{ ref, before, after: zeroSha }], actor);
    return { status: 204 };
  });
}

/** Git references: read one, create a branch, move it (fast-forward or forced), delete it. */
export const refRoutes: readonly Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/git/ref/{ref}',
    operationId: 'git/get-ref',
    multiSegment: ['ref'],
    auth: 'token',
    permissions: [['contents', 'read']],
    handle: async (_context, request) => {
      const repo = repoOf(request);
      const ref = fullRef(request);
      const sha = await exactRefSha(repo, ref);
      if (sha === undefined) throw notFound();
      return { status: 200, body: presentRef(request, repo, ref, sha) };
    },
  },
  { method: 'POST', path: '/repos/{owner}/{repo}/git/refs', operationId: 'git/create-ref', auth: 'token', permissions: [['contents', 'write']], handle: createRef },
  { method: 'PATCH', path: '/repos/{owner}/{repo}/git/refs/{ref}', operationId: 'git/update-ref', multiSegment: ['ref'], auth: 'token', permissions: [['contents', 'write']], handle: updateRef },
  { method: 'DELETE', path: '/repos/{owner}/{repo}/git/refs/{ref}', operationId: 'git/delete-ref', multiSegment: ['ref'], auth: 'token', permissions: [['contents', 'write']], handle: removeRef },
];
