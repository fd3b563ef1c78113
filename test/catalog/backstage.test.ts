/**
 * The Backstage adapter against a real Backstage catalog backend, started in-process from npm
 * packages over the catalog files of fixtures/catalog plus one file only the backend sees.
 * It must answer exactly what the files adapter answers for the same catalog.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { mockServices, startTestBackend, type TestBackend, type TestBackendOptions } from '@backstage/backend-test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackstageCatalog, createCatalog, createFilesCatalog } from '../../src/adapters/catalog/index.js';
import type { Catalog, ConsumersResult, DatasetEntity } from '../../src/core/catalog/index.js';

const fixtureDir = path.resolve(import.meta.dirname, '../../fixtures/catalog');

// Present only in the backend's locations: proves answers come from Backstage, not the files.
const lateJoiner = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: late-joiner
  annotations:
    github.com/project-slug: acme/late-joiner
    downstream/tier: canary
spec:
  type: service
  lifecycle: production
  owner: group:growth
  dependsOn: [resource:default/user-profile]
`;

/**
 * The catalog plugin. It is a CommonJS package whose `default` ESM loaders present differently
 * (Node nests it under default.default, vitest does not), so it is taken from `require`, where it is
 * always `exports.default`, and checked rather than cast.
 */
function loadCatalogPlugin(): BackendFeature {
  const plugin: unknown = createRequire(import.meta.url)('@backstage/plugin-catalog-backend').default;
  if (!isBackendFeature(plugin)) throw new Error('@backstage/plugin-catalog-backend exports no backend feature');
  return plugin;
}

function isBackendFeature(value: unknown): value is BackendFeature {
  return typeof value === 'object' && value !== null && '$$type' in value && value.$$type === '@backstage/BackendFeature';
}

type BackendFeature = Extract<NonNullable<TestBackendOptions<[]>['features']>[number], { $$type: unknown }>;

const datasetNames = ['user-profile', 'user-profile-v2', 'orders', 'user-events'];

let backend: TestBackend;
let baseUrl = '';
let scratch = '';
const files = createFilesCatalog({ directory: fixtureDir });

async function datasetOrThrow(catalog: Catalog, name: string): Promise<DatasetEntity> {
  const dataset = await catalog.findDataset(name);
  if (dataset === undefined) throw new Error(`no dataset ${name}`);
  return dataset;
}

/** What the backend must answer: the files adapter's answer, plus late-joiner for user-profile. */
async function expectedConsumers(name: string): Promise<ConsumersResult> {
  const result = await files.consumersOf(await datasetOrThrow(files, name));
  if (name !== 'user-profile') return result;
  const joiner = {
    entityRef: 'component:default/late-joiner',
    name: 'late-joiner',
    namespace: 'default',
    repo: { owner: 'acme', name: 'late-joiner' },
    owner: 'group:default/growth',
    tier: 'canary' as const,
    paths: [],
    optedOut: false,
    lifecycle: 'production',
  };
  return { ...result, consumers: [...result.consumers, joiner].sort((a, b) => a.entityRef.localeCompare(b.entityRef)) };
}

/** Ingestion and relation stitching run in the background; wait until every dataset's consumers are in. */
async function waitForIngestion(catalog: Catalog): Promise<void> {
  const refs = (result: ConsumersResult) => [...result.consumers, ...result.unresolvable].map((item) => item.entityRef).sort();
  const deadline = Date.now() + 60_000;
  for (;;) {
    let settled = true;
    for (const name of datasetNames) {
      const dataset = await catalog.findDataset(name);
      const got = dataset === undefined ? [] : refs(await catalog.consumersOf(dataset));
      if (dataset === undefined || got.join() !== refs(await expectedConsumers(name)).join()) settled = false;
    }
    if (settled || Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'downstream-backstage-'));
  await writeFile(path.join(scratch, 'late-joiner.yaml'), lateJoiner);
  const fixtureFiles = (await readdir(fixtureDir)).filter((file) => file.endsWith('.yaml')).map((file) => path.join(fixtureDir, file));
  backend = await startTestBackend({
    features: [
      loadCatalogPlugin(),
      mockServices.rootLogger.factory({ level: 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          backend: { database: { client: 'better-sqlite3', connection: ':memory:' } },
          catalog: {
            rules: [{ allow: ['Component', 'Resource', 'API', 'Group', 'System'] }],
            locations: [...fixtureFiles, path.join(scratch, 'late-joiner.yaml')].map((target) => ({ type: 'file', target })),
          },
        },
      }),
    ],
  });
  baseUrl = `http://localhost:${backend.server.port()}`;
  await waitForIngestion(createBackstageCatalog({ baseUrl }));
});

afterAll(async () => {
  await backend?.stop();
  if (scratch !== '') await rm(scratch, { recursive: true, force: true });
});

describe('Backstage adapter against a real catalog backend', () => {
  it.each([['user-profile'], ['resource:default/user-profile'], ['Resource:User-Profile'], ['analytics.users_v1'], ['events.user_events'], ['user-events'], ['orders'], ['payments-db'], ['signup-dashboard'], ['no-such-dataset']])(
    'finds the same dataset as the files adapter for %j',
    async (name) => {
      const backstage = createBackstageCatalog({ baseUrl });
      expect(await backstage.findDataset(name)).toEqual(await files.findDataset(name));
    },
  );

  it.each(datasetNames)('lists the same consumers of %s as the files adapter (plus the backend-only one)', async (name) => {
    const backstage = createBackstageCatalog({ baseUrl });
    const result = await backstage.consumersOf(await datasetOrThrow(backstage, name));
    expect(result).toEqual(await expectedConsumers(name));
  });

  it('includes the consumer only the backend knows, so the answer is not the files', async () => {
    const backstage = createBackstageCatalog({ baseUrl });
    const result = await backstage.consumersOf(await datasetOrThrow(backstage, 'user-profile'));
    expect(result.consumers.find((consumer) => consumer.name === 'late-joiner')).toMatchObject({ repo: { owner: 'acme', name: 'late-joiner' }, tier: 'canary' });
    expect(result.unresolvable.map((item) => item.entityRef)).toEqual(['component:default/churn-notebooks', 'component:default/ltv-forecast']);
  });

  it('pages through results with cursors and gets the same answer', async () => {
    const paged = createBackstageCatalog({ baseUrl, pageSize: 2 });
    const whole = createBackstageCatalog({ baseUrl });
    const dataset = await datasetOrThrow(whole, 'user-profile');
    expect(await paged.consumersOf(dataset)).toEqual(await whole.consumersOf(dataset));
  });

  it('sends the configured token: a valid one is accepted, an unknown one refused without leaking it', async () => {
    const accepted = await createCatalog({ setting: baseUrl, token: 'mock-service-token' });
    expect((await accepted.findDataset('user-profile'))?.entityRef).toBe('resource:default/user-profile');
    const refused = await createCatalog({ setting: `${baseUrl}/`, token: 'not-a-real-token' });
    const error: unknown = await refused.findDataset('user-profile').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'request-failed', message: expect.stringContaining('401') });
    expect(String(error)).not.toContain('not-a-real-token');
  });
});
