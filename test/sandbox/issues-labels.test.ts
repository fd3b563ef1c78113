import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { octokitWith, personOctokit, refusalOf, statusOf, useSandbox } from '../helpers/sandbox.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const owner = 'acme';
const repo = 'web';

describe('issues, comments, reactions, labels and search', () => {
  const env = useSandbox({ seed: { repos: [{ owner, name: repo, files: { 'README.md': '# web\n' }, collaborators: { alice: 'maintain' } }, { owner, name: 'api', files: { 'a.txt': 'a\n' } }] } });
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
    return () => receiver.received.slice(start);
  };

  it('creates, lists, edits and closes issues with issues webhooks', async () => {
    const events = await since();
    const { data: issue } = await octokit().rest.issues.create({ owner, repo, title: 'downstream: migration dashboard', body: 'Tracking', labels: ['downstream'] });
    expect(issue).toMatchObject({ state: 'open', user: { login: 'downstream[bot]' }, labels: [{ name: 'downstream', color: 'ededed' }] });
    const { data: listed } = await octokit().rest.issues.listForRepo({ owner, repo, labels: 'downstream', creator: 'downstream[bot]' });
    expect(listed.map((item) => item.number)).toEqual([issue.number]);
    await octokit().rest.issues.update({ owner, repo, issue_number: issue.number, body: 'Tracking, updated' });
    await octokit().rest.issues.update({ owner, repo, issue_number: issue.number, state: 'closed' });
    expect((await octokit().rest.issues.listForRepo({ owner, repo, labels: 'downstream' })).data).toEqual([]);
    await env.sandbox.waitForIdle();
    expect(events().map((hook) => `${hook.event}.${hook.action ?? ''}`)).toEqual(['issues.opened', 'issues.edited', 'issues.closed']);
    expect(events()[1]?.payload).toMatchObject({ changes: { body: { from: 'Tracking' } } });
    await env.sandbox.closeIssue({ owner, repo, number: issue.number, as: 'alice' });
    const { number } = await env.sandbox.openIssue({ owner, repo, title: 'Opened by a person', as: 'alice' });
    expect((await octokit().rest.issues.get({ owner, repo, issue_number: number })).data.author_association).toBe('MEMBER');
  });

  it('comments and edits comments, with issue_comment webhooks carrying the comment and its issue', async () => {
    const { data: issue } = await octokit().rest.issues.create({ owner, repo, title: 'Comments' });
    const events = await since();
    const { id } = await env.sandbox.comment({ owner, repo, number: issue.number, body: '/downstream status', as: 'alice' });
    const { data: reply } = await octokit().rest.issues.createComment({ owner, repo, issue_number: issue.number, body: 'Status: all green' });
    expect(reply).toMatchObject({ user: { login: 'downstream[bot]' }, performed_via_github_app: { slug: 'downstream' } });
    await octokit().rest.issues.updateComment({ owner, repo, comment_id: reply.id, body: 'Status: still green' });
    await env.sandbox.editComment({ owner, repo, commentId: id, body: '/downstream help', as: 'alice' });
    const { data: comments } = await octokit().rest.issues.listComments({ owner, repo, issue_number: issue.number });
    expect(comments.map((comment) => comment.body)).toEqual(['/downstream help', 'Status: still green']);
    expect((await octokit().rest.issues.getComment({ owner, repo, comment_id: id })).data.author_association).toBe('MEMBER');
    await env.sandbox.waitForIdle();
    expect(events().map((hook) => `${hook.event}.${hook.action ?? ''}`)).toEqual(['issue_comment.created', 'issue_comment.created', 'issue_comment.edited', 'issue_comment.edited']);
    expect(events()[0]?.payload).toMatchObject({ comment: { id, body: '/downstream status', user: { login: 'alice' } }, issue: { number: issue.number, comments: 1 }, sender: { login: 'alice' } });
  });

  it('acknowledges with reactions; a repeated reaction is answered 200, not duplicated', async () => {
    const { data: issue } = await octokit().rest.issues.create({ owner, repo, title: 'Reactions' });
    const { id } = await env.sandbox.comment({ owner, repo, number: issue.number, body: '/downstream retry' });
    const first = await octokit().rest.reactions.createForIssueComment({ owner, repo, comment_id: id, content: 'eyes' });
    const again = await octokit().rest.reactions.createForIssueComment({ owner, repo, comment_id: id, content: 'eyes' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.data.id).toBe(first.data.id);
    expect((await octokit().rest.issues.getComment({ owner, repo, comment_id: id })).data.reactions).toMatchObject({ total_count: 1, eyes: 1 });
    expect((await octokit().rest.reactions.createForIssue({ owner, repo, issue_number: issue.number, content: '+1' })).status).toBe(201);
    expect(await statusOf(octokit().rest.reactions.createForIssueComment({ owner, repo, comment_id: 999_999, content: 'eyes' }))).toBe(404);
  });

  it('creates and reads labels, adds and removes them with labeled/unlabeled webhooks on issues and pull requests', async () => {
    const { data: label } = await octokit().rest.issues.createLabel({ owner, repo, name: 'downstream:hold', color: 'fbca04', description: 'hands off' });
    expect(label).toMatchObject({ name: 'downstream:hold', color: 'fbca04', default: false });
    expect((await octokit().rest.issues.getLabel({ owner, repo, name: 'downstream:hold' })).data.id).toBe(label.id);
    expect((await refusalOf(octokit().rest.issues.createLabel({ owner, repo, name: 'downstream:hold' })))).toMatchObject({ status: 422, response: { data: { errors: [{ resource: 'Label', code: 'already_exists' }] } } });
    expect(await statusOf(octokit().rest.issues.getLabel({ owner, repo, name: 'no-such-label' }))).toBe(404);

    await env.sandbox.pushFiles({ owner, repo, branch: 'labels', files: { 'l.txt': 'l\n' } });
    const { number } = await env.sandbox.openPull({ owner, repo, head: 'labels' });
    await env.sandbox.waitForIdle();
    const events = await since();
    await env.sandbox.addLabel({ owner, repo, number, label: 'downstream:hold', as: 'alice' });
    const { data: labels } = await octokit().rest.issues.addLabels({ owner, repo, issue_number: number, labels: ['downstream', 'wave-1'] });
    expect(labels.map((item) => item.name)).toEqual(['downstream:hold', 'downstream', 'wave-1']);
    await octokit().rest.issues.removeLabel({ owner, repo, issue_number: number, name: 'downstream:hold' });
    expect(await statusOf(octokit().rest.issues.removeLabel({ owner, repo, issue_number: number, name: 'downstream:hold' }))).toBe(404);
    await env.sandbox.waitForIdle();
    expect(events().map((hook) => `${hook.event}.${hook.action ?? ''}:${String((hook.payload.label as { name?: string } | undefined)?.name)}`)).toEqual([
      'pull_request.labeled:downstream:hold',
      'pull_request.labeled:downstream',
      'pull_request.labeled:wave-1',
      'pull_request.unlabeled:downstream:hold',
    ]);
    expect(events()[0]?.payload).toMatchObject({ sender: { login: 'alice' } });
    const { data: all } = await octokit().rest.issues.listLabelsForRepo({ owner, repo, per_page: 100 });
    expect(all.map((item) => item.name)).toEqual(expect.arrayContaining(['bug', 'downstream', 'downstream:hold', 'wave-1']));
  });

  it('searches issues and pull requests across the installation\'s repositories', async () => {
    await env.sandbox.pushFiles({ owner, repo: 'api', branch: 'downstream/search', files: { 's.txt': 's\n' } });
    const client = octokit();
    const { data: pull } = await client.rest.pulls.create({ owner, repo: 'api', head: 'downstream/search', base: 'main', title: 'Migrate users (search)' });
    await client.rest.issues.addLabels({ owner, repo: 'api', issue_number: pull.number, labels: ['downstream'] });
    const { data: found } = await client.rest.search.issuesAndPullRequests({ q: 'org:acme is:pr is:open label:downstream author:downstream[bot] search' });
    expect(found.items.map((item) => item.title)).toEqual(['Migrate users (search)']);
    expect(found).toMatchObject({ total_count: 1, incomplete_results: false });
    const { data: issues } = await client.rest.search.issuesAndPullRequests({ q: 'repo:acme/web is:issue Comments' });
    expect(issues.items.map((item) => item.title)).toEqual(['Comments']);
    expect(await statusOf(personOctokit(env.sandbox, 'alice').rest.search.issuesAndPullRequests({ q: '' }))).toBe(422);
  });
});
