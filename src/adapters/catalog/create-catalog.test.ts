import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalog } from './create-catalog.js';

describe('createCatalog', () => {
  it.each([
    ['a relative directory', { setting: 'fixtures/catalog' }],
    ['a directory relative to cwd', { setting: 'catalog', cwd: path.resolve('fixtures') }],
    ['an absolute directory', { setting: path.resolve('fixtures/catalog') }],
  ])('reads %s with the files adapter', async (_label, options) => {
    const catalog = await createCatalog(options);
    expect((await catalog.findDataset('analytics.users_v1'))?.name).toBe('user-profile');
  });

  it('talks to Backstage for an http(s) URL, with the token', async () => {
    const requests: Array<{ url: string; authorization: string | null }> = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      requests.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization') });
      return Response.json({ items: [], totalItems: 0, pageInfo: {} });
    };
    const catalog = await createCatalog({ setting: 'https://backstage.example.com', token: 't0ken', fetch });
    expect(await catalog.findDataset('user-profile')).toBeUndefined();
    expect(requests).toEqual([{ url: expect.stringMatching(/^https:\/\/backstage\.example\.com\/api\/catalog\/entities\/by-query\?/), authorization: 'Bearer t0ken' }]);
  });

  it.each([
    ['nothing there', 'no/such/catalog', 'neither an http(s) URL nor an existing directory'],
    ['a file', 'fixtures/catalog/datasets.yaml', 'a file, not a directory'],
    ['another scheme', 'ftp://catalog.example.com', 'must be an http(s) Backstage base URL'],
    ['credentials in the URL', 'https://admin:hunter2@backstage.example.com', 'put the credentials in BACKSTAGE_TOKEN'],
  ])('refuses %s with a clear message', async (_label, setting, message) => {
    const error: unknown = await createCatalog({ setting }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid-setting', message: expect.stringContaining(message) });
    expect(String(error)).not.toContain('hunter2');
  });
});
