import type { SandboxContext } from '../context.js';
import { diffCommits, findCommitSha, findMergeBase, listCommitsBetween, readCommits } from '../git/index.js';
import { GitHubError, notFound } from '../http/github-error.js';
import { param, repoOf } from '../http/input.js';
import type { RestRequest, Route } from '../http/route.js';
import { presentCommit } from '../present/commit.js';
import { presentDiffEntry } from '../present/diff.js';
import { repoApiUrl, repoWebUrl } from '../present/urls.js';
import { accountByEmail } from '../ops/lookup.js';

// GitHub lists at most 250 commits in a comparison.
const maxCompareCommits = 250;

function stripOwner(side: string): string {
  const colon = side.indexOf(':');
  return colon < 0 ? side : side.slice(colon + 1);
}

async function compare(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const basehead = param(request, 'basehead');
  const separator = basehead.includes('...') ? '...' : '..';
  const [baseName = '', headName = ''] = basehead.split(separator, 2).map(stripOwner);
  const [base, head] = await Promise.all([findCommitSha(repo.gitDir, baseName), findCommitSha(repo.gitDir, headName)]);
  if (base === undefined || head === undefined) throw new GitHubError(404, `No common ancestor between ${baseName} and ${headName}.`);
  const mergeBase = (await findMergeBase(repo.gitDir, base, head)) ?? base;
  const [ahead, behind, files] = await Promise.all([listCommitsBetween(repo.gitDir, mergeBase, head), listCommitsBetween(repo.gitDir, mergeBase, base), diffCommits(repo.gitDir, mergeBase, head)]);
  const byEmail = accountByEmail(context.store);
  const commits = await readCommits(repo.gitDir, ahead.slice(0, maxCompareCommits));
  const [baseCommit, mergeBaseCommit] = await readCommits(repo.gitDir, [base, mergeBase]);
  if (baseCommit === undefined || mergeBaseCommit === undefined) throw notFound();
  const status = ahead.length === 0 && behind.length === 0 ? 'identical' : behind.length === 0 ? 'ahead' : ahead.length === 0 ? 'behind' : 'diverged';
  const web = `${repoWebUrl(request.urls, repo)}/compare/${basehead}`;
  return {
    status: 200,
    body: {
      url: `${repoApiUrl(request.urls, repo)}/compare/${basehead}`,
      html_url: web,
      permalink_url: `${repoWebUrl(request.urls, repo)}/compare/${base.slice(0, 7)}...${head.slice(0, 7)}`,
      diff_url: `${web}.diff`,
      patch_url: `${web}.patch`,
      base_commit: presentCommit(request.urls, repo, baseCommit, byEmail),
      merge_base_commit: presentCommit(request.urls, repo, mergeBaseCommit, byEmail),
      status,
      ahead_by: ahead.length,
      behind_by: behind.length,
      total_commits: ahead.length,
      commits: commits.map((commit) => presentCommit(request.urls, repo, commit, byEmail)),
      files: files.map((file) => presentDiffEntry(request.urls, repo, file, head)),
    },
  };
}

async function getCommit(context: SandboxContext, request: RestRequest) {
  const repo = repoOf(request);
  const sha = await findCommitSha(repo.gitDir, param(request, 'ref'));
  if (sha === undefined) throw new GitHubError(422, `No commit found for SHA: ${param(request, 'ref')}`);
  const [commit] = await readCommits(repo.gitDir, [sha]);
  if (commit === undefined) throw notFound();
  const files = await diffCommits(repo.gitDir, commit.parents[0] ?? '4b825dc642cb6eb9a060e54bf8d69288fbee4904', sha);
  const additions = files.reduce((sum, file) => sum + file.additions, 0);
  const deletions = files.reduce((sum, file) => sum + file.deletions, 0);
  return {
    status: 200,
    body: {
      ...presentCommit(request.urls, repo, commit, accountByEmail(context.store)),
      stats: { additions, deletions, total: additions + deletions },
      files: files.map((file) => presentDiffEntry(request.urls, repo, file, sha)),
    },
  };
}

/** Commits: one commit with its files, and the comparison of two refs. */
export const commitRoutes: readonly Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/compare/{basehead}', operationId: 'repos/compare-commits-with-basehead', multiSegment: ['basehead'], auth: 'token', permissions: [['contents', 'read']], handle: compare },
  { method: 'GET', path: '/repos/{owner}/{repo}/commits/{ref}', operationId: 'repos/get-commit', multiSegment: ['ref'], auth: 'token', permissions: [['contents', 'read']], handle: getCommit },
];
