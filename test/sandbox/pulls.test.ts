import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { octokitWith, refusalOf, statusOf, useSandbox } from '../helpers/sandbox.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const owner = 'acme';
const repo = 'web';

describe('pull requests', () => {
  const env = useSandbox({
    seed: { repos: [{ owner, name: repo, files: { 'src/users.ts': 'export const id = "user_id";\n', 'README.md': '# web\n' }, collaborators: { alice: 'write' } }] },
  });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(env.sandbox.webhookSecret);
    env.sandbox.setWebhookTarget(receiver.url);
  });
  afterAll(() => receiver.close());
  const octokit = () => octokitWith(env.sandbox, env.sandbox.installationToken());
  // Webhooks are delivered asynchronously: settle earlier ones before counting from here.
  const since = async () => {
    await env.sandbox.waitForIdle();
    const start = receiver.received.length;
    return () => receiver.received.slice(start).map((hook) => `${hook.event}.${hook.action ?? ''}`);
  };

  async function branchWith(branch: string, files: Record<string, string>): Promise<string> {
    const { sha } = await env.sandbox.pushFiles({ owner, repo, branch, files, message: `Work on ${branch}` });
    await env.sandbox.waitForIdle();
    return sha;
  }

  it('opens a pull request, announces it, and computes mergeable in the background', async () => {
    const head = await branchWith('downstream/one', { 'src/users.ts': 'export const id = "userId";\n' });
    const events = await since();
    const { data: created, status, headers } = await octokit().rest.pulls.create({ owner, repo, head: 'downstream/one', base: 'main', title: 'Rename user_id', body: 'Body' });
    expect(status).toBe(201);
    expect(headers.location).toMatch(/\/repos\/acme\/web\/pulls\/\d+$/);
    expect(created).toMatchObject({ state: 'open', title: 'Rename user_id', head: { ref: 'downstream/one', sha: head }, base: { ref: 'main' }, user: { login: 'downstream[bot]', type: 'Bot' }, merged: false });
    await env.sandbox.waitForIdle();
    expect(events()).toEqual(['pull_request.opened']);
    const { data } = await octokit().rest.pulls.get({ owner, repo, pull_number: created.number });
    expect(data).toMatchObject({ mergeable: true, mergeable_state: 'clean', commits: 1, additions: 1, deletions: 1, changed_files: 1 });
  });

  it('refuses a duplicate with 422 in GitHub\'s error shape', async () => {
    await branchWith('downstream/dup', { 'dup.txt': 'x\n' });
    await octokit().rest.pulls.create({ owner, repo, head: 'downstream/dup', base: 'main', title: 'First' });
    const refusal = await refusalOf(octokit().rest.pulls.create({ owner, repo, head: 'acme:downstream/dup', base: 'main', title: 'Second' }));
    expect(refusal).toMatchObject({
      status: 422,
      response: { data: { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:downstream/dup.' }], documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//), status: '422' } },
    });
  });

  it.each([
    ['a branch with nothing to merge', 'main', /No commits between main and main/],
    ['a head branch that does not exist', 'no/such/branch', /invalid/],
  ])('refuses %s with 422', async (_case, head, message) => {
    const refusal = await refusalOf(octokit().rest.pulls.create({ owner, repo, head, base: 'main', title: 'x' }));
    expect(refusal).toMatchObject({ status: 422 });
    expect(JSON.stringify(refusal)).toMatch(message);
  });

  it('computes mergeable false for a conflict, and refuses to merge it with 405', async () => {
    await branchWith('downstream/conflict', { 'README.md': '# ours\n' });
    const { data: pull } = await octokit().rest.pulls.create({ owner, repo, head: 'downstream/conflict', base: 'main', title: 'Conflicting' });
    await env.sandbox.pushFiles({ owner, repo, branch: 'main', files: { 'README.md': '# theirs\n' }, as: 'alice' });
    await env.sandbox.waitForIdle();
    expect((await octokit().rest.pulls.get({ owner, repo, pull_number: pull.number })).data).toMatchObject({ mergeable: false, mergeable_state: 'dirty' });
    expect(await statusOf(octokit().rest.pulls.merge({ owner, repo, pull_number: pull.number }))).toBe(405);
  });

  it('shares one number sequence between issues and pull requests', async () => {
    const { data: issue } = await octokit().rest.issues.create({ owner, repo, title: 'Tracking issue' });
    await branchWith('downstream/seq', { 'seq.txt': 's\n' });
    const { data: pull } = await octokit().rest.pulls.create({ owner, repo, head: 'downstream/seq', base: 'main', title: 'After the issue' });
    const { number: next } = await env.sandbox.openIssue({ owner, repo, title: 'After the pull request' });
    expect([pull.number, next]).toEqual([issue.number + 1, issue.number + 2]);
    expect(await statusOf(octokit().rest.pulls.get({ owner, repo, pull_number: issue.number }))).toBe(404);
    expect((await octokit().rest.issues.get({ owner, repo, issue_number: pull.number })).data.pull_request?.url).toContain(`/pulls/${pull.number}`);
  });

  it('lists by state and head, and edits, closes and reopens with the webhooks GitHub sends', async () => {
    await branchWith('downstream/edit', { 'edit.txt': 'e\n' });
    const { data: pull } = await octokit().rest.pulls.create({ owner, repo, head: 'downstream/edit', base: 'main', title: 'Before' });
    const byHead = await octokit().rest.pulls.list({ owner, repo, head: 'acme:downstream/edit', state: 'open' });
    expect(byHead.data.map((item) => item.number)).toEqual([pull.number]);
    const events = await since();
    await octokit().rest.pulls.update({ owner, repo, pull_number: pull.number, title: 'After' });
    await octokit().rest.pulls.update({ owner, repo, pull_number: pull.number, state: 'closed' });
    expect((await octokit().rest.pulls.list({ owner, repo, head: 'acme:downstream/edit' })).data).toEqual([]);
    expect((await octokit().rest.pulls.list({ owner, repo, head: 'acme:downstream/edit', state: 'closed' })).data.map((item) => item.title)).toEqual(['After']);
    await env.sandbox.reopenPull({ owner, repo, number: pull.number, as: 'alice' });
    await env.sandbox.closePull({ owner, repo, number: pull.number, as: 'alice' });
    await env.sandbox.waitForIdle();
    expect(events()).toEqual(['pull_request.edited', 'pull_request.closed', 'pull_request.reopened', 'pull_request.closed']);
    const edited = receiver.received.find((hook) => hook.event === 'pull_request' && hook.action === 'edited' && hook.payload.number === pull.number);
    expect(edited?.payload).toMatchObject({ changes: { title: { from: 'Before' } }, pull_request: { title: 'After' } });
    const closedByPerson = receiver.received.filter((hook) => hook.action === 'closed' && hook.payload.number === pull.number).at(-1);
    expect(closedByPerson?.payload).toMatchObject({ sender: { login: 'alice' }, pull_request: { merged: false, state: 'closed' } });
  });

  it('merges with a merge commit or a squash, refusing a stale head sha with 409', async () => {
    await branchWith('downstream/merge', { 'merge.txt': 'm\n' });
    const { data: pull } = await octokit().rest.pulls.create({ owner, repo, head: 'downstream/merge', base: 'main', title: 'Merge me' });
    expect(await statusOf(octokit().rest.pulls.merge({ owner, repo, pull_number: pull.number, sha: 'a'.repeat(40) }))).toBe(409);
    const events = await since();
    const { data: merged } = await octokit().rest.pulls.merge({ owner, repo, pull_number: pull.number, merge_method: 'merge' });
    expect(merged).toMatchObject({ merged: true, message: 'Pull Request successfully merged' });
    await env.sandbox.waitForIdle();
    expect(events()).toEqual(['push.', 'pull_request.closed']);
    const { data: after } = await octokit().rest.pulls.get({ owner, repo, pull_number: pull.number });
    expect(after).toMatchObject({ merged: true, state: 'closed', merge_commit_sha: merged.sha, merged_by: { login: 'downstream[bot]' } });
    const { data: commit } = await octokit().rest.repos.getCommit({ owner, repo, ref: merged.sha });
    expect(commit.parents).toHaveLength(2);

    await branchWith('downstream/squash', { 'squash.txt': 's\n' });
    const { number } = await env.sandbox.openPull({ owner, repo, head: 'downstream/squash', title: 'Squash me', as: 'alice' });
    const { sha } = await env.sandbox.merge({ owner, repo, number, method: 'squash', as: 'alice' });
    const { data: squashed } = await octokit().rest.repos.getCommit({ owner, repo, ref: sha });
    expect(squashed.parents).toHaveLength(1);
    expect(squashed.commit.message).toMatch(/^Squash me \(#\d+\)/);
    expect(await statusOf(octokit().rest.pulls.merge({ owner, repo, pull_number: number }))).toBe(405);
  });

  it('lists the files of a pull request', async () => {
    await branchWith('downstream/files', { 'src/users.ts': 'export const id = "uid";\n', 'new.ts': 'export {};\n' });
    const { data: pull } = await octokit().rest.pulls.create({ owner, repo, head: 'downstream/files', base: 'main', title: 'Files' });
    const { data: files } = await octokit().rest.pulls.listFiles({ owner, repo, pull_number: pull.number });
    expect(files.map((file) => `${file.status}:${file.filename}`).sort()).toEqual(['added:new.ts', 'modified:src/users.ts']);
  });

  it('requests reviews from collaborators only', async () => {
    await branchWith('downstream/review', { 'review.txt': 'r\n' });
    const { data: pull } = await octokit().rest.pulls.create({ owner, repo, head: 'downstream/review', base: 'main', title: 'Review me' });
    const events = await since();
    const { data } = await octokit().rest.pulls.requestReviewers({ owner, repo, pull_number: pull.number, reviewers: ['alice'] });
    expect(data.requested_reviewers?.map((user) => user.login)).toEqual(['alice']);
    await env.sandbox.waitForIdle();
    expect(events()).toEqual(['pull_request.review_requested']);
    env.sandbox.userToken('mallory');
    expect(await statusOf(octokit().rest.pulls.requestReviewers({ owner, repo, pull_number: pull.number, reviewers: ['mallory'] }))).toBe(422);
  });

  it('paginates lists with Link headers that Octokit follows', async () => {
    for (let index = 0; index < 7; index += 1) await octokit().rest.issues.create({ owner, repo, title: `Page item ${index}` });
    const first = await octokit().rest.issues.listForRepo({ owner, repo, per_page: 3 });
    expect(first.data).toHaveLength(3);
    expect(first.headers.link).toMatch(/<[^>]+[?&]page=2[^>]*>; rel="next"/);
    expect(first.headers.link).toMatch(/rel="last"/);
    const all = await octokit().paginate(octokit().rest.issues.listForRepo, { owner, repo, per_page: 3, state: 'all' });
    const numbers = all.map((item) => item.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.length).toBe((await octokit().rest.issues.listForRepo({ owner, repo, per_page: 100, state: 'all' })).data.length);
  });
});
