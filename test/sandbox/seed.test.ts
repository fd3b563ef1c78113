import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SandboxSeedError, readSeedDir, startSandbox } from '../../src/sandbox/index.js';
import { makeTempDir } from '../helpers/git-repos.js';
import { octokitWith, repoRoot, statusOf, useSandbox } from '../helpers/sandbox.js';

const seedDir = path.join(repoRoot, 'fixtures/sandbox/org');

describe('seeding from a folder', () => {
  const env = useSandbox({ seed: { dir: seedDir } });

  it('creates one repository per <owner>/<repo> folder, with its .sandbox.json settings', async () => {
    const octokit = octokitWith(env.sandbox, env.sandbox.installationToken());
    const { data: web } = await octokit.rest.repos.get({ owner: 'acme', repo: 'web-app' });
    expect(web).toMatchObject({ description: 'Customer-facing web app', topics: ['consumer', 'typescript'], default_branch: 'main' });
    expect((await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: 'acme', repo: 'web-app', username: 'carol' })).data.role_name).toBe('triage');
    expect((await octokit.rest.issues.getLabel({ owner: 'acme', repo: 'web-app', name: 'downstream:hold' })).data.color).toBe('fbca04');
    const { data: file } = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'web-app', path: 'src/users.ts', mediaType: { format: 'raw' } });
    expect(String(file)).toContain('user_id: string;');
    const { data: commit } = await octokit.rest.repos.getCommit({ owner: 'acme', repo: 'web-app', ref: 'main' });
    expect(commit.commit).toMatchObject({ message: 'Initial commit', author: { name: 'Sandbox Seed' } });
  });

  it('leaves a repository marked "installed": false out of the installation, and honours its default branch', async () => {
    const octokit = octokitWith(env.sandbox, env.sandbox.installationToken());
    const { data } = await octokit.rest.apps.listReposAccessibleToInstallation();
    expect(data.repositories.map((repo) => repo.name).sort()).toEqual(['schemas', 'web-app']);
    expect(await statusOf(octokit.rest.repos.get({ owner: 'acme', repo: 'billing' }))).toBe(404);
    const person = octokitWith(env.sandbox, env.sandbox.userToken('erin'));
    expect((await person.rest.repos.get({ owner: 'acme', repo: 'billing' })).data).toMatchObject({ default_branch: 'trunk', topics: ['downstream-opt-out'] });
  });

  it('adds explicit repositories later, from a folder with files laid over it', async () => {
    await env.sandbox.seed({ repos: [{ owner: 'acme', name: 'overlay', dir: path.join(seedDir, 'acme/web-app'), files: { 'src/users.ts': 'export {};\n', '.sandbox-ci': 'true\n' } }] });
    const octokit = octokitWith(env.sandbox, env.sandbox.installationToken());
    const { data: users } = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'overlay', path: 'src/users.ts', mediaType: { format: 'raw' } });
    expect(users).toBe('export {};\n');
    expect(await statusOf(octokit.rest.repos.getContent({ owner: 'acme', repo: 'overlay', path: 'README.md' }))).toBe(200);
    await expect(env.sandbox.seed({ repos: [{ owner: 'acme', name: 'overlay', files: {} }] })).rejects.toThrow(/acme\/overlay: already exists/);
  });
});

describe('seed files and reproducibility', () => {
  it('gives the same commit SHAs in two sandboxes when asked to be reproducible', async () => {
    const shas: string[] = [];
    for (let round = 0; round < 2; round += 1) {
      const sandbox = await startSandbox({ seed: { dir: seedDir, reproducible: true } });
      try {
        const { data } = await octokitWith(sandbox, sandbox.installationToken()).rest.git.getRef({ owner: 'acme', repo: 'web-app', ref: 'heads/main' });
        shas.push(data.object.sha);
      } finally {
        await sandbox.close();
      }
    }
    expect(shas[0]).toMatch(/^[0-9a-f]{40}$/);
    expect(shas[1]).toBe(shas[0]);
  });

  it.each([
    ['not JSON', '{ "topics": [', /web\.sandbox\.json: not valid JSON/],
    ['an unknown setting', '{ "topic": ["a"] }', /web\.sandbox\.json: \(root\): Unrecognized key/],
    ['a role GitHub does not have', '{ "collaborators": { "alice": "owner" } }', /web\.sandbox\.json: collaborators\.alice:/],
  ])('refuses a config that is %s, naming the file', async (_case, text, message) => {
    const dir = makeTempDir('sandbox-seed-');
    mkdirSync(path.join(dir, 'acme/web'), { recursive: true });
    writeFileSync(path.join(dir, 'acme/web/a.txt'), 'a\n');
    writeFileSync(path.join(dir, 'acme/web.sandbox.json'), text);
    const error = await readSeedDir(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SandboxSeedError);
    expect(error).toMatchObject({ code: 'SANDBOX_SEED_INVALID', message: expect.stringMatching(message) });
  });

  it('refuses an empty seed folder', async () => {
    await expect(readSeedDir(makeTempDir('sandbox-seed-'))).rejects.toThrow(/no repositories/);
  });
});
