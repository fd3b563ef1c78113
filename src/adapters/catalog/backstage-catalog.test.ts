import { describe, expect, it } from 'vitest';
import type { DatasetEntity } from '../../core/catalog/index.js';
import { createBackstageCatalog } from './backstage-catalog.js';

type Answer = { status?: number; body: unknown } | Error;

/** A fetch that answers from a script and records what was asked (the real wire is in test/catalog). */
function scriptedFetch(answers: Answer[]) {
  const requests: Array<{ url: URL; headers: Headers }> = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    requests.push({ url: new URL(input instanceof Request ? input.url : String(input)), headers: new Headers(init?.headers) });
    const answer = answers.shift();
    if (answer === undefined) throw new Error('unexpected request');
    if (answer instanceof Error) throw answer;
    const status = answer.status ?? 200;
    return new Response(JSON.stringify(answer.body), { status, statusText: status === 200 ? 'OK' : 'Unauthorized', headers: { 'content-type': 'application/json' } });
  };
  return { fetch, requests };
}

const userProfile: DatasetEntity = { entityRef: 'resource:default/user-profile', kind: 'resource', name: 'user-profile', namespace: 'default', owner: 'group:default/identity-data' };
const component = (name: string) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations: { 'github.com/project-slug': `acme/${name}` } },
  spec: { owner: 'group:growth', lifecycle: 'production' },
});
const page = (items: unknown[], nextCursor?: string) => ({ body: { items, totalItems: items.length, pageInfo: nextCursor === undefined ? {} : { nextCursor } } });

describe('Backstage catalog on the wire', () => {
  it('asks for components related by dependsOn or consumesApi, only the fields it reads, and follows cursors', async () => {
    const { fetch, requests } = scriptedFetch([page([component('a')], 'c1'), page([component('b')])]);
    const catalog = createBackstageCatalog({ baseUrl: 'https://backstage.example.com/', fetch, pageSize: 1 });
    const result = await catalog.consumersOf(userProfile);
    expect(result.consumers.map((c) => c.name)).toEqual(['a', 'b']);
    const [first, second] = requests;
    expect(first?.url.origin + (first?.url.pathname ?? '')).toBe('https://backstage.example.com/api/catalog/entities/by-query');
    expect(first?.url.searchParams.getAll('filter')).toEqual([
      'kind=component,relations.dependsOn=resource:default/user-profile',
      'kind=component,relations.consumesApi=resource:default/user-profile',
    ]);
    expect(first?.url.searchParams.getAll('fields').join(',')).toBe('apiVersion,kind,metadata.name,metadata.namespace,metadata.title,metadata.annotations,spec.owner,spec.lifecycle');
    expect(second?.url.searchParams.get('cursor')).toBe('c1');
    expect(second?.url.searchParams.getAll('filter')).toEqual([]);
  });

  it.each([
    ['https://backstage.example.com', 'https://backstage.example.com/api/catalog/entities/by-query'],
    ['https://backstage.example.com/api/catalog/', 'https://backstage.example.com/api/catalog/entities/by-query'],
    ['http://localhost:7007/backstage', 'http://localhost:7007/backstage/api/catalog/entities/by-query'],
  ])('reaches the catalog API under %s', async (baseUrl, endpoint) => {
    const { fetch, requests } = scriptedFetch([page([])]);
    await createBackstageCatalog({ baseUrl, fetch }).consumersOf(userProfile);
    expect(`${requests[0]?.url.origin}${requests[0]?.url.pathname}`).toBe(endpoint);
  });

  it('sends the token as a bearer token, and nothing without one', async () => {
    const withToken = scriptedFetch([page([])]);
    await createBackstageCatalog({ baseUrl: 'https://b.example.com', token: 's3cret', fetch: withToken.fetch }).consumersOf(userProfile);
    expect(withToken.requests[0]?.headers.get('authorization')).toBe('Bearer s3cret');
    const without = scriptedFetch([page([])]);
    await createBackstageCatalog({ baseUrl: 'https://b.example.com', fetch: without.fetch }).consumersOf(userProfile);
    expect(without.requests[0]?.headers.get('authorization')).toBeNull();
  });

  it('finds a dataset by name, physical name or ref in one query', async () => {
    const dataset = { apiVersion: 'backstage.io/v1alpha1', kind: 'Resource', metadata: { name: 'user-profile', annotations: { 'downstream/physical-name': 'analytics.users_v1' } }, spec: { type: 'dataset', owner: 'identity-data' } };
    const { fetch, requests } = scriptedFetch([page([dataset])]);
    expect((await createBackstageCatalog({ baseUrl: 'https://b.example.com', fetch }).findDataset('resource:user-profile'))?.physicalName).toBe('analytics.users_v1');
    expect(requests[0]?.url.searchParams.getAll('filter')).toEqual([
      'kind=resource,kind=api,spec.type=dataset,metadata.name=resource:user-profile',
      'kind=resource,kind=api,spec.type=dataset,metadata.annotations.downstream/physical-name=resource:user-profile',
      'kind=resource,spec.type=dataset,metadata.namespace=default,metadata.name=user-profile',
    ]);
  });

  it('matches a name the filter syntax cannot express (a comma) over all datasets', async () => {
    const odd = { apiVersion: 'backstage.io/v1alpha1', kind: 'Resource', metadata: { name: 'odd', annotations: { 'downstream/physical-name': 'sheet:A,B' } }, spec: { type: 'dataset', owner: 'x' } };
    const other = { ...odd, metadata: { name: 'other' } };
    const { fetch, requests } = scriptedFetch([page([other, odd])]);
    expect((await createBackstageCatalog({ baseUrl: 'https://b.example.com', fetch }).findDataset('sheet:A,B'))?.name).toBe('odd');
    expect(requests[0]?.url.searchParams.getAll('filter')).toEqual(['kind=resource,kind=api,spec.type=dataset']);
  });

  it('reports an error status without the token, even when the server echoes it', async () => {
    const { fetch } = scriptedFetch([{ status: 401, body: { error: { name: 'AuthenticationError', message: "Unknown token 's3cret'" } } }]);
    const catalog = createBackstageCatalog({ baseUrl: 'https://b.example.com', token: 's3cret', fetch });
    const error: unknown = await catalog.consumersOf(userProfile).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'request-failed', source: 'https://b.example.com', message: expect.stringContaining('Backstage answered 401') });
    expect(String(error)).not.toContain('s3cret');
  });

  it('reports a catalog it cannot reach', async () => {
    const { fetch } = scriptedFetch([new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:7007') })]);
    await expect(createBackstageCatalog({ baseUrl: 'http://127.0.0.1:7007', fetch }).consumersOf(userProfile)).rejects.toMatchObject({
      code: 'unreachable',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('stops on a cursor that repeats instead of looping', async () => {
    const { fetch } = scriptedFetch([page([component('a')], 'same'), page([component('b')], 'same')]);
    await expect(createBackstageCatalog({ baseUrl: 'https://b.example.com', fetch }).consumersOf(userProfile)).rejects.toMatchObject({ code: 'request-failed' });
  });
});
