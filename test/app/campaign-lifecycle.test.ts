import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listEvents } from '../../src/adapters/store/index.js';
import type { Store } from '../../src/adapters/store/index.js';
import { createTestDatabase, testBackends } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import type { E2eApp } from '../helpers/e2e-app.js';
import { demoFixtures, startE2eApp } from '../helpers/e2e-app.js';
import { repoRoot } from '../helpers/run-cli.js';
import { installationOctokit } from '../helpers/sandbox.js';
import { waitFor } from '../helpers/wait-for.js';

const consumers = ['signup-dashboard', 'growth-reports', 'search-indexer', 'legacy-reports', 'billing-service'];
const newSchema = readFileSync(path.join(demoFixtures, 'change/schemas/users.sql'), 'utf8');

async function pullsByRepo(e2e: E2eApp, repos: readonly string[] = consumers): Promise<Record<string, { number: number; state: string; head: string }[]>> {
  const { octokit } = await installationOctokit(e2e.sandbox);
  const result: Record<string, { number: number; state: string; head: string }[]> = {};
  for (const repo of [...repos, 'user-schemas']) {
    const { data } = await octokit.rest.pulls.list({ owner: 'acme', repo, state: 'all' });
    result[repo] = data.map((pull) => ({ number: pull.number, state: pull.state, head: pull.head.ref }));
  }
  return result;
}

for (const backend of testBackends()) {
  describe(`a campaign over its life [${backend}]`, () => {
    let database: TestDatabase | undefined;
    let store: Store | undefined;
    let e2e: E2eApp | undefined;

    async function start(options: { patchConcurrency?: number; catalogDir?: string } = {}): Promise<E2eApp> {
      database = await createTestDatabase(backend);
      store = await database.open();
      e2e = await startE2eApp({ store, ...options });
      return e2e;
    }

    afterEach(async () => {
      await e2e?.close();
      await store?.close();
      await database?.drop();
      e2e = undefined;
      store = undefined;
      database = undefined;
    });

    it('resumes after a restart mid-campaign without opening anything twice', { timeout: 240_000 }, async () => {
      // One consumer per wave (canary, early, general), patched one at a time: the restart lands mid-campaign.
      const app = await start({ patchConcurrency: 1, catalogDir: path.join(repoRoot, 'fixtures/rollout/catalog') });
      await app.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { 'schemas/users.sql': newSchema }, as: 'ines' });
      const migration = await waitFor('the migration', async () => (await app.migrations())[0]);
      await waitFor('a first PR', async () => ((await listEvents(app.runtime.store.db, { migrationId: migration.id })).some((event) => event.kind === 'run.pr-opened') ? true : undefined), 60_000);
      const unfinished = (await app.runs(migration.id)).filter((run) => run.state === 'pending' || run.state === 'patching');
      expect(unfinished.length).toBeGreaterThan(0);

      await app.restart();
      await app.settle();

      const pulls = await pullsByRepo(app, ['signup-dashboard', 'growth-reports', 'support-tools']);
      expect(Object.fromEntries(Object.entries(pulls).map(([repo, list]) => [repo, list.length]))).toEqual({
        'signup-dashboard': 1, 'growth-reports': 1, 'support-tools': 1, 'user-schemas': 0,
      });
      const states = (await app.runs(migration.id)).map((run) => run.state);
      expect(states.filter((state) => state === 'pending' || state === 'patching')).toEqual([]);
    });

    it('previews the impact on a schema PR without opening anything, and never reopens a declined PR', { timeout: 240_000 }, async () => {
      const app = await start();
      await app.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'rename-email', files: { 'schemas/users.sql': newSchema }, as: 'ines' });
      const { number } = await app.sandbox.openPull({ owner: 'acme', repo: 'user-schemas', head: 'rename-email', title: 'Rename user_email to email', as: 'ines' });
      await app.settle();
      const { octokit } = await installationOctokit(app.sandbox);
      const head = (await octokit.rest.pulls.get({ owner: 'acme', repo: 'user-schemas', pull_number: number })).data.head.sha;
      const { data } = await octokit.rest.checks.listForRef({ owner: 'acme', repo: 'user-schemas', ref: head });
      const preview = data.check_runs.find((run) => run.name === 'downstream / impact');
      expect(preview?.output.title).toBe('8 consumer(s) affected: 7 auto-fixable, 0 need a person, 1 opted out');
      expect(preview?.output.text).toMatch(/growth-reports` \| early \| auto-fixable: \d+ edit\(s\) in \d+ file\(s\), \d+ site\(s\) for a person/);
      expect(preview?.output.text).toContain('opted out (the repository has the topic downstream-opt-out)');
      expect(Object.values(await pullsByRepo(app)).flat().filter((pull) => pull.head.startsWith('downstream/'))).toEqual([]);

      // The producer merges; PRs open; a consumer team declines theirs; redelivering everything must not reopen it.
      await app.sandbox.merge({ owner: 'acme', repo: 'user-schemas', number, as: 'ines' });
      await app.settle();
      const signup = (await pullsByRepo(app))['signup-dashboard']?.[0];
      expect(signup?.state).toBe('open');
      await app.sandbox.closePull({ owner: 'acme', repo: 'signup-dashboard', number: signup?.number ?? 0, as: 'sam' });
      await app.settle();
      const [migration] = await app.migrations();
      const declined = (await app.runs(migration?.id ?? '')).find((run) => run.consumer === 'component:default/signup-dashboard');
      expect(declined).toMatchObject({ state: 'declined' });

      for (const delivery of app.sandbox.deliveries().filter((candidate) => !candidate.redelivery)) app.sandbox.redeliver(delivery.id);
      await app.settle();
      expect((await pullsByRepo(app))['signup-dashboard']).toEqual([{ number: signup?.number ?? 0, state: 'closed', head: signup?.head ?? '' }]);
    });
  });
}
