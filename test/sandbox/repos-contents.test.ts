import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/sandbox/index.js';
import { octokitWith, refusalOf, statusOf, useSandbox } from '../helpers/sandbox.js';

const owner = 'acme';
const repo = 'web';

describe('repository, refs, contents and compare endpoints', () => {
  const env = useSandbox({
    seed: {
      repos: [
        {
          owner,
          name: repo,
          description: 'the web app',
          topics: ['consumer'],
          files: { 'src/users.ts': 'export const a = 1;\n', 'src/nested/deep.ts': 'x\n', 'README.md': '# web\n' },
          collaborators: { alice: 'admin', bob: 'maintain', carol: 'write', dave: 'triage', erin: 'read' },
        },
      ],
    },
  });
  const octokit = () => octokitWith(env.sandbox, env.sandbox.installationToken());

  it('describes the repository and its topics, and replaces topics as a person', async () => {
    const { data } = await octokit().rest.repos.get({ owner, repo });
    expect(data).toMatchObject({ full_name: 'acme/web', default_branch: 'main', description: 'the web app', private: true, topics: ['consumer'], owner: { login: 'acme', type: 'Organization' } });
    await env.sandbox.setTopics({ owner, repo, topics: ['consumer', 'downstream-opt-out'] });
    expect((await octokit().rest.repos.getAllTopics({ owner, repo })).data.names).toEqual(['consumer', 'downstream-opt-out']);
    const person = octokitWith(env.sandbox, env.sandbox.userToken('alice'));
    await person.rest.repos.replaceAllTopics({ owner, repo, names: ['consumer'] });
    expect((await octokit().rest.repos.getAllTopics({ owner, repo })).data.names).toEqual(['consumer']);
    // The app has no administration permission, so it cannot change topics.
    expect(await statusOf(octokit().rest.repos.replaceAllTopics({ owner, repo, names: [] }))).toBe(403);
  });

  it.each<[string, Role | 'none', string]>([
    ['alice', 'admin', 'admin'],
    ['bob', 'maintain', 'write'],
    ['carol', 'write', 'write'],
    ['dave', 'triage', 'read'],
    ['erin', 'read', 'read'],
    ['octocat', 'none', 'none'],
  ])('reports %s with role_name %s and legacy permission %s', async (login, role, permission) => {
    env.sandbox.userToken(login);
    const { data } = await octokit().rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
    expect(data).toMatchObject({ permission, role_name: role, user: { login } });
  });

  it('changes a role, and answers 404 for someone GitHub has never seen', async () => {
    await env.sandbox.setRole({ owner, repo, login: 'dave', role: 'maintain' });
    expect((await octokit().rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'dave' })).data.role_name).toBe('maintain');
    expect(await statusOf(octokit().rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: 'nobody-at-all' }))).toBe(404);
  });

  it('creates, reads, fast-forwards, force-moves and deletes a branch through the refs API', async () => {
    const client = octokit();
    const { data: main } = await client.rest.git.getRef({ owner, repo, ref: 'heads/main' });
    const { data: created } = await client.rest.git.createRef({ owner, repo, ref: 'refs/heads/team/feature', sha: main.object.sha });
    expect(created).toMatchObject({ ref: 'refs/heads/team/feature', object: { sha: main.object.sha, type: 'commit' } });
    expect(await statusOf(client.rest.git.createRef({ owner, repo, ref: 'refs/heads/team/feature', sha: main.object.sha }))).toBe(422);

    const { sha: ahead } = await env.sandbox.pushFiles({ owner, repo, branch: 'scratch', files: { 'x.txt': 'x\n' } });
    await client.rest.git.updateRef({ owner, repo, ref: 'heads/team/feature', sha: ahead });
    const { sha: elsewhere } = await env.sandbox.pushFiles({ owner, repo, branch: 'other', files: { 'y.txt': 'y\n' } });
    const refusal = await refusalOf(client.rest.git.updateRef({ owner, repo, ref: 'heads/team/feature', sha: elsewhere }));
    expect(refusal).toMatchObject({ status: 422, response: { data: { message: 'Update is not a fast forward' } } });
    await client.rest.git.updateRef({ owner, repo, ref: 'heads/team/feature', sha: elsewhere, force: true });
    expect((await client.rest.git.getRef({ owner, repo, ref: 'heads/team/feature' })).data.object.sha).toBe(elsewhere);

    await client.rest.git.deleteRef({ owner, repo, ref: 'heads/team/feature' });
    expect(await statusOf(client.rest.git.getRef({ owner, repo, ref: 'heads/team/feature' }))).toBe(404);
    expect(await statusOf(client.rest.git.deleteRef({ owner, repo, ref: 'heads/team/feature' }))).toBe(422);
  });

  it('routes multi-segment parameters whether slashes are raw or %2F-encoded', async () => {
    const client = octokit();
    await env.sandbox.pushFiles({ owner, repo, branch: 'feature/slashed', files: { 'z.txt': 'z\n' } });
    const encoded = await client.rest.repos.getContent({ owner, repo, path: 'src/nested/deep.ts' });
    const raw = await client.request('GET /repos/acme/web/contents/src/nested/deep.ts');
    expect(raw.data).toEqual(encoded.data);
    const refEncoded = await client.rest.git.getRef({ owner, repo, ref: 'heads/feature/slashed' });
    const refRaw = await client.request('GET /repos/acme/web/git/ref/heads/feature/slashed');
    expect(refRaw.data).toEqual(refEncoded.data);
    const branchEncoded = await client.rest.repos.getBranch({ owner, repo, branch: 'feature/slashed' });
    const branchRaw = await client.request('GET /repos/acme/web/branches/feature/slashed');
    expect(branchRaw.data).toEqual(branchEncoded.data);
    const paths = env.sandbox.requests().map((request) => request.path);
    expect(paths).toContain('/repos/acme/web/contents/src%2Fnested%2Fdeep.ts');
    expect(paths).toContain('/repos/acme/web/contents/src/nested/deep.ts');
  });

  it('reads files (base64 or raw) and directories at a ref', async () => {
    const client = octokit();
    const { data: file } = await client.rest.repos.getContent({ owner, repo, path: 'src/users.ts' });
    expect(file).toMatchObject({ type: 'file', path: 'src/users.ts', encoding: 'base64' });
    expect(!Array.isArray(file) && 'content' in file ? Buffer.from(file.content, 'base64').toString('utf8') : undefined).toBe('export const a = 1;\n');
    const { data: raw } = await client.rest.repos.getContent({ owner, repo, path: 'src/users.ts', mediaType: { format: 'raw' } });
    expect(raw).toBe('export const a = 1;\n');
    const { data: dir } = await client.rest.repos.getContent({ owner, repo, path: 'src' });
    expect(Array.isArray(dir) ? dir.map((entry) => `${entry.type}:${entry.name}`) : []).toEqual(['dir:nested', 'file:users.ts']);
    const { data: root } = await client.rest.repos.getContent({ owner, repo, path: '' });
    expect(Array.isArray(root) ? root.map((entry) => entry.name) : []).toContain('README.md');
    expect(await statusOf(client.rest.repos.getContent({ owner, repo, path: 'missing.ts' }))).toBe(404);
  });

  it('writes files as commits: create, update with the blob sha, refuse a missing or stale sha', async () => {
    const client = octokit();
    const content = (text: string) => Buffer.from(text).toString('base64');
    const { status, data: created } = await client.rest.repos.createOrUpdateFileContents({ owner, repo, path: 'docs/new.md', message: 'Add docs', content: content('one\n'), branch: 'main' });
    expect(status).toBe(201);
    expect(created.commit.message).toBe('Add docs');
    const missing = await refusalOf(client.rest.repos.createOrUpdateFileContents({ owner, repo, path: 'docs/new.md', message: 'x', content: content('two\n') }));
    expect(missing).toMatchObject({ status: 422 });
    expect(await statusOf(client.rest.repos.createOrUpdateFileContents({ owner, repo, path: 'docs/new.md', message: 'x', content: content('two\n'), sha: 'f'.repeat(40) }))).toBe(409);
    const updated = await client.rest.repos.createOrUpdateFileContents({ owner, repo, path: 'docs/new.md', message: 'Update docs', content: content('two\n'), sha: created.content?.sha ?? '' });
    expect(updated.status).toBe(200);
    expect(updated.data.commit.parents?.[0]?.sha).toBe(created.commit.sha);
  });

  it('compares refs as GitHub does: ahead, behind, diverged, identical, with files', async () => {
    const client = octokit();
    await env.sandbox.pushFiles({ owner, repo, branch: 'cmp', files: { 'src/users.ts': 'export const a = 2;\n', 'added.ts': 'new\n' }, message: 'Change users' });
    const { data: ahead } = await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: 'main...cmp' });
    expect(ahead).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0, total_commits: 1 });
    expect(ahead.files?.map((file) => `${file.status}:${file.filename}:+${file.additions}-${file.deletions}`).sort()).toEqual(['added:added.ts:+1-0', 'modified:src/users.ts:+1-1']);
    expect(ahead.files?.find((file) => file.filename === 'src/users.ts')?.patch).toContain('+export const a = 2;');
    expect((await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: 'cmp...main' })).data.status).toBe('behind');
    await env.sandbox.pushFiles({ owner, repo, branch: 'main', files: { 'main-only.txt': 'm\n' } });
    expect((await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: 'main...cmp' })).data).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1 });
    expect((await client.rest.repos.compareCommitsWithBasehead({ owner, repo, basehead: 'acme:main...acme:main' })).data.status).toBe('identical');
    const raw = await client.request('GET /repos/acme/web/compare/main...cmp');
    expect(raw.data).toMatchObject({ status: 'diverged' });
  });
});
