import { describe, expect, it } from 'vitest';
import { planWebhookJob } from './webhook-jobs.js';

const app = { slug: 'downstream', branchPrefix: 'downstream/' };
const sha = (digit: string) => digit.repeat(40);
const repository = { name: 'user-schemas', owner: { login: 'acme' }, default_branch: 'main' };
const installation = { id: 7 };
const sender = { login: 'ines', type: 'User' };

describe('planWebhookJob', () => {
  it.each([
    ['a push to the default branch', 'push', { ref: 'refs/heads/main', before: sha('a'), after: sha('b'), repository, installation, sender }, 'schema-change'],
    ['a push to another branch', 'push', { ref: 'refs/heads/feature', before: sha('a'), after: sha('b'), repository, installation, sender }, undefined],
    ['a branch creation (before is all zeros)', 'push', { ref: 'refs/heads/main', before: sha('0'), after: sha('b'), repository, installation, sender }, 'schema-change'],
    ['a PR opened by a person', 'pull_request', { action: 'opened', repository, installation, sender: { login: 'ines' }, pull_request: { number: 3, head: { sha: sha('c'), ref: 'rename-email' }, base: { sha: sha('a') } } }, 'impact-preview'],
    ['our own consumer PR opening', 'pull_request', { action: 'opened', repository, installation, sender: { login: 'downstream[bot]' }, pull_request: { number: 4, head: { sha: sha('c'), ref: 'downstream/user-profile/v2' }, base: { sha: sha('a') } } }, undefined],
    ['a PR closed', 'pull_request', { action: 'closed', repository, installation, sender: { login: 'ines' }, pull_request: { number: 4, merged: false, head: { sha: sha('c'), ref: 'downstream/x' }, base: { sha: sha('a') } } }, 'pull-request-closed'],
    ['a PR labelled', 'pull_request', { action: 'labeled', repository, installation, sender: { login: 'ines' }, pull_request: { number: 4, head: { sha: sha('c'), ref: 'x' }, base: { sha: sha('a') } } }, undefined],
    ['a completed check suite', 'check_suite', { action: 'completed', repository, installation, check_suite: { head_sha: sha('d'), app: { slug: 'ci' } } }, 'ci-update'],
    ['our own completed check run', 'check_run', { action: 'completed', repository, installation, check_run: { head_sha: sha('d'), app: { slug: 'downstream' } } }, undefined],
    ['a created check run', 'check_run', { action: 'created', repository, installation, check_run: { head_sha: sha('d'), app: { slug: 'ci' } } }, undefined],
    ['a final commit status', 'status', { sha: sha('d'), state: 'failure', repository, installation }, 'ci-update'],
    ['a pending commit status', 'status', { sha: sha('d'), state: 'pending', repository, installation }, undefined],
    ['a payload without the parts we read', 'push', { ref: 'refs/heads/main' }, undefined],
    ['an event we do not handle', 'star', { action: 'created' }, undefined],
  ])('%s', (_label, name, payload, job) => {
    expect(planWebhookJob({ name, payload }, app)?.name).toBe(job);
  });

  it('carries what the schema-change job needs', () => {
    expect(planWebhookJob({ name: 'push', payload: { ref: 'refs/heads/main', before: sha('a'), after: sha('b'), repository, installation, sender } }, app)).toEqual({
      name: 'schema-change',
      data: { installationId: 7, upstream: { owner: 'acme', name: 'user-schemas' }, ref: 'refs/heads/main', beforeSha: sha('a'), afterSha: sha('b') },
    });
  });
});
