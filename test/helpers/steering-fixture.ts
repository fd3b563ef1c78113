import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import type { Store } from '../../src/adapters/store/index.js';
import { listEvents, listMigrations, listRuns } from '../../src/adapters/store/index.js';
import type { Migration, Run, StoredEvent } from '../../src/adapters/store/index.js';
import { jobNames } from '../../src/adapters/queue/index.js';
import type { E2eApp } from './e2e-app.js';
import { demoFixtures } from './e2e-app.js';
import { makeTempDir } from './git-repos.js';
import { installationOctokit } from './sandbox.js';
import { waitFor } from './wait-for.js';

/** People with each role on the canary consumer and the upstream repository; `outsider` has none. */
export const people = { read: 'rhea', triage: 'tomas', write: 'wanda', maintain: 'mateo', admin: 'ada', none: 'outsider' } as const;

/** The consumers of the small steering fixture, by tier: canary, early, general (topic opt-out), general (not affected). */
export const steeringConsumers = ['signup-dashboard', 'growth-reports', 'legacy-reports', 'search-indexer'] as const;

const settingsSchema = z.record(z.string(), z.unknown());
const entitySchema = z.looseObject({ metadata: z.looseObject({ name: z.string(), annotations: z.record(z.string(), z.string()).default({}) }) });

const collaborators = { [people.read]: 'read', [people.triage]: 'triage', [people.write]: 'write', [people.maintain]: 'maintain', [people.admin]: 'admin' };

/**
 * A small copy of the demo fixtures for steering tests: four consumers, no consumer CI (nothing
 * here needs a verdict), every role on the canary and upstream repositories, and a gate that waits
 * for the canary to be merged — so later waves open only when a test promotes them.
 */
export function makeSteeringFixture(options: { catalogOptOut?: readonly string[]; files?: Readonly<Record<string, Readonly<Record<string, string>>>> } = {}): { seedDir: string; catalogDir: string } {
  const root = makeTempDir('downstream-steering-');
  const org = path.join(root, 'org', 'acme');
  for (const repo of ['user-schemas', ...steeringConsumers]) {
    cpSync(path.join(demoFixtures, 'org/acme', repo), path.join(org, repo), { recursive: true });
    const settingsFile = path.join(demoFixtures, 'org/acme', `${repo}.sandbox.json`);
    const settings = existsSync(settingsFile) ? settingsSchema.parse(JSON.parse(readFileSync(settingsFile, 'utf8'))) : {};
    const roles = repo === 'user-schemas' || repo === 'signup-dashboard' ? { collaborators } : {};
    writeFileSync(path.join(org, `${repo}.sandbox.json`), JSON.stringify({ ...settings, ...roles, ci: false }));
    for (const [file, text] of Object.entries(options.files?.[repo] ?? {})) {
      mkdirSync(path.dirname(path.join(org, repo, file)), { recursive: true });
      writeFileSync(path.join(org, repo, file), text);
    }
  }
  writeFileSync(
    path.join(org, 'user-schemas/.github/downstream.yml'),
    ['datasets:', '  - name: user-profile', '    schema: schemas/users.sql', '    physicalName: analytics.users_v1', 'rollout:', '  gate:', '    merged: 1', ''].join('\n'),
  );
  const catalogDir = path.join(root, 'catalog');
  cpSync(path.join(demoFixtures, 'catalog/datasets.yaml'), path.join(catalogDir, 'datasets.yaml'));
  const documents = parseAllDocuments(readFileSync(path.join(demoFixtures, 'catalog/consumers.yaml'), 'utf8'))
    .map((document) => entitySchema.parse(document.toJS()))
    .filter((entity) => (steeringConsumers as readonly string[]).includes(entity.metadata.name));
  for (const entity of documents) if (options.catalogOptOut?.includes(entity.metadata.name)) entity.metadata.annotations['downstream/opt-out'] = 'true';
  writeFileSync(path.join(catalogDir, 'consumers.yaml'), documents.map((entity) => JSON.stringify(entity)).join('\n---\n'));
  return { seedDir: root, catalogDir };
}

/** The schema change of the demo: `user_email` renamed (declared), `legacy_score` dropped. */
export const demoSchemaChange = readFileSync(path.join(demoFixtures, 'change/schemas/users.sql'), 'utf8');

/**
 * Waits until nothing is in flight: no delivery or sandbox task, no job of any kind but the
 * scheduled reconcile, no run mid-patch. Runs of waves not opened yet stay pending, and that is fine.
 */
export async function settleSteering(app: E2eApp, store: Store, timeoutMs = 120_000): Promise<void> {
  await waitFor('downstream to settle', async () => {
    await app.sandbox.waitForIdle();
    for (const migration of await listMigrations(store.db)) {
      if ((await listRuns(store.db, { migrationId: migration.id })).some((run) => run.state === 'patching')) return undefined;
    }
    const unfinished = await Promise.all(jobNames.filter((name) => name !== 'reconcile').map((name) => app.runtime.queue.countUnfinished(name)));
    return unfinished.every((count) => count === 0) ? true : undefined;
  }, timeoutMs);
  await app.sandbox.waitForIdle();
}

/** The run of a consumer (by its short name) in a migration. */
export async function runOf(app: E2eApp, migration: Migration, consumer: string): Promise<Run> {
  const run = (await app.runs(migration.id)).find((candidate) => candidate.consumer === `component:default/${consumer}`);
  if (run === undefined) throw new Error(`no run for ${consumer}`);
  return run;
}

/** Comments on an issue or PR, oldest first, with who wrote them. */
export async function listComments(app: E2eApp, repo: string, number: number): Promise<{ id: number; author: string; body: string }[]> {
  const { octokit } = await installationOctokit(app.sandbox);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: 'acme', repo, issue_number: number, per_page: 100 });
  return comments.map((comment) => ({ id: comment.id, author: comment.user?.login ?? '', body: comment.body ?? '' }));
}

/** The reactions on a comment, as `login:content`. */
export async function reactionsOn(app: E2eApp, repo: string, commentId: number): Promise<string[]> {
  const { octokit } = await installationOctokit(app.sandbox);
  const { data } = await octokit.rest.reactions.listForIssueComment({ owner: 'acme', repo, comment_id: commentId });
  return data.map((reaction) => `${reaction.user?.login ?? ''}:${reaction.content}`);
}

/** The events of a migration whose kind starts with `prefix`. */
export async function eventsOf(store: Store, migration: Migration, prefix: string): Promise<StoredEvent[]> {
  return (await listEvents(store.db, { migrationId: migration.id, limit: 10_000 })).filter((event) => event.kind.startsWith(prefix));
}
