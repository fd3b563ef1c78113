import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/adapters/store/index.js';
import { createTestDatabase, testBackends } from '../helpers/databases.js';
import type { TestBackend, TestDatabase } from '../helpers/databases.js';
import type { E2eApp } from '../helpers/e2e-app.js';
import { demoFixtures, startE2eApp } from '../helpers/e2e-app.js';
import { repoRoot } from '../helpers/run-cli.js';
import { installationOctokit, personOctokit } from '../helpers/sandbox.js';
import { waitFor } from '../helpers/wait-for.js';

// One consumer per wave: canary signup-dashboard, early growth-reports, general support-tools.
const catalogDir = path.join(repoRoot, 'fixtures/rollout/catalog');
const newSchema = readFileSync(path.join(demoFixtures, 'change/schemas/users.sql'), 'utf8');

async function pullsOf(e2e: E2eApp, repo: string): Promise<{ number: number; state: string; head: string; headSha: string }[]> {
  const { octokit } = await installationOctokit(e2e.sandbox);
  const { data } = await octokit.rest.pulls.list({ owner: 'acme', repo, state: 'all' });
  return data.map((pull) => ({ number: pull.number, state: pull.state, head: pull.head.ref, headSha: pull.head.sha }));
}

async function trackingIssue(e2e: E2eApp): Promise<{ number: number; body: string; labels: string[] }> {
  const { octokit } = await installationOctokit(e2e.sandbox);
  return waitFor('the tracking issue', async () => {
    const { data } = await octokit.rest.issues.listForRepo({ owner: 'acme', repo: 'user-schemas', labels: 'downstream:campaign', state: 'all' });
    const [issue] = data;
    return issue === undefined ? undefined : { number: issue.number, body: issue.body ?? '', labels: issue.labels.map((label) => (typeof label === 'string' ? label : label.name ?? '')) };
  });
}

/** Lets every pending delivery, CI run and gate evaluation finish, so "nothing happened" means nothing will. */
async function quiesce(e2e: E2eApp): Promise<void> {
  await e2e.sandbox.waitForIdle();
  await sleep(3000);
  await e2e.sandbox.waitForIdle();
}

async function pushChange(e2e: E2eApp): Promise<void> {
  await e2e.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { 'schemas/users.sql': newSchema }, as: 'ines' });
}

function holdCanaryCi(e2e: E2eApp): void {
  e2e.sandbox.ci.setEnabled({ owner: 'acme', repo: 'signup-dashboard', enabled: false });
}

async function releaseCanaryCi(e2e: E2eApp, result: 'success' | 'failure'): Promise<void> {
  const [pull] = await pullsOf(e2e, 'signup-dashboard');
  e2e.sandbox.ci.setEnabled({ owner: 'acme', repo: 'signup-dashboard', enabled: true });
  e2e.sandbox.ci.force({ owner: 'acme', repo: 'signup-dashboard', result });
  e2e.sandbox.ci.run({ owner: 'acme', repo: 'signup-dashboard', sha: pull?.headSha ?? '' });
}

function describeRollout(backend: TestBackend): void {
  describe(`canary-first rollout in CI-gated waves [${backend}]`, () => {
    let database: TestDatabase | undefined;
    let store: Store | undefined;
    let e2e: E2eApp | undefined;

    async function start(options: { pacing?: { perMinute: number; perHour: number } } = {}): Promise<E2eApp> {
      database = await createTestDatabase(backend);
      store = await database.open();
      e2e = await startE2eApp({ store, catalogDir, ...options });
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

    it('opens wave 1 only after the canary is green, and shows the campaign on the tracking issue', { timeout: 180_000 }, async () => {
      const app = await start();
      holdCanaryCi(app);
      await pushChange(app);
      await app.waitForRun('signup-dashboard', (run) => run.state === 'pr-open');
      await quiesce(app);
      expect(await app.runOf('growth-reports')).toMatchObject({ state: 'pending' });
      expect(await pullsOf(app, 'growth-reports')).toEqual([]);
      const issue = await trackingIssue(app);
      expect(issue.body).toContain('signup-dashboard');
      expect(issue.body).toMatch(/wave/i);

      await releaseCanaryCi(app, 'success');
      await app.waitForRun('growth-reports', (run) => run.prNumber !== null);
      await app.waitForRun('support-tools', (run) => run.prNumber !== null, 120_000);
    });

    it('halts when the canary fails, leaving later waves untouched, and says so on the tracking issue', async () => {
      const app = await start();
      holdCanaryCi(app);
      await pushChange(app);
      await app.waitForRun('signup-dashboard', (run) => run.state === 'pr-open');
      await releaseCanaryCi(app, 'failure');
      await app.waitForRun('signup-dashboard', (run) => run.state === 'ci-failed');
      await waitFor('the campaign to halt', async () => ((await app.migrations())[0]?.status === 'halted' ? true : undefined));
      await quiesce(app);
      expect(await pullsOf(app, 'growth-reports')).toEqual([]);
      expect(await pullsOf(app, 'support-tools')).toEqual([]);
      const issue = await waitFor('the halted label', async () => {
        const current = await trackingIssue(app);
        return current.labels.includes('downstream:halted') ? current : undefined;
      });
      const { octokit } = await installationOctokit(app.sandbox);
      const comments = await octokit.rest.issues.listComments({ owner: 'acme', repo: 'user-schemas', issue_number: issue.number });
      expect(comments.data.map((comment) => comment.body ?? '').join('\n')).toContain('The rollout halted');
    });

    it('heals a missed CI webhook by reconciling, then opens the next wave', async () => {
      const app = await start();
      holdCanaryCi(app);
      await pushChange(app);
      await app.waitForRun('signup-dashboard', (run) => run.state === 'pr-open');
      await quiesce(app);
      // GitHub never retries: with the app unreachable, the CI result's webhooks are lost.
      app.sandbox.setWebhookTarget(undefined);
      await releaseCanaryCi(app, 'success');
      await app.sandbox.waitForIdle();
      app.sandbox.setWebhookTarget(`${app.server.url}/api/github/webhooks`);
      expect(await app.runOf('signup-dashboard')).toMatchObject({ state: 'pr-open' });
      await app.runtime.queue.send('reconcile', {});
      await app.waitForRun('signup-dashboard', (run) => run.state === 'ci-passed');
      await app.waitForRun('growth-reports', (run) => run.prNumber !== null);
    });

    it('stops rewriting a branch a person pushed to, and promotes when a writer ticks the box', { timeout: 180_000 }, async () => {
      const app = await start();
      holdCanaryCi(app);
      await pushChange(app);
      const canary = await app.waitForRun('signup-dashboard', (run) => run.state === 'pr-open');
      await app.sandbox.pushFiles({ owner: 'acme', repo: 'signup-dashboard', branch: canary.branch ?? '', files: { 'src/users/welcome.ts': '// reviewed by sam\nexport {};\n' }, as: 'sam' });
      await app.waitForRun('signup-dashboard', (run) => run.editedBy === 'sam');
      const [pull] = await pullsOf(app, 'signup-dashboard');
      await app.runtime.queue.send('patch-consumer', { migrationId: canary.migrationId, consumer: canary.consumer, mode: 'rebase' });
      await quiesce(app);
      expect((await pullsOf(app, 'signup-dashboard'))[0]?.headSha).toBe(pull?.headSha);

      // A reader cannot promote; a writer can, by ticking the box.
      const issue = await trackingIssue(app);
      const ticked = issue.body.replace('- [ ] <!-- downstream:promote -->', '- [x] <!-- downstream:promote -->');
      expect(ticked).not.toBe(issue.body);
      app.sandbox.setRole({ owner: 'acme', repo: 'user-schemas', login: 'rita', role: 'read' });
      await personOctokit(app.sandbox, 'rita').rest.issues.update({ owner: 'acme', repo: 'user-schemas', issue_number: issue.number, body: ticked });
      await quiesce(app);
      expect(await pullsOf(app, 'growth-reports')).toEqual([]);
      const refreshed = await trackingIssue(app);
      await personOctokit(app.sandbox, 'ines').rest.issues.update({ owner: 'acme', repo: 'user-schemas', issue_number: issue.number, body: refreshed.body.replace('- [ ] <!-- downstream:promote -->', '- [x] <!-- downstream:promote -->') });
      await app.waitForRun('growth-reports', (run) => run.prNumber !== null);
    });
  });
}

describeRollout('pglite');

// Two workers on one PostgreSQL draw on one pacing budget: four PRs ready at once, a budget for
// one a minute, and only one opens; the others wait for budget instead of failing.
describe.skipIf(!testBackends().includes('postgres'))('the pacing budget across two workers [postgres]', () => {
  it('opens no more than the budget allows, whichever worker asks', { timeout: 180_000 }, async () => {
    const database = await createTestDatabase('postgres');
    const first = await database.open();
    const second = await database.open();
    const pacing = { perMinute: 3, perHour: 400 };
    const app = await startE2eApp({ store: first, pacing, catalogDir: path.join(repoRoot, 'fixtures/pacing/catalog') });
    const { createRuntime } = await import('../../src/entrypoints/runtime/create-runtime.js');
    const { startWorker } = await import('../../src/entrypoints/worker/start-worker.js');
    const other = await createRuntime(app.runtime.config, { logger: app.runtime.logger, store: second, pacing, queueSettings: { deferSeconds: 1 } });
    await startWorker(other.deps, other.queue, { patch: 2, io: 2, pollingIntervalSeconds: 0.5 });
    try {
      await pushChange(app);
      const consumers = ['marketing-emails', 'ops-dashboard', 'support-tools', 'partner-exports'];
      // Every consumer got patched at least once: all four asked for budget.
      await waitFor('every consumer to be patched once', async () => {
        const runs = await Promise.all(consumers.map((name) => app.runOf(name)));
        return runs.every((run) => run !== undefined && run.attempt >= 1 && run.patch !== null) ? true : undefined;
      }, 120_000);
      // The one that got the budget opens its PR; the others wait for budget rather than fail.
      await waitFor('the PR the budget allows', async () => ((await Promise.all(consumers.map((name) => pullsOf(app, name)))).flat().length > 0 ? true : undefined), 60_000);
      await quiesce(app);
      const opened = (await Promise.all(consumers.map((name) => pullsOf(app, name)))).flat();
      expect(opened).toHaveLength(1);
      const creations = app.sandbox.requests().filter((request) => request.method === 'POST' && /\/repos\/acme\/[^/]+\/(pulls|issues\/\d+\/labels|pulls\/\d+\/requested_reviewers)$/.test(request.path));
      expect(creations.length).toBeLessThanOrEqual(pacing.perMinute);
      const states = (await Promise.all(consumers.map((name) => app.runOf(name)))).map((run) => run?.state);
      expect(states.filter((state) => state === 'patching')).toHaveLength(3);
      expect(states.filter((state) => state === 'pr-open' || state === 'ci-passed' || state === 'ci-failed')).toHaveLength(1);
    } finally {
      await other.queue.stop({ graceful: true, timeoutSeconds: 30 });
      await app.close();
      await first.close();
      await second.close();
      await database.drop();
    }
  });
});
