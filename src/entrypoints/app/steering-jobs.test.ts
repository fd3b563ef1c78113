import { describe, expect, it } from 'vitest';
import { planWebhookJob } from './webhook-jobs.js';

const app = { slug: 'downstream', branchPrefix: 'downstream/' };
const repository = { name: 'billing', owner: { login: 'acme' }, default_branch: 'main' };
const installation = { id: 7 };
const person = { login: 'sam', type: 'User' };
const bot = { login: 'downstream[bot]', type: 'Bot' };

function comment(overrides: { body?: string; sender?: object; author?: object; issueUser?: object; action?: string; pull?: boolean } = {}) {
  return {
    action: overrides.action ?? 'created',
    repository,
    installation,
    sender: overrides.sender ?? person,
    issue: { number: 4, user: overrides.issueUser ?? bot, ...(overrides.pull === false ? {} : { pull_request: { url: 'u' } }) },
    comment: { id: 99, body: overrides.body ?? '/downstream rebase', user: overrides.author ?? overrides.sender ?? person },
  };
}

function label(overrides: { action?: string; name?: string; sender?: object; ref?: string } = {}) {
  return {
    action: overrides.action ?? 'labeled',
    repository,
    installation,
    sender: overrides.sender ?? person,
    label: { name: overrides.name ?? 'downstream:hold' },
    pull_request: { number: 4, head: { sha: 'c'.repeat(40), ref: overrides.ref ?? 'downstream/user-profile/abc1234' }, base: { sha: 'a'.repeat(40) } },
  };
}

describe('planWebhookJob for people steering the bot', () => {
  it.each([
    ['a command on a bot PR', 'issue_comment', comment(), 'handle-command'],
    ['a command on an issue the bot opened', 'issue_comment', comment({ pull: false }), 'handle-command'],
    ['an edited comment', 'issue_comment', comment({ action: 'edited' }), undefined],
    ['a comment without a command', 'issue_comment', comment({ body: 'Looks good to me' }), undefined],
    ['a quoted command', 'issue_comment', comment({ body: '> /downstream rebase' }), undefined],
    ['a command from another bot', 'issue_comment', comment({ sender: { login: 'renovate[bot]', type: 'Bot' } }), undefined],
    ['a command the app wrote itself', 'issue_comment', comment({ sender: bot }), undefined],
    ['a command on a PR a person opened', 'issue_comment', comment({ issueUser: person }), undefined],
    ['hold put on a bot PR', 'pull_request', label(), 'pull-request-label'],
    ['hold taken off a bot PR', 'pull_request', label({ action: 'unlabeled' }), 'pull-request-label'],
    ['skip put on a bot PR, in capitals', 'pull_request', label({ name: 'Downstream:Skip' }), 'pull-request-label'],
    ['another label', 'pull_request', label({ name: 'bug' }), undefined],
    ['hold on a PR that is not ours', 'pull_request', label({ ref: 'feature' }), undefined],
    ['the bot mirroring /downstream hold', 'pull_request', label({ sender: bot }), undefined],
  ])('%s', (_label, name, payload, job) => {
    expect(planWebhookJob({ name, payload, id: 'delivery-1' }, app)?.name).toBe(job);
  });

  it('carries what the command job needs', () => {
    expect(planWebhookJob({ name: 'issue_comment', payload: comment(), id: 'd' }, app)).toEqual({
      name: 'handle-command',
      data: { installationId: 7, repo: { owner: 'acme', name: 'billing' }, issueNumber: 4, isPull: true, commentId: 99, author: 'sam', authorIsBot: false, body: '/downstream rebase' },
    });
  });

  it('carries what the label job needs, keyed by delivery', () => {
    expect(planWebhookJob({ name: 'pull_request', payload: label(), id: 'delivery-2' }, app)).toEqual({
      name: 'pull-request-label',
      data: { deliveryId: 'delivery-2', installationId: 7, repo: { owner: 'acme', name: 'billing' }, pullNumber: 4, label: 'downstream:hold', action: 'labeled', actor: 'sam' },
    });
  });
});
