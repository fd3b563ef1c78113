import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBareRepo, git, makeTempDir, writeFiles } from '../../../test/helpers/git-repos.js';
import { createCloneCache } from './clone-cache.js';
import { commitAndPush } from './commit-and-push.js';
import { GitCommandError } from './git-client.js';

const bot = { name: 'downstream[bot]', email: '1+downstream[bot]@users.noreply.github.com' };

describe('clone cache and pushes', () => {
  it('checks a branch out in a fresh worktree and fetches new commits on reuse', async () => {
    const { bare, clone } = createBareRepo({ 'src/a.ts': 'export const a = 1;\n' });
    const cache = createCloneCache(makeTempDir());
    const first = await cache.openWorkspace({ remoteUrl: bare, owner: 'acme', repo: 'app', branch: 'main' });
    expect(readFileSync(path.join(first.dir, 'src/a.ts'), 'utf8')).toBe('export const a = 1;\n');
    expect(first.baseSha).toBe(git(clone, 'rev-parse', 'HEAD'));

    writeFiles(clone, { 'src/a.ts': 'export const a = 2;\n' });
    git(clone, 'commit', '--quiet', '-am', 'bump');
    git(clone, 'push', '--quiet', 'origin', 'main');
    const second = await cache.openWorkspace({ remoteUrl: bare, owner: 'acme', repo: 'app', branch: 'main' });
    expect(second.dir).not.toBe(first.dir);
    expect(second.baseSha).toBe(git(clone, 'rev-parse', 'HEAD'));
    expect(readFileSync(path.join(first.dir, 'src/a.ts'), 'utf8')).toBe('export const a = 1;\n');
    await Promise.all([first.dispose(), second.dispose()]);
  });

  it('pushes a bot commit, and refuses to overwrite a branch a person moved since', async () => {
    const { bare, clone } = createBareRepo({ 'a.txt': 'one\n' });
    const cache = createCloneCache(makeTempDir());
    const workspace = await cache.openWorkspace({ remoteUrl: bare, owner: 'acme', repo: 'app', branch: 'main' });
    writeFileSync(path.join(workspace.dir, 'a.txt'), 'two\n');
    const pushed = await commitAndPush({ dir: workspace.dir, remoteUrl: bare, branch: 'downstream/users/2', message: 'Migrate', identity: bot, expectedRemoteSha: null });
    expect(pushed.kind).toBe('pushed');
    expect(git(bare, 'log', '-1', '--format=%an <%ae>', 'downstream/users/2')).toBe('downstream[bot] <1+downstream[bot]@users.noreply.github.com>');

    // A person adds a commit to the bot's branch; a push that expected the bot's commit must not overwrite it.
    git(clone, 'fetch', '--quiet', 'origin');
    git(clone, 'checkout', '--quiet', '-b', 'fix', 'origin/downstream/users/2');
    writeFiles(clone, { 'b.txt': 'person\n' });
    git(clone, 'add', '--all');
    git(clone, 'commit', '--quiet', '-m', 'person edit');
    git(clone, 'push', '--quiet', 'origin', 'HEAD:downstream/users/2');

    const again = await cache.openWorkspace({ remoteUrl: bare, owner: 'acme', repo: 'app', branch: 'main' });
    writeFileSync(path.join(again.dir, 'a.txt'), 'three\n');
    const stale = await commitAndPush({ dir: again.dir, remoteUrl: bare, branch: 'downstream/users/2', message: 'Migrate', identity: bot, expectedRemoteSha: pushed.kind === 'pushed' ? pushed.sha : null });
    expect(stale.kind).toBe('rejected');
    expect(git(bare, 'log', '-1', '--format=%s', 'downstream/users/2')).toBe('person edit');
  });

  it('reports nothing to commit for an untouched tree', async () => {
    const { bare } = createBareRepo({ 'a.txt': 'one\n' });
    const workspace = await createCloneCache(makeTempDir()).openWorkspace({ remoteUrl: bare, owner: 'acme', repo: 'app', branch: 'main' });
    expect(await commitAndPush({ dir: workspace.dir, remoteUrl: bare, branch: 'b', message: 'm', identity: bot, expectedRemoteSha: null })).toEqual({ kind: 'nothing-to-commit' });
  });

  it('never writes the token to git config, and keeps it out of errors', async () => {
    const { bare } = createBareRepo({ 'a.txt': 'one\n' });
    const root = makeTempDir();
    const token = 'ghs_secretTokenValue123';
    const workspace = await createCloneCache(root).openWorkspace({ remoteUrl: bare, owner: 'acme', repo: 'app', branch: 'main', token });
    const config = readFileSync(path.join(root, 'mirrors/acme/app.git/config'), 'utf8');
    expect(config).not.toContain(token);
    expect(config).not.toContain(Buffer.from(`x-access-token:${token}`).toString('base64'));
    expect(workspace.baseSha).toMatch(/^[0-9a-f]{40}$/);

    const error = await createCloneCache(root).openWorkspace({ remoteUrl: `${bare}-missing`, owner: 'acme', repo: 'gone', branch: 'main', token }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitCommandError);
    expect(String(error)).not.toContain(token);
  });
});

describe('inspectRemoteBranch', () => {
  it('tells a bot-only branch from one a person pushed to', async () => {
    const { inspectRemoteBranch } = await import('./inspect-remote-branch.js');
    const { bare, clone } = createBareRepo({ 'a.txt': 'one\n' });
    const cache = createCloneCache(makeTempDir());
    const first = await cache.openWorkspace({ remoteUrl: bare, owner: 'acme', repo: 'app', branch: 'main' });
    expect(await inspectRemoteBranch({ dir: first.dir, branch: 'downstream/x', baseBranch: 'main', botEmail: bot.email })).toEqual({ exists: false });
    writeFileSync(path.join(first.dir, 'a.txt'), 'two\n');
    const pushed = await commitAndPush({ dir: first.dir, remoteUrl: bare, branch: 'downstream/x', message: 'm', identity: bot, expectedRemoteSha: null });

    const second = await cache.openWorkspace({ remoteUrl: bare, owner: 'acme', repo: 'app', branch: 'main' });
    const botOnly = await inspectRemoteBranch({ dir: second.dir, branch: 'downstream/x', baseBranch: 'main', botEmail: bot.email });
    expect(botOnly).toEqual({ exists: true, sha: pushed.kind === 'pushed' ? pushed.sha : '', editedBy: [] });

    // The same patch again is not pushed: the remote branch already holds that tree.
    writeFileSync(path.join(second.dir, 'a.txt'), 'two\n');
    expect(await commitAndPush({ dir: second.dir, remoteUrl: bare, branch: 'downstream/x', message: 'm', identity: bot, expectedRemoteSha: botOnly.exists ? botOnly.sha : null })).toEqual({ kind: 'unchanged', sha: botOnly.exists ? botOnly.sha : '' });

    git(clone, 'fetch', '--quiet', 'origin');
    git(clone, 'checkout', '--quiet', '-b', 'edit', 'origin/downstream/x');
    writeFiles(clone, { 'b.txt': 'mine\n' });
    git(clone, 'add', '--all');
    git(clone, 'commit', '--quiet', '-m', 'person');
    git(clone, 'push', '--quiet', 'origin', 'HEAD:downstream/x');
    const third = await cache.openWorkspace({ remoteUrl: bare, owner: 'acme', repo: 'app', branch: 'main' });
    expect(await inspectRemoteBranch({ dir: third.dir, branch: 'downstream/x', baseBranch: 'main', botEmail: bot.email })).toMatchObject({ exists: true, editedBy: ['person@example.com'] });
  });
});
