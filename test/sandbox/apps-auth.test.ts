import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAppJwt } from '../../src/sandbox/index.js';
import { appOctokit, installationOctokit, octokitWith, statusOf, useSandbox } from '../helpers/sandbox.js';

const files = { 'README.md': '# repo\n' };

describe('GitHub App authentication against the sandbox', () => {
  const env = useSandbox({
    seed: {
      repos: [
        { owner: 'acme', name: 'web', files },
        { owner: 'acme', name: 'api', files },
        { owner: 'acme', name: 'secret', files, installed: false },
        { owner: 'other', name: 'tools', files },
      ],
    },
  });

  it('lists the app, its installations, and finds the installation of a repository and an organization', async () => {
    const app = appOctokit(env.sandbox);
    const { data: self } = await app.rest.apps.getAuthenticated();
    expect(self?.id).toBe(env.sandbox.appId);
    const { data: installations } = await app.rest.apps.listInstallations();
    expect(installations.map((installation) => (installation.account !== null && 'login' in installation.account ? installation.account.login : undefined)).sort()).toEqual(['acme', 'other']);
    const { data: byRepo } = await app.rest.apps.getRepoInstallation({ owner: 'acme', repo: 'web' });
    expect(byRepo.id).toBe(env.sandbox.installationId);
    expect(byRepo.repository_selection).toBe('selected');
    const { data: byOrg } = await app.rest.apps.getOrgInstallation({ org: 'other' });
    expect(byOrg.id).toBe(env.sandbox.installationIdFor('other'));
    const { data: one } = await app.rest.apps.getInstallation({ installation_id: env.sandbox.installationId });
    expect(one.account).toMatchObject({ login: 'acme' });
    expect(await statusOf(app.rest.apps.getRepoInstallation({ owner: 'acme', repo: 'secret' }))).toBe(404);
  });

  it('exchanges the JWT for an installation token that reaches exactly the installation\'s repositories', async () => {
    const { octokit } = await installationOctokit(env.sandbox);
    const { data } = await octokit.rest.apps.listReposAccessibleToInstallation();
    expect(data.repositories.map((repo) => repo.full_name).sort()).toEqual(['acme/api', 'acme/web']);
    expect((await octokit.rest.repos.get({ owner: 'acme', repo: 'web' })).data.full_name).toBe('acme/web');
    // Outside the installation, GitHub answers 404 (never 403), on REST and for other owners.
    expect(await statusOf(octokit.rest.repos.get({ owner: 'acme', repo: 'secret' }))).toBe(404);
    expect(await statusOf(octokit.rest.repos.get({ owner: 'other', repo: 'tools' }))).toBe(404);
  });

  it('narrows a token to the repositories and permissions asked for', async () => {
    const app = appOctokit(env.sandbox);
    const { data } = await app.rest.apps.createInstallationAccessToken({ installation_id: env.sandbox.installationId, repositories: ['api'], permissions: { issues: 'read' } });
    expect(data.repositories?.map((repo) => repo.name)).toEqual(['api']);
    expect(data.permissions).toEqual({ issues: 'read', metadata: 'read' });
    const narrow = octokitWith(env.sandbox, data.token);
    expect(await statusOf(narrow.rest.repos.get({ owner: 'acme', repo: 'web' }))).toBe(404);
    expect(await statusOf(narrow.rest.issues.create({ owner: 'acme', repo: 'api', title: 'no write permission' }))).toBe(403);
    const outside = app.rest.apps.createInstallationAccessToken({ installation_id: env.sandbox.installationId, repositories: ['secret'] });
    expect(await statusOf(outside)).toBe(422);
  });

  it.each([
    ['signed by another key', () => signAppJwt(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), env.sandbox.appId, Math.floor(Date.now() / 1000))],
    ['issued for another app', () => signAppJwt(env.sandbox.privateKey, env.sandbox.appId + 7, Math.floor(Date.now() / 1000))],
    ['expired', () => signAppJwt(env.sandbox.privateKey, env.sandbox.appId, Math.floor(Date.now() / 1000) - 3600)],
    ['valid for more than ten minutes', () => signAppJwt(env.sandbox.privateKey, env.sandbox.appId, Math.floor(Date.now() / 1000), 3600)],
    ['not a JWT', () => 'a.b.c'],
  ])('refuses an app JWT %s with 401', async (_case, makeJwt) => {
    const app = octokitWith(env.sandbox, makeJwt());
    expect(await statusOf(app.rest.apps.listInstallations())).toBe(401);
  });

  it('refuses unknown tokens, expired tokens, and tokens on app-only endpoints with 401', async () => {
    const bogus = octokitWith(env.sandbox, 'ghs_notatokenthesandboxissued000000000000');
    const bad = await bogus.rest.repos.get({ owner: 'acme', repo: 'web' }).catch((error: unknown) => error);
    expect(bad).toMatchObject({ status: 401, response: { data: { message: 'Bad credentials', documentation_url: expect.any(String) } } });

    const { octokit } = await installationOctokit(env.sandbox);
    expect(await statusOf(octokit.rest.apps.listInstallations())).toBe(401);
    await octokit.rest.repos.get({ owner: 'acme', repo: 'web' });
    env.sandbox.advanceClock(61 * 60 * 1000);
    try {
      expect(await statusOf(octokit.rest.repos.get({ owner: 'acme', repo: 'web' }))).toBe(401);
    } finally {
      env.sandbox.advanceClock(-61 * 60 * 1000);
    }
  });

  it('reports the rate limit in headers and at /rate_limit, which costs nothing', async () => {
    const { octokit } = await installationOctokit(env.sandbox);
    const first = await octokit.rest.repos.get({ owner: 'acme', repo: 'web' });
    const second = await octokit.rest.repos.get({ owner: 'acme', repo: 'web' });
    expect(first.headers['x-ratelimit-limit']).toBe('5000');
    expect(Number(first.headers['x-ratelimit-remaining']) - Number(second.headers['x-ratelimit-remaining'])).toBe(1);
    const { data } = await octokit.rest.rateLimit.get();
    expect(data.resources.core.remaining).toBe(Number(second.headers['x-ratelimit-remaining']));
    expect((await octokit.rest.rateLimit.get()).data.resources.core.remaining).toBe(data.resources.core.remaining);
  });
});

describe('an exhausted primary rate limit', () => {
  const env = useSandbox({ rateLimit: 3, seed: { repos: [{ owner: 'acme', name: 'web', files }] } });

  it('answers 403 with remaining 0 once the hourly budget is spent', async () => {
    const octokit = octokitWith(env.sandbox, env.sandbox.installationToken());
    for (let index = 0; index < 3; index += 1) await octokit.rest.repos.get({ owner: 'acme', repo: 'web' });
    const error = await octokit.rest.repos.get({ owner: 'acme', repo: 'web' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 403, response: { headers: { 'x-ratelimit-remaining': '0' }, data: { message: expect.stringMatching(/^API rate limit exceeded/) } } });
  });
});
