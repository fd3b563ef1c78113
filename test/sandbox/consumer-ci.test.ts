import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ciCheckName, ciStatusContext } from '../../src/sandbox/index.js';
import { octokitWith, repoRoot, statusOf, useSandbox } from '../helpers/sandbox.js';
import type { WebhookReceiver } from '../helpers/webhook-receiver.js';
import { startWebhookReceiver } from '../helpers/webhook-receiver.js';

const owner = 'acme';
const consumer = (name: string) => ({ owner, name, dir: path.join(repoRoot, 'fixtures/sandbox/ci', name) });

describe('consumer CI', () => {
  const env = useSandbox({ seed: { repos: [consumer('passing'), consumer('failing'), consumer('no-ci')] } });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver(env.sandbox.webhookSecret);
    env.sandbox.setWebhookTarget(receiver.url);
  });
  afterAll(() => receiver.close());
  const octokit = () => octokitWith(env.sandbox, env.sandbox.installationToken());

  async function openPull(repo: string, branch: string): Promise<{ number: number; sha: string }> {
    // The branch name in the file keeps each head a distinct commit, even when pushed in the same second.
    const { sha } = await env.sandbox.pushFiles({ owner, repo, branch, files: { 'src/extra.ts': `export const extra: number = 1; // ${branch}\n` } });
    const { number } = await env.sandbox.openPull({ owner, repo, head: branch });
    return { number, sha };
  }

  it.each([
    ['passing', 'success', 'success'],
    ['failing', 'failure', 'failure'],
  ])('type-checks the %s consumer with our TypeScript and publishes a %s check run and a %s status', async (repo, conclusion, state) => {
    const start = receiver.received.length;
    const { sha } = await openPull(repo, `downstream/${repo}`);
    await env.sandbox.waitForIdle();
    const { data: runs } = await octokit().rest.checks.listForRef({ owner, repo, ref: sha });
    expect(runs.check_runs).toMatchObject([{ name: ciCheckName, status: 'completed', conclusion, app: { slug: 'sandbox-ci' } }]);
    if (conclusion === 'failure') expect(runs.check_runs[0]?.output.text).toMatch(/error TS2322/);
    const { data: combined } = await octokit().rest.repos.getCombinedStatusForRef({ owner, repo, ref: sha });
    expect(combined).toMatchObject({ state, statuses: [{ context: ciStatusContext, state }] });
    const events = receiver.received.slice(start).filter((hook) => hook.event !== 'push' && hook.event !== 'pull_request');
    expect(events.map((hook) => `${hook.event}.${hook.action ?? String(hook.payload.state)}`)).toEqual(['check_run.created', 'status.pending', 'check_run.completed', 'check_suite.completed', `status.${state}`]);
    expect(events.every((hook) => hook.signatureValid)).toBe(true);
  });

  it('runs nothing for a repository without .sandbox-ci', async () => {
    const { sha } = await openPull('no-ci', 'downstream/no-ci');
    await env.sandbox.waitForIdle();
    expect((await octokit().rest.checks.listForRef({ owner, repo: 'no-ci', ref: sha })).data.total_count).toBe(0);
  });

  it('publishes a forced result, and stays off when disabled', async () => {
    env.sandbox.ci.force({ owner, repo: 'passing', result: 'failure' });
    const forced = await openPull('passing', 'downstream/forced');
    await env.sandbox.waitForIdle();
    expect((await octokit().rest.checks.listForRef({ owner, repo: 'passing', ref: forced.sha })).data.check_runs).toMatchObject([{ conclusion: 'failure', output: { summary: expect.stringMatching(/forced/) } }]);
    env.sandbox.ci.force({ owner, repo: 'passing', result: undefined });

    env.sandbox.ci.setEnabled({ owner, repo: 'passing', enabled: false });
    const off = await openPull('passing', 'downstream/off');
    await env.sandbox.waitForIdle();
    expect((await octokit().rest.checks.listForRef({ owner, repo: 'passing', ref: off.sha })).data.total_count).toBe(0);
    env.sandbox.ci.setEnabled({ owner, repo: 'passing', enabled: true });
    env.sandbox.ci.run({ owner, repo: 'passing', sha: off.sha });
    await env.sandbox.waitForIdle();
    expect((await octokit().rest.checks.listForRef({ owner, repo: 'passing', ref: off.sha })).data.check_runs).toMatchObject([{ conclusion: 'success' }]);
  });

  it('reruns CI on a new head, and keeps the CI app\'s runs out of our app\'s hands', async () => {
    const { number, sha } = await openPull('failing', 'downstream/fix');
    await env.sandbox.waitForIdle();
    const { sha: fixed } = await env.sandbox.pushFiles({ owner, repo: 'failing', branch: 'downstream/fix', files: { 'src/index.ts': 'export const total = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0);\n' } });
    await env.sandbox.waitForIdle();
    expect((await octokit().rest.checks.listForRef({ owner, repo: 'failing', ref: fixed })).data.check_runs).toMatchObject([{ conclusion: 'success' }]);
    const { data: pull } = await octokit().rest.pulls.get({ owner, repo: 'failing', pull_number: number });
    expect(pull).toMatchObject({ head: { sha: fixed }, mergeable_state: 'clean' });
    const [ciRun] = (await octokit().rest.checks.listForRef({ owner, repo: 'failing', ref: sha })).data.check_runs;
    expect(await statusOf(octokit().rest.checks.update({ owner, repo: 'failing', check_run_id: ciRun?.id ?? 0, conclusion: 'success' }))).toBe(403);
  });

  it('merges a pull request with auto-merge on (GraphQL) once its CI passes', async () => {
    // The verdict matters here, not the type-check: skip the script.
    env.sandbox.ci.force({ owner, repo: 'passing', result: 'success' });
    const { number } = await openPull('passing', 'downstream/auto');
    const { data: pull } = await octokit().rest.pulls.get({ owner, repo: 'passing', pull_number: number });
    const answer = await octokit().graphql<{ enablePullRequestAutoMerge: { pullRequest: { number: number; autoMergeRequest: { mergeMethod: string } } } }>(
      'mutation($id: ID!) { enablePullRequestAutoMerge(input: { pullRequestId: $id, mergeMethod: SQUASH }) { pullRequest { number autoMergeRequest { mergeMethod } } } }',
      { id: pull.node_id },
    );
    expect(answer.enablePullRequestAutoMerge.pullRequest).toMatchObject({ number, autoMergeRequest: { enabledAt: expect.any(String), mergeMethod: 'SQUASH' } });
    await env.sandbox.waitForIdle();
    expect((await octokit().rest.pulls.get({ owner, repo: 'passing', pull_number: number })).data).toMatchObject({ merged: true, merged_by: { login: 'downstream[bot]' } });
    expect(receiver.received.some((hook) => hook.event === 'pull_request' && hook.action === 'auto_merge_enabled' && hook.payload.number === number)).toBe(true);
    env.sandbox.ci.force({ owner, repo: 'passing', result: undefined });
  });
});
