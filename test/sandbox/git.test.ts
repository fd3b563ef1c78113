import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleGit } from 'simple-git';
import type { SimpleGit } from 'simple-git';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/git-repos.js';
import { installationOctokit, octokitWith, useSandbox } from '../helpers/sandbox.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

function gitIn(dir: string): SimpleGit {
  return simpleGit({ baseDir: dir }).env({ PATH: process.env.PATH ?? '', HOME: makeTempDir('sandbox-home-'), GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_AUTHOR_NAME: 'Dana', GIT_AUTHOR_EMAIL: 'dana@example.com', GIT_COMMITTER_NAME: 'Dana', GIT_COMMITTER_EMAIL: 'dana@example.com' });
}

async function clone(url: string, options: string[] = []): Promise<{ dir: string; git: SimpleGit }> {
  const dir = path.join(makeTempDir('sandbox-git-'), 'checkout');
  await gitIn(path.dirname(dir)).clone(url, dir, options);
  return { dir, git: gitIn(dir) };
}

describe('git smart HTTP against the sandbox', () => {
  const env = useSandbox({
    seed: {
      repos: [
        { owner: 'acme', name: 'web', files: { 'src/a.ts': 'export const a = 1;\n', 'README.md': '# web\n' } },
        { owner: 'acme', name: 'hidden', files: { 'a.txt': 'a\n' }, installed: false },
        { owner: 'acme', name: 'open-source', files: { 'a.txt': 'a\n' }, private: false },
      ],
    },
  });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(env.sandbox.webhookSecret);
    env.sandbox.setWebhookTarget(receiver.url);
  });
  afterAll(() => receiver.close());

  it('clones with an installation token and pushes a branch, which GitHub announces with a push webhook', async () => {
    const { token } = await installationOctokit(env.sandbox);
    const { dir, git } = await clone(env.sandbox.gitUrl('acme', 'web', token));
    expect(readFileSync(path.join(dir, 'src/a.ts'), 'utf8')).toBe('export const a = 1;\n');
    await git.checkoutLocalBranch('downstream/rename-user-id');
    writeFileSync(path.join(dir, 'src/a.ts'), 'export const a = 2;\n');
    await git.add('.').commit('Rename user_id');
    const before = receiver.received.length;
    await git.push('origin', 'downstream/rename-user-id');
    await env.sandbox.waitForIdle();
    const push = receiver.received.slice(before).find((hook) => hook.event === 'push');
    expect(push).toMatchObject({ signatureValid: true, payload: { ref: 'refs/heads/downstream/rename-user-id', created: true, deleted: false, forced: false } });
    expect(push?.payload.commits).toMatchObject([{ message: 'Rename user_id', modified: ['src/a.ts'], author: { name: 'Dana' } }]);
    const { data: branch } = await octokitWith(env.sandbox, token).rest.repos.getBranch({ owner: 'acme', repo: 'web', branch: 'downstream/rename-user-id' });
    expect(branch.commit.sha).toBe(await git.revparse(['HEAD']));
  });

  it('serves shallow clones and fetches', async () => {
    await env.sandbox.pushFiles({ owner: 'acme', repo: 'web', branch: 'main', files: { 'b.txt': 'b\n' } });
    const { git } = await clone(env.sandbox.gitUrl('acme', 'web', env.sandbox.installationToken()), ['--depth', '1']);
    expect(await git.raw(['rev-list', '--count', 'HEAD'])).toBe('1\n');
    await git.fetch(['--deepen', '1']);
    expect(await git.raw(['rev-list', '--count', 'HEAD'])).toBe('2\n');
  });

  it('moves a pull request\'s head on push: push and pull_request.synchronize webhooks', async () => {
    const branch = 'feature/sync';
    const { sha: first } = await env.sandbox.pushFiles({ owner: 'acme', repo: 'web', branch, files: { 'c.txt': 'c\n' }, as: 'alice' });
    const { number } = await env.sandbox.openPull({ owner: 'acme', repo: 'web', head: branch, title: 'Sync me', as: 'alice' });
    const { dir, git } = await clone(env.sandbox.gitUrl('acme', 'web', env.sandbox.userToken('alice')), ['--branch', branch]);
    writeFileSync(path.join(dir, 'c.txt'), 'c2\n');
    await git.add('.').commit('Second commit');
    const before = receiver.received.length;
    await git.push('origin', branch);
    await env.sandbox.waitForIdle();
    const after = await git.revparse(['HEAD']);
    const events = receiver.received.slice(before);
    expect(events.map((hook) => `${hook.event}.${hook.action ?? ''}`)).toEqual(['push.', 'pull_request.synchronize']);
    expect(events[1]?.payload).toMatchObject({ number, before: first, after, pull_request: { head: { sha: after, ref: branch } }, sender: { login: 'alice' } });
  });

  it('records a force push as forced', async () => {
    const branch = 'feature/force';
    await env.sandbox.pushFiles({ owner: 'acme', repo: 'web', branch, files: { 'd.txt': 'one\n' } });
    const { dir, git } = await clone(env.sandbox.gitUrl('acme', 'web', env.sandbox.userToken('bob')), ['--branch', branch]);
    writeFileSync(path.join(dir, 'd.txt'), 'rewritten\n');
    await git.add('.');
    await git.raw(['commit', '--amend', '-m', 'Rewritten']);
    const before = receiver.received.length;
    await git.push(['--force', 'origin', branch]);
    await env.sandbox.waitForIdle();
    expect(receiver.received.slice(before).find((hook) => hook.event === 'push')?.payload).toMatchObject({ forced: true, pusher: { name: 'bob' } });
  });

  it('marks a pull request merged when its head reaches the base by a plain git push', async () => {
    const branch = 'feature/ff';
    await env.sandbox.pushFiles({ owner: 'acme', repo: 'web', branch, files: { 'e.txt': 'e\n' } });
    const { number } = await env.sandbox.openPull({ owner: 'acme', repo: 'web', head: branch });
    const { git } = await clone(env.sandbox.gitUrl('acme', 'web', env.sandbox.userToken('erin')), ['--branch', branch]);
    await git.push('origin', `${branch}:main`);
    await env.sandbox.waitForIdle();
    const { data } = await octokitWith(env.sandbox, env.sandbox.installationToken()).rest.pulls.get({ owner: 'acme', repo: 'web', pull_number: number });
    expect(data).toMatchObject({ state: 'closed', merged: true, merged_by: { login: 'erin' } });
  });

  it.each([
    ['an unknown token', () => 'ghs_000000000000000000000000000000000000', /Invalid username or token|Authentication failed|401/],
    ['no credentials on a private repository', () => undefined, /Authentication|could not read Username|401/],
  ])('refuses %s', async (_case, token, message) => {
    const url = env.sandbox.gitUrl('acme', 'web', token());
    await expect(clone(url)).rejects.toThrow(message);
  });

  it('refuses an expired installation token', async () => {
    const token = env.sandbox.installationToken();
    await clone(env.sandbox.gitUrl('acme', 'web', token));
    env.sandbox.advanceClock(2 * 60 * 60 * 1000);
    try {
      await expect(clone(env.sandbox.gitUrl('acme', 'web', token))).rejects.toThrow(/Invalid username or token|Authentication failed/);
    } finally {
      env.sandbox.advanceClock(-2 * 60 * 60 * 1000);
    }
  });

  it('hides repositories outside the installation, and lets anyone clone a public one', async () => {
    await expect(clone(env.sandbox.gitUrl('acme', 'hidden', env.sandbox.installationToken()))).rejects.toThrow(/not found/i);
    const { dir } = await clone(env.sandbox.gitUrl('acme', 'open-source'));
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe('a\n');
    const { git } = await clone(env.sandbox.gitUrl('acme', 'open-source'));
    await git.checkoutLocalBranch('anon');
    await expect(git.push('origin', 'anon')).rejects.toThrow(/Authentication|401|could not read Username/);
  });
});
