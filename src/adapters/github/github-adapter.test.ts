import { Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { useSandbox } from '../../../test/helpers/sandbox.js';
import { readCiState } from './checks.js';
import { readRepoConfig } from './config.js';
import { DownstreamOctokit } from './downstream-octokit.js';
import { createGitHubAccess } from './github-access.js';
import { findPullForBranch } from './pulls.js';
import { findFileText, listChangedFiles, readRepo } from './repos.js';

// Over the wire against the sandbox, with every request and response checked against GitHub's OpenAPI description.
const context = useSandbox({
  seed: {
    repos: [
      { owner: 'acme', name: 'consumer', files: { 'src/a.ts': 'export const a = 1;\n', '.github/downstream.yml': '_extends: .github\npaths: src/db/**\n' }, topics: ['data'] },
      { owner: 'acme', name: '.github', files: { '.github/downstream.yml': 'labels: [data-migration]\nautomerge: true\n' } },
      { owner: 'acme', name: 'bare', files: { 'README.md': 'no config here\n' } },
      { owner: 'acme', name: 'broken', files: { '.github/downstream.yml': 'enabled: perhaps\n' } },
    ],
  },
});

function createAccess() {
  const { sandbox } = context;
  const probot = new Probot({ appId: sandbox.appId, privateKey: sandbox.privateKey, secret: sandbox.webhookSecret, baseUrl: sandbox.url, log: pino({ level: 'silent' }), Octokit: DownstreamOctokit });
  return createGitHubAccess(probot);
}

describe('the GitHub adapter against the sandbox', () => {
  it('finds the installation of a repository and reads it', async () => {
    const access = await createAccess().forRepo({ owner: 'acme', name: 'consumer' });
    expect(access.installationId).toBe(context.sandbox.installationId);
    const repo = await readRepo(access.octokit, { owner: 'acme', repo: 'consumer' });
    expect(repo).toMatchObject({ defaultBranch: 'main', topics: ['data'], archived: false });
    expect(await access.token()).toMatch(/^ghs_/);
    expect(await createAccess().readApp()).toMatchObject({ slug: context.sandbox.appSlug, botLogin: `${context.sandbox.appSlug}[bot]` });
  });

  it('reads repository config as context.config does: _extends, the org .github fallback, validation', async () => {
    const { octokit } = await createAccess().forRepo({ owner: 'acme', name: 'consumer' });
    const extended = await readRepoConfig(octokit, { owner: 'acme', repo: 'consumer' });
    expect(extended).toMatchObject({ found: true, config: { paths: ['src/db/**'], labels: ['data-migration'], automerge: true } });
    const fallback = await readRepoConfig(octokit, { owner: 'acme', repo: 'bare' });
    expect(fallback).toMatchObject({ found: true, config: { labels: ['data-migration'] } });
    await expect(readRepoConfig(octokit, { owner: 'acme', repo: 'broken' })).rejects.toThrow('acme/broken:.github/downstream.yml: enabled: Invalid input: expected boolean, received string');
  });

  it('reads files at a commit and lists what changed between two', async () => {
    const { octokit } = await createAccess().forRepo({ owner: 'acme', name: 'consumer' });
    const before = await readRepo(octokit, { owner: 'acme', repo: 'consumer' });
    const { sha: first } = await context.sandbox.pushFiles({ owner: 'acme', repo: 'consumer', branch: 'main', files: { 'src/b.ts': 'export const b = 2;\n' } });
    const { sha: second } = await context.sandbox.pushFiles({ owner: 'acme', repo: 'consumer', branch: 'main', files: { 'src/a.ts': 'export const a = 3;\n', 'src/b.ts': null } });
    expect(await findFileText(octokit, { owner: 'acme', repo: 'consumer', path: 'src/b.ts', ref: first })).toBe('export const b = 2;\n');
    expect(await findFileText(octokit, { owner: 'acme', repo: 'consumer', path: 'src/b.ts', ref: second })).toBeUndefined();
    expect((await listChangedFiles(octokit, { owner: 'acme', repo: 'consumer', base: first, head: second })).sort()).toEqual(['src/a.ts', 'src/b.ts']);
    expect(before.cloneUrl).toMatch(/\/acme\/consumer\.git$/);
  });

  it('combines check runs and statuses into one CI verdict', async () => {
    const { octokit } = await createAccess().forRepo({ owner: 'acme', name: 'consumer' });
    const { sha } = await context.sandbox.pushFiles({ owner: 'acme', repo: 'consumer', branch: 'ci-check', files: { 'src/c.ts': 'export const c = 1;\n' } });
    expect(await readCiState(octokit, { owner: 'acme', repo: 'consumer', sha })).toBe('none');
    await octokit.rest.repos.createCommitStatus({ owner: 'acme', repo: 'consumer', sha, state: 'pending', context: 'ci/build' });
    expect(await readCiState(octokit, { owner: 'acme', repo: 'consumer', sha })).toBe('pending');
    await octokit.rest.checks.create({ owner: 'acme', repo: 'consumer', name: 'lint', head_sha: sha, status: 'completed', conclusion: 'failure' });
    expect(await readCiState(octokit, { owner: 'acme', repo: 'consumer', sha })).toBe('failed');
    // Our own check runs (the app's slug) are not the consumer's CI.
    expect(await readCiState(octokit, { owner: 'acme', repo: 'consumer', sha, ignoreApp: context.sandbox.appSlug })).toBe('pending');
    await octokit.rest.repos.createCommitStatus({ owner: 'acme', repo: 'consumer', sha, state: 'success', context: 'ci/build' });
    expect(await readCiState(octokit, { owner: 'acme', repo: 'consumer', sha, ignoreApp: context.sandbox.appSlug })).toBe('passed');
  });

  it('waits out a secondary rate limit and retries, as GitHub asks', async () => {
    const { octokit } = await createAccess().forRepo({ owner: 'acme', name: 'consumer' });
    await readRepo(octokit, { owner: 'acme', repo: 'consumer' });
    const before = context.sandbox.requests().length;
    context.sandbox.faults.failNext('secondary-rate-limit', 1);
    expect(await findPullForBranch(octokit, { owner: 'acme', repo: 'consumer', branch: 'nothing' })).toBeUndefined();
    const statuses = context.sandbox.requests().slice(before).filter((request) => request.operationId === 'pulls/list').map((request) => request.status);
    expect(statuses).toEqual([403, 200]);
  });
});
