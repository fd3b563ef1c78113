import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoOptOut } from '../../src/adapters/store/index.js';
import { ensureOptOutNotices } from '../../src/workflows/index.js';
import type { Migration, Store } from '../../src/adapters/store/index.js';
import { createTestDatabase, testBackends } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import type { E2eApp } from '../helpers/e2e-app.js';
import { startE2eApp } from '../helpers/e2e-app.js';
import { installationOctokit } from '../helpers/sandbox.js';
import { demoSchemaChange, eventsOf, listComments, makeSteeringFixture, people, runOf, settleSteering } from '../helpers/steering-fixture.js';

// The demo change without the producer's `renamed-from` hint: the diff can only suspect the rename.
const suspectedRename = demoSchemaChange.replace(/^\s*-- downstream:renamed-from user_email\n/m, '');
// A later change of the same dataset: `display_name` goes.
const dropDisplayName = demoSchemaChange.replace(/^\s*-- downstream:renamed-from user_email\n/m, '').replace(/^\s*display_name TEXT,\n/m, '');

type Notice = { repo: string; number: number; title: string; body: string; state: string };

for (const backend of testBackends()) {
  describe.sequential(`opting out, labels and notices [${backend}]`, () => {
    let database: TestDatabase;
    let store: Store;
    let app: E2eApp;
    let first: Migration;

    beforeAll(async () => {
      database = await createTestDatabase(backend);
      store = await database.open();
      // Every opt-out source but the command, set before the change lands: the catalog annotation,
      // `enabled: false` in the config (with notices turned off too), and the repository topic
      // (legacy-reports carries `downstream-opt-out` in the demo fixtures).
      app = await startE2eApp({
        store,
        ...makeSteeringFixture({
          catalogOptOut: ['growth-reports'],
          files: { 'search-indexer': { '.github/downstream.yml': 'enabled: false\nnotices: false\n' } },
        }),
      });
      await app.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { 'schemas/users.sql': suspectedRename }, message: 'Email column, take two', as: 'ines' });
      await settleSteering(app, store);
      const [migration] = await app.migrations();
      if (migration === undefined) throw new Error('no migration');
      first = migration;
    }, 180_000);

    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database?.drop();
    });

    async function notices(repo: string): Promise<Notice[]> {
      const { octokit } = await installationOctokit(app.sandbox);
      const { data } = await octokit.rest.issues.listForRepo({ owner: 'acme', repo, state: 'all', creator: `${app.sandbox.appSlug}[bot]` });
      return data.filter((issue) => (issue.body ?? '').includes('<!-- downstream:notice ')).map((issue) => ({ repo, number: issue.number, title: issue.title, body: issue.body ?? '', state: issue.state }));
    }

    async function lastReply(repo: string, number: number): Promise<string> {
      const comments = await listComments(app, repo, number);
      return comments.filter((entry) => entry.author === `${app.sandbox.appSlug}[bot]`).at(-1)?.body ?? '';
    }

    it('skips a consumer the catalog opts out at plan time, with no PR and one notice', async () => {
      expect(await runOf(app, first, 'growth-reports')).toMatchObject({ state: 'skipped', stateReason: expect.stringMatching(/^opted out/) });
      const [notice, ...more] = await notices('growth-reports');
      expect(more).toEqual([]);
      expect(notice?.body).toContain('downstream did not open a PR here because catalog annotation downstream/opt-out.');
      expect(notice?.body).toContain('remove the annotation `downstream/opt-out` from `component:default/growth-reports` in the catalog');
      const { octokit } = await installationOctokit(app.sandbox);
      expect((await octokit.rest.pulls.list({ owner: 'acme', repo: 'growth-reports', state: 'all' })).data).toEqual([]);
    });

    it('confirms a suspected rename on the tracking issue and re-plans: the canary that needed a person gets its PR', async () => {
      expect(first.changeSet.changes.map((change) => change.kind)).toContain('field.suspected-rename');
      const before = await runOf(app, first, 'signup-dashboard');
      expect(before.state).toBe('needs-human');
      const tracking = first.trackingIssue ?? 0;
      await app.sandbox.comment({ owner: 'acme', repo: 'user-schemas', number: tracking, body: '/downstream confirm-rename user_email email', as: people.write });
      await settleSteering(app, store);
      expect(await lastReply('user-schemas', tracking)).toContain('Confirmed: `user_email` → `email` is a rename. 0 open PRs are regenerated and 1 consumer patched again');
      const [replanned] = await app.migrations();
      expect(replanned?.changeSet.changes).toContainEqual(expect.objectContaining({ kind: 'field.renamed', from: 'user_email', to: 'email', evidence: 'declared' }));
      expect(await runOf(app, first, 'signup-dashboard')).toMatchObject({ state: 'pr-open', prNumber: expect.any(Number) });
      expect((await eventsOf(store, first, 'migration.rename-confirmed')).map((event) => event.actor)).toEqual([people.write]);
    }, 120_000);

    it('honours the topic and `enabled: false` again just before a PR opens; a notice unless notices are off', async () => {
      await app.sandbox.comment({ owner: 'acme', repo: 'user-schemas', number: first.trackingIssue ?? 0, body: '/downstream promote', as: people.write });
      await settleSteering(app, store);
      expect(await runOf(app, first, 'legacy-reports')).toMatchObject({ state: 'skipped', stateReason: 'opted out: the repository has the topic downstream-opt-out' });
      expect(await runOf(app, first, 'search-indexer')).toMatchObject({ state: 'skipped', stateReason: 'opted out: .github/downstream.yml sets enabled: false' });
      const [legacy, ...more] = await notices('legacy-reports');
      expect(more).toEqual([]);
      expect(legacy?.title).toBe('user-profile changed upstream: no PR here, this repository opted out');
      expect(legacy?.body).toContain('remove the topic `downstream-opt-out` from this repository');
      expect(await notices('search-indexer')).toEqual([]);
      const { octokit } = await installationOctokit(app.sandbox);
      for (const repo of ['legacy-reports', 'search-indexer']) expect((await octokit.rest.pulls.list({ owner: 'acme', repo, state: 'all' })).data).toEqual([]);
      expect((await eventsOf(store, first, 'run.opt-out-notice')).map((event) => event.payload.source).sort()).toEqual(['catalog', 'topic']);
    }, 120_000);

    it('holds, unholds and skips a bot PR by label, from anyone GitHub lets label, and says so on the PR', async () => {
      const pull = (await runOf(app, first, 'signup-dashboard')).prNumber ?? 0;
      await app.sandbox.addLabel({ owner: 'acme', repo: 'signup-dashboard', number: pull, label: 'downstream:hold', as: people.triage });
      await settleSteering(app, store);
      expect((await runOf(app, first, 'signup-dashboard')).state).toBe('held');
      expect(await lastReply('signup-dashboard', pull)).toContain(`@${people.triage} added \`downstream:hold\`: Held:`);
      await app.sandbox.removeLabel({ owner: 'acme', repo: 'signup-dashboard', number: pull, label: 'downstream:hold', as: people.triage });
      await settleSteering(app, store);
      expect((await runOf(app, first, 'signup-dashboard')).state).toBe('pr-open');
      expect(await lastReply('signup-dashboard', pull)).toContain(`@${people.triage} removed \`downstream:hold\`: Unheld:`);

      const optOut = await app.sandbox.comment({ owner: 'acme', repo: 'signup-dashboard', number: pull, body: '/downstream opt-out we are moving to the events stream', as: people.maintain });
      expect(optOut.id).toBeGreaterThan(0);
      await app.sandbox.addLabel({ owner: 'acme', repo: 'signup-dashboard', number: pull, label: 'downstream:skip', as: people.triage });
      await settleSteering(app, store);
      expect(await runOf(app, first, 'signup-dashboard')).toMatchObject({ state: 'skipped', stateReason: `${people.triage} added the label downstream:skip` });
      const { octokit } = await installationOctokit(app.sandbox);
      expect((await octokit.rest.pulls.get({ owner: 'acme', repo: 'signup-dashboard', pull_number: pull })).data.state).toBe('closed');
      expect((await eventsOf(store, first, 'label.')).map((event) => [event.kind, event.actor, event.payload.outcome])).toEqual([
        ['label.hold', people.triage, 'done'],
        ['label.unhold', people.triage, 'done'],
        ['label.skip', people.triage, 'done'],
      ]);
      expect(await findRepoOptOut(store.db, { owner: 'acme', name: 'signup-dashboard' })).toMatchObject({ actor: people.maintain });
    }, 120_000);

    it('honours /downstream opt-out in the next migration: no PR, one notice, and opt-in from that notice', async () => {
      await app.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { 'schemas/users.sql': dropDisplayName }, message: 'Drop display_name', as: 'ines' });
      await settleSteering(app, store);
      const second = (await app.migrations()).find((migration) => migration.id !== first.id);
      if (second === undefined) throw new Error('no second migration');
      expect(await runOf(app, second, 'signup-dashboard')).toMatchObject({ state: 'skipped', stateReason: `opted out: ${people.maintain} commented /downstream opt-out` });
      const signupNotices = await notices('signup-dashboard');
      expect(signupNotices).toHaveLength(1);
      const notice = signupNotices[0];
      expect(notice?.body).toContain('a maintainer comments `/downstream opt-in` here');
      const { octokit } = await installationOctokit(app.sandbox);
      expect((await octokit.rest.pulls.list({ owner: 'acme', repo: 'signup-dashboard', state: 'all' })).data).toHaveLength(1);

      await app.sandbox.comment({ owner: 'acme', repo: 'signup-dashboard', number: notice?.number ?? 0, body: '/downstream opt-in', as: people.write });
      await settleSteering(app, store);
      expect(await lastReply('signup-dashboard', notice?.number ?? 0)).toContain(`Refused: this needs the **maintain** role or higher on \`acme/signup-dashboard\`, and @${people.write} has **write**.`);
      expect(await findRepoOptOut(store.db, { owner: 'acme', name: 'signup-dashboard' })).toBeDefined();
      await app.sandbox.comment({ owner: 'acme', repo: 'signup-dashboard', number: notice?.number ?? 0, body: '/downstream opt-in', as: people.admin });
      await settleSteering(app, store);
      expect(await lastReply('signup-dashboard', notice?.number ?? 0)).toContain('Opted in: downstream opens PRs in acme/signup-dashboard again');
      expect(await findRepoOptOut(store.db, { owner: 'acme', name: 'signup-dashboard' })).toBeUndefined();
      expect((await eventsOf(store, second, 'command.opt-in')).map((event) => [event.actor, event.payload.outcome])).toEqual([[people.write, 'unauthorized'], [people.admin, 'done']]);
    }, 180_000);

    it('opens one notice per migration and consumer, however often it is asked', async () => {
      const counts = async () => Object.fromEntries(await Promise.all(['signup-dashboard', 'growth-reports', 'legacy-reports', 'search-indexer'].map(async (repo) => [repo, (await notices(repo)).length] as const)));
      // Two migrations: growth-reports (catalog) and legacy-reports (topic) opted out of both; signup-dashboard of the second.
      const before = await counts();
      expect(before).toMatchObject({ 'signup-dashboard': 1, 'search-indexer': 0 });
      for (const delivery of app.sandbox.deliveries().filter((candidate) => !candidate.redelivery)) app.sandbox.redeliver(delivery.id);
      await settleSteering(app, store);
      for (const migration of await app.migrations()) expect(await ensureOptOutNotices(app.runtime.deps, { migrationId: migration.id })).toBe(0);
      expect(await counts()).toEqual(before);
      expect(app.sandbox.violations().map((violation) => JSON.stringify(violation).slice(0, 300))).toEqual([]);
    }, 180_000);
  });
}
