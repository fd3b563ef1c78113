import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { findCommitSha, findTreeEntry, listDirectory, readBlob, readCommits } from '../git/index.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { actorOrThrow, param, parseBody, queryValue, repoOf } from '../http/input.js';
import type { RestRequest, Route } from '../http/route.js';
import { presentCommit } from '../present/commit.js';
import { presentContentEntry, presentContentFile } from '../present/content.js';
import { commitToBranch } from '../ops/commit-files.js';
import { accountByEmail, findBranchSha } from '../ops/lookup.js';

function wantsRaw(request: RestRequest): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(request.headers.accept ?? '');
}

async function getContent(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const ref = queryValue(request, 'ref') ?? repo.defaultBranch;
  const sha = await findCommitSha(repo.gitDir, ref);
  if (sha === undefined) throw new GitHubError(404, `No commit found for the ref ${ref}`);
  const filePath = param(request, 'path').replace(/^\/+|\/+$/g, '');
  const entry = await findTreeEntry(repo.gitDir, sha, filePath);
  if (entry === undefined) throw notFound();
  if (entry.type === 'tree') {
    const entries = await listDirectory(repo.gitDir, sha, filePath);
    return { status: 200, body: entries.map((item) => presentContentEntry(request.urls, repo, item, ref)) };
  }
  if (entry.type !== 'blob') return { status: 200, body: presentContentEntry(request.urls, repo, entry, ref) };
  const content = await readBlob(repo.gitDir, entry.sha);
  if (wantsRaw(request)) return { status: 200, raw: content, contentType: 'application/vnd.github.raw; charset=utf-8' };
  return { status: 200, body: presentContentFile(request.urls, repo, entry, ref, content) };
}

const person = z.object({ name: z.string(), email: z.string(), date: z.string().optional() });
const putInput = z.object({
  message: z.string(),
  content: z.string(),
  sha: z.string().optional(),
  branch: z.string().optional(),
  committer: person.optional(),
  author: person.optional(),
});

async function putContent(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const actor = actorOrThrow(request);
  const input = parseBody(putInput, request.body);
  const branch = input.branch ?? repo.defaultBranch;
  const filePath = param(request, 'path').replace(/^\/+|\/+$/g, '');
  const tip = await findBranchSha(repo, branch);
  if (tip === undefined) throw new GitHubError(404, `Branch ${branch} not found`);
  const existing = await findTreeEntry(repo.gitDir, tip, filePath);
  if (existing !== undefined && input.sha === undefined) throw new GitHubError(422, `Invalid request.\n\n"sha" wasn't supplied.`);
  if (existing !== undefined && input.sha !== existing.sha) throw new GitHubError(409, `${filePath} does not match ${input.sha ?? ''}`);
  const { sha } = await commitToBranch(context, repo, { branch, changes: { [filePath]: Buffer.from(input.content, 'base64') }, message: input.message, author: actor });
  const [commit] = await readCommits(repo.gitDir, [sha]);
  const entry = await findTreeEntry(repo.gitDir, sha, filePath);
  if (commit === undefined || entry === undefined) throw notFound();
  const presented = presentCommit(request.urls, repo, commit, accountByEmail(context.store));
  const { content: _content, encoding: _encoding, ...file } = presentContentFile(request.urls, repo, entry, branch, await readBlob(repo.gitDir, entry.sha));
  return {
    status: existing === undefined ? 201 : 200,
    body: {
      content: file,
      commit: {
        sha: presented.sha,
        node_id: presented.node_id,
        url: presented.commit.url,
        html_url: presented.html_url,
        author: presented.commit.author,
        committer: presented.commit.committer,
        message: presented.commit.message,
        tree: presented.commit.tree,
        parents: presented.parents,
        verification: presented.commit.verification,
      },
    },
  };
}

/** The contents API: read a file or directory at a ref, write a file as a commit. */
export const contentRoutes: readonly Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/contents/{path}', operationId: 'repos/get-content', multiSegment: ['path'], auth: 'token', permissions: [['contents', 'read']], handle: getContent },
  { method: 'PUT', path: '/repos/{owner}/{repo}/contents/{path}', operationId: 'repos/create-or-update-file-contents', multiSegment: ['path'], auth: 'token', permissions: [['contents', 'write']], handle: putContent },
];
