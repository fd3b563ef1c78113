import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/store/index.js';
import { createTestDatabase, testBackends } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import type { E2eApp } from '../helpers/e2e-app.js';
import { demoFixtures, startE2eApp } from '../helpers/e2e-app.js';
import { installationOctokit } from '../helpers/sandbox.js';

const consumers = ['signup-dashboard', 'growth-reports', 'search-indexer', 'legacy-reports', 'billing-service'];
const newSchema = readFileSync(path.join(demoFixtures, 'change/schemas/users.sql'), 'utf8');

type Opened = { repo: string; number: number; head: string; title: string; body: string };

async function listBotPulls(e2e: E2eApp): Promise<Opened[]> {
  const { octokit } = await installationOctokit(e2e.sandbox);
  const pulls: Opened[] = [];
  for (const repo of [...consumers, 'user-schemas']) {
    const { data } = await octokit.rest.pulls.list({ owner: 'acme', repo, state: 'all' });
    pulls.push(...data.map((pull) => ({ repo, number: pull.number, head: pull.head.ref, title: pull.title, body: pull.body ?? '' })));
  }
  return pulls;
}

async function pushSchemaChange(e2e: E2eApp): Promise<void> {
  await e2e.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { 'schemas/users.sql': newSchema }, message: 'Rename user_email to email; drop legacy_score', as: 'ines' });
}

for (const backend of testBackends()) {
  describe(`a schema change lands [${backend}]`, () => {
    let database: TestDatabase | undefined;
    let store: Store | undefined;
    let e2e: E2eApp | undefined;

    async function start(): Promise<E2eApp> {
      database = await createTestDatabase(backend);
      store = await database.open();
      e2e = await startE2eApp({ store });
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

    it('opens exactly one verified PR in each affected consumer, none elsewhere, and nothing more on redelivery', { timeout: 240_000 }, async () => {
      const app = await start();
      await pushSchemaChange(app);
      await app.settle();

      const [migration, ...others] = await app.migrations();
      expect(others).toEqual([]);
      expect(migration?.dataset).toEqual({ name: 'user-profile', physicalName: 'analytics.users_v1' });
      const runs = await app.runs(migration?.id ?? '');
      const stateOf = (name: string) => runs.find((run) => run.consumer === `component:default/${name}`);
      expect(stateOf('signup-dashboard')).toMatchObject({ state: expect.stringMatching(/^(pr-open|ci-passed)$/), leftovers: 0 });
      expect(stateOf('growth-reports')).toMatchObject({ state: expect.stringMatching(/^(pr-open|ci-passed|ci-failed)$/), leftovers: expect.any(Number) });
      expect(stateOf('growth-reports')?.leftovers).toBeGreaterThan(0);
      expect(stateOf('billing-service')).toMatchObject({ state: expect.stringMatching(/^(pr-open|ci-passed)$/), leftovers: 0 });
      expect(stateOf('search-indexer')).toMatchObject({ state: 'not-affected' });
      expect(stateOf('legacy-reports')).toMatchObject({ state: 'skipped', stateReason: expect.stringContaining('downstream-opt-out') });

      const pulls = await listBotPulls(app);
      expect(pulls.map((pull) => pull.repo).sort()).toEqual(['billing-service', 'growth-reports', 'signup-dashboard']);
      for (const pull of pulls) {
        expect(pull.head).toMatch(/^downstream\/user-profile\/[0-9a-f]{7}$/);
        expect(pull.body).toContain('`user_email` renamed to `email`');
        expect(pull.body).toContain(`<!-- downstream:{"migration":"${migration?.id}"`);
      }
      const growth = pulls.find((pull) => pull.repo === 'growth-reports');
      expect(growth?.body).toMatch(/Needs a person \(\d+\)/);

      const { octokit } = await installationOctokit(app.sandbox);
      const row = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'signup-dashboard', path: 'src/users/user-row.ts', ref: pulls.find((pull) => pull.repo === 'signup-dashboard')?.head ?? '', mediaType: { format: 'raw' } });
      expect(String(row.data)).toContain('  email: string;');
      const decoy = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'signup-dashboard', path: 'src/newsletter/subscriber.ts', ref: pulls.find((pull) => pull.repo === 'signup-dashboard')?.head ?? '', mediaType: { format: 'raw' } });
      expect(String(decoy.data)).toBe(readFileSync(path.join(demoFixtures, 'org/acme/signup-dashboard/src/newsletter/subscriber.ts'), 'utf8'));

      // GitHub never retries a webhook, but people and reconcile redeliver: every delivery again changes nothing.
      const before = { pulls: await listBotPulls(app), requests: app.sandbox.requests().length };
      for (const delivery of app.sandbox.deliveries().filter((candidate) => !candidate.redelivery)) app.sandbox.redeliver(delivery.id);
      await app.settle();
      expect(await listBotPulls(app)).toEqual(before.pulls);
      expect(await app.migrations()).toHaveLength(1);
      expect(app.sandbox.violations().map((violation) => JSON.stringify(violation).slice(0, 400))).toEqual([]);
    });
  });
}
