import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src/sandbox/index.js';
import { describeRestOperations } from '../../src/sandbox/index.js';
import { createOpenApiValidator, findOperation } from '../helpers/openapi-validator.js';
import { octokitWith, startValidatedSandbox } from '../helpers/sandbox.js';

// The operations a migration bot needs (reference/sandbox-and-codemod-costs.md §1f).
const required = [
  'apps/list-installations', 'apps/create-installation-access-token', 'apps/list-repos-accessible-to-installation', 'apps/get-repo-installation',
  'repos/get', 'repos/get-all-topics', 'repos/get-collaborator-permission-level', 'repos/get-branch',
  'git/get-ref', 'git/create-ref', 'git/update-ref', 'git/delete-ref', 'repos/get-content', 'repos/create-or-update-file-contents', 'repos/compare-commits-with-basehead',
  'pulls/list', 'pulls/create', 'pulls/get', 'pulls/update', 'pulls/merge', 'pulls/list-files', 'pulls/request-reviewers',
  'issues/list-for-repo', 'issues/create', 'issues/update', 'issues/list-comments', 'issues/create-comment', 'issues/update-comment', 'reactions/create-for-issue-comment',
  'issues/get-label', 'issues/create-label', 'issues/add-labels', 'issues/remove-label',
  'checks/create', 'checks/update', 'checks/list-for-ref', 'repos/get-combined-status-for-ref', 'repos/create-commit-status',
  'search/issues-and-pull-requests', 'rate-limit/get',
];

describe('the fidelity check', () => {
  const validator = createOpenApiValidator();
  const check = validator.check.bind(validator);

  it('serves every operation a migration bot needs, each at the method and path GitHub documents', () => {
    const served = describeRestOperations();
    expect(served.map((operation) => operation.operationId)).toEqual(expect.arrayContaining(required));
    for (const operation of served) expect({ id: operation.operationId, ...findOperation(operation.operationId) }).toEqual({ id: operation.operationId, method: operation.method, path: operation.path });
  });

  // This sandbox is fed bad input on purpose, so it is not checked for violations after each test.
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startValidatedSandbox({ seed: { repos: [{ owner: 'acme', name: 'web', files: { 'a.txt': 'a\n' } }] } });
  });
  afterAll(() => sandbox.close());

  it('accepts a pull request the sandbox serves, and rejects it without `merged`; rejects a request without `head`', async () => {
    await sandbox.pushFiles({ owner: 'acme', repo: 'web', branch: 'feature', files: { 'b.txt': 'b\n' } });
    const { number } = await sandbox.openPull({ owner: 'acme', repo: 'web', head: 'feature' });
    const { data } = await octokitWith(sandbox, sandbox.installationToken()).rest.pulls.get({ owner: 'acme', repo: 'web', pull_number: number });
    expect(check({ kind: 'response', operationId: 'pulls/get', status: 200, body: data })).toEqual([]);
    const { merged: _merged, ...withoutMerged } = data;
    expect(check({ kind: 'response', operationId: 'pulls/get', status: 200, body: withoutMerged })).toEqual([expect.stringMatching(/required property 'merged'/)]);
    expect(check({ kind: 'response', operationId: 'pulls/get', status: 200, body: { ...data, mergeable_state: 7 } }).join('\n')).toMatch(/mergeable_state must be string/);
    expect(check({ kind: 'request', operationId: 'pulls/create', body: { base: 'main', title: 'x' } }).join('\n')).toMatch(/required property 'head'/);
    expect(check({ kind: 'request', operationId: 'pulls/create', body: { head: 'x', base: 'main' } })).toEqual([]);
  });

  it('rejects an error without GitHub\'s error shape, and a success status GitHub does not document', () => {
    expect(check({ kind: 'response', operationId: 'pulls/create', status: 422, body: { oops: true } }).join('\n')).toMatch(/required property 'message'|must be/);
    expect(check({ kind: 'response', operationId: 'git/delete-ref', status: 422, body: { message: 'Reference does not exist', documentation_url: 'https://docs.github.com/rest' } })).toEqual([]);
    expect(check({ kind: 'response', operationId: 'pulls/get', status: 201, body: {} }).join('\n')).toMatch(/not documented/);
  });

  it('compiles operations whose schemas use `nullable` without a type (patched at load)', () => {
    for (const operationId of ['issues/create', 'issues/update', 'issues/list-for-repo', 'repos/compare-commits-with-basehead', 'repos/get-branch', 'search/issues-and-pull-requests']) {
      expect(check({ kind: 'response', operationId, status: operationId === 'issues/create' ? 201 : 200, body: {} }).length).toBeGreaterThan(0);
    }
  });

  it('rejects a webhook missing its sender or its signature header', () => {
    const headers = { 'User-Agent': 'GitHub-Hookshot/x', 'X-GitHub-Hook-ID': '1', 'X-GitHub-Event': 'issues', 'X-GitHub-Hook-Installation-Target-ID': '1', 'X-GitHub-Hook-Installation-Target-Type': 'integration', 'X-GitHub-Delivery': 'd' };
    const problems = check({ kind: 'webhook', event: 'issues', action: 'opened', payload: { action: 'opened', issue: {}, repository: {} }, headers });
    expect(problems.join('\n')).toMatch(/required property 'sender'/);
    expect(problems.join('\n')).toMatch(/X-Hub-Signature-256 is missing/);
    expect(check({ kind: 'webhook', event: 'issues', action: 'exploded', payload: {}, headers }).join('\n')).toMatch(/no such webhook/);
  });

  it('makes the sandbox record a client request GitHub would not accept', async () => {
    const octokit = octokitWith(sandbox, sandbox.installationToken());
    await expect(octokit.request('POST /repos/acme/web/pulls', { base: 'main', title: 'no head' })).rejects.toMatchObject({ status: 422 });
    expect(sandbox.violations()).toMatchObject([{ kind: 'request', where: 'pulls/create', messages: [expect.stringMatching(/required property 'head'/)] }]);
  });
});
