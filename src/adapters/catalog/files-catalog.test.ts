import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Catalog, DatasetEntity } from '../../core/catalog/index.js';
import { createFilesCatalog } from './files-catalog.js';

const fixture = createFilesCatalog({ directory: 'fixtures/catalog' });

async function datasetOrThrow(catalog: Catalog, name: string): Promise<DatasetEntity> {
  const dataset = await catalog.findDataset(name);
  if (dataset === undefined) throw new Error(`no dataset ${name}`);
  return dataset;
}

describe('files catalog over fixtures/catalog', () => {
  it.each([
    ['user-profile', 'resource:default/user-profile'],
    ['resource:default/user-profile', 'resource:default/user-profile'],
    ['analytics.users_v1', 'resource:default/user-profile'],
    ['analytics.users_v2', 'resource:default/user-profile-v2'],
    ['orders', 'resource:default/orders'],
    ['user-events', 'api:default/user-events'],
    ['events.user_events', 'api:default/user-events'],
  ])('finds the dataset %j', async (name, entityRef) => {
    expect((await fixture.findDataset(name))?.entityRef).toBe(entityRef);
  });

  it.each([['payments-db'], ['signup-dashboard'], ['analytics.sessions']])('finds no dataset for %j', async (name) => {
    expect(await fixture.findDataset(name)).toBeUndefined();
  });

  it('reads the version link between datasets', async () => {
    expect(await fixture.findDataset('user-profile-v2')).toMatchObject({ physicalName: 'analytics.users_v2', supersedes: 'resource:default/user-profile' });
  });

  it('lists every consumer of user-profile with repo, tier, paths and opt-out, and the ones it cannot reach', async () => {
    const result = await fixture.consumersOf(await datasetOrThrow(fixture, 'analytics.users_v1'));
    expect(result.consumers.map((c) => [c.name, `${c.repo.owner}/${c.repo.name}`, c.tier, c.paths, c.optedOut, c.owner])).toEqual([
      ['billing-service', 'acme/billing-service', 'critical', ['src/db/**'], false, 'group:default/billing'],
      ['crm-sync', 'acme/crm-sync', 'general', [], false, 'group:default/growth'],
      ['growth-pipelines', 'acme/growth-pipelines', 'early', ['jobs/**/*.sql', 'models/**'], false, 'group:default/growth'],
      ['legacy-reports', 'acme/legacy-reports', 'general', [], true, 'group:default/data-science'],
      ['recommendations', 'acme/recommendations', 'general', [], false, 'group:default/data-science'],
      ['search-indexer', 'acme/search-indexer', 'general', ['src/indexing/**', 'sql/**'], false, 'group:default/growth'],
      ['signup-dashboard', 'acme/signup-dashboard', 'canary', ['src/queries/**'], false, 'group:default/growth'],
    ]);
    expect(result.consumers.find((c) => c.name === 'legacy-reports')).toMatchObject({ optOutReason: 'replaced by the new reporting stack in Q3', lifecycle: 'deprecated' });
    expect(result.unresolvable).toEqual([
      { entityRef: 'component:default/churn-notebooks', reason: expect.stringContaining('github.com/project-slug is missing') },
      { entityRef: 'component:default/ltv-forecast', reason: expect.stringContaining('downstream/tier is "beta"') },
    ]);
  });

  it.each([
    ['orders', ['billing-service', 'fulfilment-worker', 'orders-api']],
    ['user-events', ['activity-feed']],
    ['user-profile-v2', []],
  ])('lists the consumers of %s', async (name, consumers) => {
    const result = await fixture.consumersOf(await datasetOrThrow(fixture, name));
    expect(result.consumers.map((c) => c.name)).toEqual(consumers);
    expect(result.unresolvable).toEqual([]);
  });
});

describe('files catalog over a directory being edited', () => {
  let directory = '';
  afterEach(async () => {
    if (directory !== '') await rm(directory, { recursive: true, force: true });
  });

  async function catalogWith(files: Record<string, string>): Promise<Catalog> {
    directory = await mkdtemp(path.join(os.tmpdir(), 'downstream-catalog-'));
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(directory, name)), { recursive: true });
      await writeFile(path.join(directory, name), text);
    }
    return createFilesCatalog({ directory });
  }

  const dataset = 'apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: users\nspec:\n  type: dataset\n  owner: team-a\n';
  const consumer = (name: string, extra = '') =>
    `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n  annotations:\n    github.com/project-slug: acme/${name}\n${extra}spec:\n  type: service\n  lifecycle: production\n  owner: team-a\n  dependsOn: [resource:users]\n`;

  it('reads .yaml and .yml files in nested folders, skipping hidden folders', async () => {
    const catalog = await catalogWith({ 'datasets.yaml': dataset, 'teams/a/one.yml': consumer('one'), '.cache/two.yaml': consumer('two'), 'notes.md': consumer('three') });
    const result = await catalog.consumersOf(await datasetOrThrow(catalog, 'users'));
    expect(result.consumers.map((c) => c.name)).toEqual(['one']);
  });

  it('sees an edit on the next call', async () => {
    const catalog = await catalogWith({ 'datasets.yaml': dataset });
    const users = await datasetOrThrow(catalog, 'users');
    expect((await catalog.consumersOf(users)).consumers).toEqual([]);
    await writeFile(path.join(directory, 'late.yaml'), consumer('late'));
    expect((await catalog.consumersOf(users)).consumers.map((c) => c.name)).toEqual(['late']);
  });

  it('names the file and line of invalid YAML', async () => {
    const catalog = await catalogWith({ 'datasets.yaml': dataset, 'broken.yaml': `${consumer('one')}  consumesApis: [x\n` });
    await expect(catalog.findDataset('users')).rejects.toMatchObject({ code: 'invalid-yaml', source: path.join(directory, 'broken.yaml'), line: 13 });
  });

  it('refuses an entity defined twice, naming both places', async () => {
    const catalog = await catalogWith({ 'a.yaml': consumer('one'), 'b.yaml': `${dataset}---\n${consumer('one')}` });
    await expect(catalog.findDataset('users')).rejects.toThrow(`component:default/one is defined twice (first at ${path.join(directory, 'a.yaml')}:1)`);
  });

  it('adds file and line to a malformed annotation on the dataset looked up', async () => {
    const text = dataset.replace('  name: users\n', '  name: users\n  annotations:\n    downstream/supersedes: "resource:"\n');
    const catalog = await catalogWith({ 'more.yaml': consumer('one'), 'datasets.yaml': text });
    await expect(catalog.findDataset('users')).rejects.toMatchObject({ code: 'invalid-annotation', source: path.join(directory, 'datasets.yaml'), line: 1 });
  });

  it('reports a directory it cannot read', async () => {
    const catalog = createFilesCatalog({ directory: path.join(os.tmpdir(), 'downstream-no-such-catalog') });
    await expect(catalog.findDataset('users')).rejects.toMatchObject({ code: 'unreachable' });
  });
});
