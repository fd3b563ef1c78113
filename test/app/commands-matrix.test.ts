import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRepoOptOut } from '../../src/adapters/store/index.js';
import type { Migration, Store } from '../../src/adapters/store/index.js';
import { createTestDatabase, testBackends } from '../helpers/databases.js';
import type { TestDatabase } from '../helpers/databases.js';
import type { E2eApp } from '../helpers/e2e-app.js';
import { startE2eApp } from '../helpers/e2e-app.js';
import { installationOctokit } from '../helpers/sandbox.js';
import { demoSchemaChange, eventsOf, listComments, makeSteeringFixture, people, reactionsOn, runOf, settleSteering } from '../helpers/steering-fixture.js';

type Role = keyof typeof people;
const ladder: readonly Role[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];

// The least role each command needs, by hand from the issue: acting needs write (on the upstream
// repository for campaign commands), a repository-wide opt-out needs maintain, looking needs read.
const pullCommands = {
  '/downstream rebase': 'write', '/downstream recreate': 'write', '/downstream retry': 'write', '/downstream fix use the accessor': 'write',
  '/downstream skip': 'write', '/downstream hold': 'write', '/downstream unhold': 'write', '/downstream opt-out': 'maintain', '/downstream opt-in': 'maintain',
  '/downstream explain': 'read', '/downstream help': 'read',
} as const satisfies Record<string, Role>;
const campaignCommands = {
  '/downstream promote': 'write', '/downstream pause': 'write', '/downstream resume': 'write', '/downstream abort': 'write', '/downstream retry-failed': 'write',
  '/downstream confirm-rename user_email email': 'write', '/downstream status': 'read', '/downstream help': 'read',
} as const satisfies Record<string, Role>;

function below(needed: Role): Role[] {
  return ladder.slice(0, ladder.indexOf(needed));
}

function atOrAbove(needed: Role): Role[] {
  return ladder.slice(ladder.indexOf(needed));
}

for (const backend of testBackends()) {
  describe.sequential(`slash commands, role by role [${backend}]`, () => {
    let database: TestDatabase;
    let store: Store;
    let app: E2eApp;
    let migration: Migration;
    let pull: number;
    let tracking: number;

    beforeAll(async () => {
      database = await createTestDatabase(backend);
      store = await database.open();
      app = await startE2eApp({ store, ...makeSteeringFixture() });
      await app.sandbox.pushFiles({ owner: 'acme', repo: 'user-schemas', branch: 'main', files: { 'schemas/users.sql': demoSchemaChange }, message: 'Rename user_email to email; drop legacy_score', as: 'ines' });
      await settleSteering(app, store);
      const [found] = await app.migrations();
      if (found?.trackingIssue === null || found === undefined) throw new Error('the campaign has no tracking issue');
      migration = found;
      tracking = found.trackingIssue;
      const canary = await runOf(app, migration, 'signup-dashboard');
      if (canary.prNumber === null) throw new Error('the canary has no PR');
      pull = canary.prNumber;
    }, 180_000);

    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database?.drop();
    });

    async function comment(repo: 'signup-dashboard' | 'user-schemas', body: string, role: Role): Promise<number> {
      const number = repo === 'user-schemas' ? tracking : pull;
      return (await app.sandbox.comment({ owner: 'acme', repo, number, body, as: people[role] })).id;
    }

    // One comment's reply, found among `comments` (read once per batch): the bot's answer to that person after it.
    function findReply(comments: readonly { id: number; author: string; body: string }[], commentId: number, role: Role): string {
      const asked = comments.find((candidate) => candidate.id === commentId);
      const firstLine = asked?.body.split('\n').find((line) => line.startsWith('/downstream')) ?? '?';
      const reply = comments.find((candidate) => candidate.id > commentId && candidate.author === `${app.sandbox.appSlug}[bot]` && candidate.body.startsWith(`@${people[role]}`) && candidate.body.includes(firstLine));
      if (reply === undefined) throw new Error(`no reply to ${people[role]}'s comment ${commentId}`);
      return reply.body;
    }

    async function replyTo(repo: 'signup-dashboard' | 'user-schemas', commentId: number, role: Role): Promise<string> {
      expect(await reactionsOn(app, repo, commentId)).toEqual([`${app.sandbox.appSlug}[bot]:eyes`]);
      return findReply(await listComments(app, repo, repo === 'user-schemas' ? tracking : pull), commentId, role);
    }

    async function stateOfCanary(): Promise<string> {
      return (await runOf(app, migration, 'signup-dashboard')).state;
    }

    // Replies are content-creating calls, paced at one every few seconds as GitHub asks: each role
    // sends its commands in one comment (several commands per comment each run and are answered).
    it('refuses every command to every role below the one it needs, says which role that is, and changes nothing', async () => {
      const asked: { repo: 'signup-dashboard' | 'user-schemas'; role: Role; id: number; lines: { line: string; needed: Role }[] }[] = [];
      for (const [repo, commands] of [['signup-dashboard', pullCommands], ['user-schemas', campaignCommands]] as const) {
        for (const role of ladder) {
          const lines = Object.entries(commands).filter(([, needed]) => below(needed).includes(role)).map(([line, needed]) => ({ line, needed }));
          // At most ten commands run per comment.
          for (const chunk of [lines.slice(0, 10), lines.slice(10)]) {
            if (chunk.length > 0) asked.push({ repo, role, lines: chunk, id: await comment(repo, chunk.map((entry) => entry.line).join('\n'), role) });
          }
        }
      }
      const started = Date.now();
      await settleSteering(app, store);
      console.log(`${asked.length} comments of refused commands answered in ${Date.now() - started} ms`);
      expect(asked.flatMap((request) => request.lines)).toHaveLength(51);
      const comments = { 'signup-dashboard': await listComments(app, 'signup-dashboard', pull), 'user-schemas': await listComments(app, 'user-schemas', tracking) };
      for (const request of asked) {
        expect(await reactionsOn(app, request.repo, request.id)).toEqual([`${app.sandbox.appSlug}[bot]:eyes`]);
        const reply = findReply(comments[request.repo], request.id, request.role);
        const has = request.role === 'none' ? `@${people.none} has no role on it` : `@${people[request.role]} has **${request.role}**`;
        for (const { line, needed } of request.lines) {
          const answer = `\`${line}\`: Refused: this needs the **${needed}** role or higher on \`acme/${request.repo}\`, and ${has}.`;
          expect(reply).toContain(request.lines.length === 1 ? `@${people[request.role]} ${answer}` : `- ${answer}`);
        }
      }
      const refusals = (await eventsOf(store, migration, 'command.')).filter((event) => event.payload.outcome === 'unauthorized');
      expect(refusals).toHaveLength(51);
      expect(new Set(refusals.map((event) => event.actor))).toEqual(new Set([people.none, people.read, people.triage, people.write]));
      expect(await stateOfCanary()).toBe('pr-open');
      const [current] = await app.migrations();
      expect(current?.status).toBe('active');
      expect(await findRepoOptOut(store.db, { owner: 'acme', name: 'signup-dashboard' })).toBeUndefined();
      const { octokit } = await installationOctokit(app.sandbox);
      const { data } = await octokit.rest.pulls.get({ owner: 'acme', repo: 'signup-dashboard', pull_number: pull });
      expect({ state: data.state, labels: data.labels.map((label) => label.name) }).toEqual({ state: 'open', labels: ['downstream'] });
    }, 240_000);

    it('answers the commands that only show something to every role that may use them', async () => {
      const asked: { repo: 'signup-dashboard' | 'user-schemas'; role: Role; id: number; expected: string[] }[] = [];
      for (const role of atOrAbove('read')) {
        const mayFix = atOrAbove('write').includes(role);
        asked.push({
          repo: 'signup-dashboard',
          role,
          id: await comment('signup-dashboard', ['/downstream explain', '/downstream help', ...(mayFix ? ['/downstream fix use the accessor'] : [])].join('\n'), role),
          expected: [
            '- `/downstream explain`: Here is what this PR changes, change by change.',
            '#### `/downstream explain`\n\nThis PR makes 3 files follow user-profile’s schema change:',
            '- `/downstream help`: Here is what works here.',
            '| `/downstream rebase [--force]` | write |',
            ...(mayFix ? ['- `/downstream fix use the accessor`: Not available: no LLM is configured for this installation'] : []),
          ],
        });
        asked.push({
          repo: 'user-schemas',
          role,
          id: await comment('user-schemas', '/downstream status\n/downstream help', role),
          expected: ['- `/downstream status`: Here is where the campaign stands.', 'The **user-profile** campaign is **active**: 1 of 3 waves open (canary).', '| `/downstream confirm-rename <from> <to>` | write |'],
        });
      }
      await settleSteering(app, store);
      const comments = { 'signup-dashboard': await listComments(app, 'signup-dashboard', pull), 'user-schemas': await listComments(app, 'user-schemas', tracking) };
      for (const request of asked) {
        const reply = findReply(comments[request.repo], request.id, request.role);
        for (const expected of request.expected) expect(reply).toContain(expected);
        expect(reply).not.toContain('Refused');
      }
      expect(await stateOfCanary()).toBe('pr-open');
    }, 180_000);

    it('holds and unholds for write, maintain and admin, by command or by one comment with both', async () => {
      const { octokit } = await installationOctokit(app.sandbox);
      const labels = async () => (await octokit.rest.pulls.get({ owner: 'acme', repo: 'signup-dashboard', pull_number: pull })).data.labels.map((label) => label.name);
      const hold = await comment('signup-dashboard', '/downstream hold waiting for the data team', 'write');
      await settleSteering(app, store);
      expect(await replyTo('signup-dashboard', hold, 'write')).toContain('Held: downstream leaves this PR alone');
      expect(await stateOfCanary()).toBe('held');
      expect(await labels()).toContain('downstream:hold');

      const unhold = await comment('signup-dashboard', '/downstream unhold', 'maintain');
      await settleSteering(app, store);
      expect(await replyTo('signup-dashboard', unhold, 'maintain')).toContain('Unheld: downstream looks after this PR again (it is pr-open).');
      expect(await stateOfCanary()).toBe('pr-open');
      expect(await labels()).not.toContain('downstream:hold');

      const both = await comment('signup-dashboard', 'Trying both:\n/downstream hold\n/downstream unhold', 'admin');
      await settleSteering(app, store);
      const reply = await replyTo('signup-dashboard', both, 'admin');
      expect(reply).toContain('- `/downstream hold`: Held:');
      expect(reply).toContain('- `/downstream unhold`: Unheld:');
      expect(await stateOfCanary()).toBe('pr-open');
      const held = (await eventsOf(store, migration, 'run.held')).map((event) => [event.actor, event.payload.reason]);
      expect(held).toEqual([[people.write, 'waiting for the data team'], [people.admin, `held by @${people.admin}`]]);
      expect((await eventsOf(store, migration, 'run.unheld')).map((event) => event.actor)).toEqual([people.maintain, people.admin]);
    }, 120_000);

    it('opts the repository out and back in for maintain and admin', async () => {
      const repo = { owner: 'acme', name: 'signup-dashboard' };
      const out = await comment('signup-dashboard', '/downstream opt-out', 'maintain');
      await settleSteering(app, store);
      expect(await replyTo('signup-dashboard', out, 'maintain')).toContain('Opted out: downstream opens no more PRs in acme/signup-dashboard');
      expect(await findRepoOptOut(store.db, repo)).toMatchObject({ actor: people.maintain });
      const back = await comment('signup-dashboard', '/downstream opt-in', 'admin');
      await settleSteering(app, store);
      expect(await replyTo('signup-dashboard', back, 'admin')).toContain('Opted in: downstream opens PRs in acme/signup-dashboard again');
      expect(await findRepoOptOut(store.db, repo)).toBeUndefined();
      const again = await comment('signup-dashboard', '/downstream opt-out\n/downstream opt-in', 'admin');
      await settleSteering(app, store);
      expect(await replyTo('signup-dashboard', again, 'admin')).toMatch(/- `\/downstream opt-out`: Opted out[\s\S]*- `\/downstream opt-in`: Opted in/);
      expect((await eventsOf(store, migration, 'command.opt-')).map((event) => [event.kind, event.actor, event.payload.outcome])).toEqual(
        expect.arrayContaining([['command.opt-out', people.maintain, 'done'], ['command.opt-in', people.admin, 'done']]),
      );
    }, 120_000);

    it('pauses and resumes the campaign for write, maintain and admin on the upstream repository', async () => {
      const status = async () => (await app.migrations())[0]?.status;
      const pause = await comment('user-schemas', '/downstream pause', 'write');
      await settleSteering(app, store);
      expect(await replyTo('user-schemas', pause, 'write')).toContain('Paused: no wave opens');
      expect(await status()).toBe('paused');
      const resume = await comment('user-schemas', '/downstream resume', 'maintain');
      await settleSteering(app, store);
      expect(await replyTo('user-schemas', resume, 'maintain')).toContain('Resumed.');
      expect(await status()).toBe('active');
      const both = await comment('user-schemas', '/downstream pause\n/downstream resume\n/downstream retry-failed', 'admin');
      await settleSteering(app, store);
      expect(await replyTo('user-schemas', both, 'admin')).toMatch(/`\/downstream pause`: Paused[\s\S]*`\/downstream resume`: Resumed\.[\s\S]*`\/downstream retry-failed`: Not done: no patch failed\./);
      expect(await status()).toBe('active');
    }, 120_000);

    it('rebases, refuses a branch a person pushed to unless forced, recreates and retries for write', async () => {
      const rebase = await comment('signup-dashboard', '/downstream rebase', 'write');
      await settleSteering(app, store);
      expect(await replyTo('signup-dashboard', rebase, 'write')).toContain('Queued: rebasing onto the base branch and regenerating the patch.');
      const done = async (after: number) => (await listComments(app, 'signup-dashboard', pull)).filter((entry) => entry.id > after && entry.body.includes('Done: the patch is regenerated'));
      expect(await done(rebase)).toHaveLength(1);

      const canary = await runOf(app, migration, 'signup-dashboard');
      await app.sandbox.pushFiles({ owner: 'acme', repo: 'signup-dashboard', branch: canary.branch ?? '', files: { 'NOTES.md': 'a note\n' }, message: 'Add a note', as: 'sam' });
      await settleSteering(app, store);
      const refused = await comment('signup-dashboard', '/downstream rebase', 'write');
      await settleSteering(app, store);
      expect(await replyTo('signup-dashboard', refused, 'write')).toContain('Not done: @sam pushed to this branch, so downstream does not rewrite it');

      const forced = await comment('signup-dashboard', '/downstream rebase --force', 'write');
      await settleSteering(app, store);
      expect(await done(forced)).toHaveLength(1);
      const recreate = await comment('signup-dashboard', '/downstream recreate', 'write');
      await settleSteering(app, store);
      expect(await done(recreate)).toHaveLength(1);
      expect((await runOf(app, migration, 'signup-dashboard')).editedBy).toBeNull();
      const retry = await comment('signup-dashboard', '/downstream retry', 'write');
      await settleSteering(app, store);
      expect(await replyTo('signup-dashboard', retry, 'write')).toContain('Queued: patching and verifying again.');
      expect(await done(retry)).toHaveLength(1);
      expect(await stateOfCanary()).toBe('pr-open');
    }, 180_000);

    it('ignores comments by bots and by the app itself, and commands on PRs the app did not open', async () => {
      const before = { comments: (await listComments(app, 'signup-dashboard', pull)).length, events: (await eventsOf(store, migration, 'command.')).length };
      await app.sandbox.comment({ owner: 'acme', repo: 'signup-dashboard', number: pull, body: '/downstream skip', as: 'sandbox-ci[bot]' });
      await app.sandbox.comment({ owner: 'acme', repo: 'signup-dashboard', number: pull, body: '/downstream skip', as: `${app.sandbox.appSlug}[bot]` });
      await app.sandbox.pushFiles({ owner: 'acme', repo: 'signup-dashboard', branch: 'people-work', files: { 'README.md': 'hello\n' }, as: people.admin });
      const { number: theirs } = await app.sandbox.openPull({ owner: 'acme', repo: 'signup-dashboard', head: 'people-work', title: 'Our own work', as: people.admin });
      await app.sandbox.comment({ owner: 'acme', repo: 'signup-dashboard', number: theirs, body: '/downstream hold', as: people.admin });
      await settleSteering(app, store);
      const after = await listComments(app, 'signup-dashboard', pull);
      expect(after).toHaveLength(before.comments + 2);
      for (const entry of after.slice(-2)) expect(await reactionsOn(app, 'signup-dashboard', entry.id)).toEqual([]);
      const onTheirs = await listComments(app, 'signup-dashboard', theirs);
      expect(onTheirs.map((entry) => entry.author)).toEqual([people.admin]);
      expect(await reactionsOn(app, 'signup-dashboard', onTheirs[0]?.id ?? 0)).toEqual([]);
      expect((await eventsOf(store, migration, 'command.')).length).toBe(before.events);
      expect(await stateOfCanary()).toBe('pr-open');
    }, 120_000);

    it('promotes the next wave, skips a PR for good, and aborts the campaign for write', async () => {
      const promote = await comment('user-schemas', '/downstream promote', 'write');
      await settleSteering(app, store);
      expect(await replyTo('user-schemas', promote, 'write')).toContain('The next wave opens now.');
      expect(await runOf(app, migration, 'growth-reports')).toMatchObject({ state: 'pr-open', prNumber: expect.any(Number) });
      expect((await runOf(app, migration, 'legacy-reports')).state).toBe('pending');

      const canary = await runOf(app, migration, 'signup-dashboard');
      const skip = await comment('signup-dashboard', '/downstream skip we read the new table directly', 'write');
      await settleSteering(app, store);
      expect(await replyTo('signup-dashboard', skip, 'write')).toContain('Skipped: this PR is closed and downstream never reopens it for this migration. Its branch is deleted.');
      const { octokit } = await installationOctokit(app.sandbox);
      expect((await octokit.rest.pulls.get({ owner: 'acme', repo: 'signup-dashboard', pull_number: pull })).data.state).toBe('closed');
      await expect(octokit.rest.repos.getBranch({ owner: 'acme', repo: 'signup-dashboard', branch: canary.branch ?? '' })).rejects.toMatchObject({ status: 404 });
      expect(await runOf(app, migration, 'signup-dashboard')).toMatchObject({ state: 'skipped', stateReason: 'we read the new table directly' });
      for (const delivery of app.sandbox.deliveries().filter((candidate) => !candidate.redelivery)) app.sandbox.redeliver(delivery.id);
      await settleSteering(app, store);
      expect((await octokit.rest.pulls.list({ owner: 'acme', repo: 'signup-dashboard', state: 'all' })).data.filter((entry) => entry.head.ref.startsWith('downstream/'))).toHaveLength(1);

      const abort = await comment('user-schemas', '/downstream abort', 'write');
      await settleSteering(app, store);
      expect(await replyTo('user-schemas', abort, 'write')).toContain('Aborted:');
      expect((await app.migrations())[0]?.status).toBe('aborted');
      expect(app.sandbox.violations().map((violation) => JSON.stringify(violation).slice(0, 300))).toEqual([]);
    }, 180_000);
  });
}
