import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { octokitWith, personOctokit, statusOf, useSandbox } from '../helpers/sandbox.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const owner = 'acme';
const repo = 'web';

describe('check runs and commit statuses', () => {
  const env = useSandbox({ seed: { repos: [{ owner, name: repo, files: { 'README.md': '# web\n' } }] } });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(env.sandbox.webhookSecret);
    env.sandbox.setWebhookTarget(receiver.url);
  });
  afterAll(() => receiver.close());
  const octokit = () => octokitWith(env.sandbox, env.sandbox.installationToken());
  const since = async () => {
    await env.sandbox.waitForIdle();
    const start = receiver.received.length;
    return () => receiver.received.slice(start);
  };

  async function openPull(branch: string): Promise<{ number: number; sha: string }> {
    const { sha } = await env.sandbox.pushFiles({ owner, repo, branch, files: { [`${branch}.txt`]: 'x\n' } });
    const { number } = await env.sandbox.openPull({ owner, repo, head: branch });
    await env.sandbox.waitForIdle();
    return { number, sha };
  }

  it('creates and completes a check run, with check_run and check_suite webhooks linked to the pull request', async () => {
    const { number, sha } = await openPull('checks-one');
    const events = await since();
    const { data: run } = await octokit().rest.checks.create({ owner, repo, name: 'downstream/impact', head_sha: sha, status: 'in_progress', output: { title: 'Impact', summary: '3 consumers' } });
    expect(run).toMatchObject({ status: 'in_progress', conclusion: null, app: { slug: 'downstream' }, pull_requests: [{ number }] });
    const { data: done } = await octokit().rest.checks.update({ owner, repo, check_run_id: run.id, conclusion: 'success', output: { title: 'Impact', summary: '3 consumers, all auto-fixable' } });
    expect(done).toMatchObject({ status: 'completed', conclusion: 'success', output: { summary: '3 consumers, all auto-fixable' } });
    await env.sandbox.waitForIdle();
    expect(events().map((hook) => `${hook.event}.${hook.action ?? ''}`)).toEqual(['check_run.created', 'check_run.completed', 'check_suite.completed']);
    expect(events()[2]?.payload).toMatchObject({ check_suite: { head_sha: sha, conclusion: 'success', status: 'completed', pull_requests: [{ number }] } });
  });

  it('lists a commit\'s check runs by sha or branch, latest per name unless asked for all', async () => {
    const { sha } = await openPull('checks-two');
    const client = octokit();
    await client.rest.checks.create({ owner, repo, name: 'lint', head_sha: sha, conclusion: 'failure' });
    const { data: retry } = await client.rest.checks.create({ owner, repo, name: 'lint', head_sha: sha, status: 'queued' });
    await client.rest.checks.create({ owner, repo, name: 'test', head_sha: sha, conclusion: 'success' });
    const latest = await client.rest.checks.listForRef({ owner, repo, ref: 'checks-two' });
    expect(latest.data.check_runs.map((run) => `${run.name}:${run.status}`).sort()).toEqual(['lint:queued', 'test:completed']);
    expect((await client.rest.checks.listForRef({ owner, repo, ref: sha, filter: 'all' })).data.total_count).toBe(3);
    expect((await client.rest.checks.listForRef({ owner, repo, ref: sha, check_name: 'lint' })).data.check_runs.map((run) => run.id)).toEqual([retry.id]);
    expect((await client.rest.checks.get({ owner, repo, check_run_id: retry.id })).data.name).toBe('lint');
  });

  it('lets only a GitHub App create check runs, and only on commits that exist', async () => {
    const { sha } = await openPull('checks-three');
    const person = personOctokit(env.sandbox, 'alice');
    expect(await statusOf(person.rest.checks.create({ owner, repo, name: 'x', head_sha: sha }))).toBe(403);
    expect(await statusOf(octokit().rest.checks.create({ owner, repo, name: 'x', head_sha: 'f'.repeat(40) }))).toBe(422);
  });

  it('records commit statuses and combines them per context, with status webhooks', async () => {
    const { sha } = await openPull('statuses');
    const client = octokit();
    expect((await client.rest.repos.getCombinedStatusForRef({ owner, repo, ref: sha })).data).toMatchObject({ state: 'pending', total_count: 0 });
    const events = await since();
    const { data: pending } = await client.rest.repos.createCommitStatus({ owner, repo, sha, state: 'pending', context: 'ci/build', description: 'building' });
    expect(pending).toMatchObject({ state: 'pending', context: 'ci/build', creator: { login: 'downstream[bot]' } });
    await client.rest.repos.createCommitStatus({ owner, repo, sha, state: 'success', context: 'ci/build' });
    await client.rest.repos.createCommitStatus({ owner, repo, sha, state: 'success', context: 'ci/lint' });
    expect((await client.rest.repos.getCombinedStatusForRef({ owner, repo, ref: 'statuses' })).data).toMatchObject({ state: 'success', total_count: 2, sha });
    await client.rest.repos.createCommitStatus({ owner, repo, sha, state: 'failure', context: 'ci/lint', target_url: 'http://ci.invalid/1' });
    expect((await client.rest.repos.getCombinedStatusForRef({ owner, repo, ref: sha })).data.state).toBe('failure');
    expect((await client.rest.repos.listCommitStatusesForRef({ owner, repo, ref: sha })).data).toHaveLength(4);
    await env.sandbox.waitForIdle();
    const statuses = events().filter((hook) => hook.event === 'status');
    expect(statuses.map((hook) => `${String(hook.payload.context)}:${String(hook.payload.state)}`)).toEqual(['ci/build:pending', 'ci/build:success', 'ci/lint:success', 'ci/lint:failure']);
    expect(statuses[0]?.payload).toMatchObject({ sha, branches: [{ name: 'statuses' }] });
  });

  it('marks a pull request unstable while its head has failing checks', async () => {
    const { number, sha } = await openPull('unstable');
    await octokit().rest.repos.createCommitStatus({ owner, repo, sha, state: 'failure', context: 'ci/build' });
    await env.sandbox.waitForIdle();
    expect((await octokit().rest.pulls.get({ owner, repo, pull_number: number })).data).toMatchObject({ mergeable: true, mergeable_state: 'unstable' });
  });
});
