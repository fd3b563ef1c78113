import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/store/index.js';
import { createTestDatabase } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import type { E2eApp } from '../helpers/e2e-app.js';
import { demoFixtures, startE2eApp } from '../helpers/e2e-app.js';
import { repoRoot } from '../helpers/run-cli.js';
import { installationOctokit } from '../helpers/sandbox.js';
import { waitFor } from '../helpers/wait-for.js';

// One consumer per wave: canary signup-dashboard, early growth-reports, general support-tools.
const catalogDir = path.join(repoRoot, 'fixtures/rollout/catalog');
const schemaPath = 'schemas/users.sql';
const original = readFileSync(path.join(demoFixtures, 'org/acme/user-schemas', schemaPath), 'utf8');
const changed = readFileSync(path.join(demoFixtures, 'change', schemaPath), 'utf8');

describe('an upstream revert [pglite]', () => {
  let database: TestDatabase | undefined;
  let store: Store | undefined;
  let e2e: E2eApp | undefined;

  afterEach(async () => {
    await e2e?.close();
    await store?.close();
    await database?.drop();
  });

  it('closes the open PRs of the change it undoes, and takes merged consumers back with a PR of their own', { timeout: 240_000 }, async () => {
    database = await createTestDatabase('pglite');
    store = await database.open();
    const app = await startE2eApp({ store, catalogDir });
    e2e = app;
    await app.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { [schemaPath]: changed }, as: 'ines' });
    const canary = await app.waitForRun('signup-dashboard', (run) => run.state === 'ci-passed', 120_000);
    const early = await app.waitForRun('growth-reports', (run) => run.prNumber !== null, 120_000);
    await app.sandbox.merge({ owner: 'acme', repo: 'signup-dashboard', number: canary.prNumber ?? 0, as: 'sam' });
    await app.waitForRun('signup-dashboard', (run) => run.state === 'merged');

    // The producer reverts: the schema file is what it was before the change.
    await app.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { [schemaPath]: original }, message: 'Revert the email rename', as: 'ines' });
    const [first, revert] = await waitFor('the revert migration', async () => {
      const migrations = await app.migrations();
      return migrations.length === 2 && migrations[0]?.status === 'aborted' ? migrations : undefined;
    }, 60_000);
    expect(revert?.changeSet.changes).toContainEqual(expect.objectContaining({ kind: 'field.renamed', path: ['email'], from: 'email', to: 'user_email' }));
    expect(first?.id).toBe(early.migrationId);

    const { octokit } = await installationOctokit(app.sandbox);
    await waitFor('the early PR to close', async () => ((await octokit.rest.pulls.get({ owner: 'acme', repo: 'growth-reports', pull_number: early.prNumber ?? 0 })).data.state === 'closed' ? true : undefined), 30_000);
    const { data: comments } = await octokit.rest.issues.listComments({ owner: 'acme', repo: 'growth-reports', issue_number: early.prNumber ?? 0 });
    expect(comments.some((comment) => comment.body?.includes('was reverted in acme/user-schemas'))).toBe(true);

    // The canary merged the change, so the revert gives it a PR that follows it back.
    const back = await waitFor('the canary PR of the revert', async () => {
      const runs = await app.runs(revert?.id ?? '');
      return runs.find((run) => run.consumer === 'component:default/signup-dashboard' && run.prNumber !== null);
    }, 120_000);
    const { data: pull } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'signup-dashboard', pull_number: back.prNumber ?? 0 });
    const { data: row } = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'signup-dashboard', path: 'src/users/user-row.ts', ref: pull.head.sha, mediaType: { format: 'raw' } });
    expect(String(row)).toContain('user_email: string;');
  });
});
