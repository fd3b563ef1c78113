import { describe, expect, it } from 'vitest';
import { CatalogError } from './catalog-error.js';
import { parseDatasetEntity } from './dataset-entity.js';
import { findDatasetEntity } from './find-dataset-entity.js';
import { buildApiDataset, buildComponent, buildDataset } from './testing/build-entity.js';

const catalog = [
  buildDataset('user-profile', { title: 'User profile', annotations: { 'downstream/physical-name': 'analytics.users_v1' } }),
  buildDataset('user-profile-v2', { annotations: { 'downstream/physical-name': 'analytics.users_v2', 'downstream/supersedes': 'user-profile' } }),
  buildApiDataset('user-events', { annotations: { 'downstream/physical-name': 'bigquery://acme-prod/events/user_events' } }),
  buildDataset('payments-db', { spec: { type: 'database' } }),
  buildDataset('user-profile', { namespace: 'staging', annotations: { 'downstream/physical-name': 'staging.users_v1' } }),
  buildComponent('orders'),
];

describe('findDatasetEntity', () => {
  it.each([
    ['user-profile', 'resource:default/user-profile'],
    ['User-Profile', 'resource:default/user-profile'],
    ['resource:default/user-profile', 'resource:default/user-profile'],
    ['resource:user-profile', 'resource:default/user-profile'],
    ['Resource:Staging/User-Profile', 'resource:staging/user-profile'],
    ['analytics.users_v1', 'resource:default/user-profile'],
    ['ANALYTICS.USERS_V2', 'resource:default/user-profile-v2'],
    ['staging.users_v1', 'resource:staging/user-profile'],
    ['user-events', 'api:default/user-events'],
    ['api:user-events', 'api:default/user-events'],
    ['bigquery://acme-prod/events/user_events', 'api:default/user-events'],
  ])('finds %j as %s', (query, entityRef) => {
    expect(findDatasetEntity(catalog, query)?.entityRef).toBe(entityRef);
  });

  it.each([['payments-db'], ['orders'], ['resource:orders'], ['analytics.users_v3'], ['component:default/orders']])('finds nothing for %j (not a dataset, or unknown)', (query) => {
    expect(findDatasetEntity(catalog, query)).toBeUndefined();
  });

  it('refuses a name that means two datasets, neither in the default namespace', () => {
    const twins = [buildDataset('orders', { namespace: 'sales' }), buildDataset('orders', { namespace: 'ops' })];
    expect(() => findDatasetEntity(twins, 'orders')).toThrow(expect.objectContaining({ code: 'ambiguous-dataset' }));
    expect(() => findDatasetEntity(twins, 'orders')).toThrow('resource:ops/orders, resource:sales/orders');
    expect(findDatasetEntity(twins, 'resource:sales/orders')?.namespace).toBe('sales');
  });

  it("refuses a name that is one dataset's name and another's physical name", () => {
    const clash = [buildDataset('orders'), buildDataset('orders-v2', { annotations: { 'downstream/physical-name': 'orders' } })];
    expect(() => findDatasetEntity(clash, 'orders')).toThrow(CatalogError);
  });

  it('does not let an unrelated malformed dataset break the lookup', () => {
    const withBroken = [...catalog, buildDataset('broken', { annotations: { 'downstream/supersedes': 'resource:' } })];
    expect(findDatasetEntity(withBroken, 'user-profile')?.name).toBe('user-profile');
    expect(() => findDatasetEntity(withBroken, 'broken')).toThrow(expect.objectContaining({ code: 'invalid-annotation', entityRef: 'resource:default/broken' }));
  });
});

describe('parseDatasetEntity', () => {
  it('reads the dataset and our annotations', () => {
    expect(parseDatasetEntity(catalog[0])).toEqual({
      entityRef: 'resource:default/user-profile',
      kind: 'resource',
      name: 'user-profile',
      namespace: 'default',
      title: 'User profile',
      owner: 'group:default/identity-data',
      physicalName: 'analytics.users_v1',
    });
  });

  it.each([
    ['user-profile', 'resource:default/user-profile'],
    ['resource:analytics/user-profile', 'resource:analytics/user-profile'],
    ['API:User-Events', 'api:default/user-events'],
  ])('reads downstream/supersedes %j as %s (kind and namespace default to its own)', (supersedes, expected) => {
    expect(parseDatasetEntity(buildDataset('v2', { annotations: { 'downstream/supersedes': supersedes } })).supersedes).toBe(expected);
  });

  it.each([
    ['a supersedes ref that does not parse', buildDataset('v2', { annotations: { 'downstream/supersedes': 'resource:' } }), 'invalid-annotation', 'resource:default/v2: annotation downstream/supersedes'],
    ['an empty physical name', buildDataset('v2', { annotations: { 'downstream/physical-name': '  ' } }), 'invalid-annotation', 'annotation downstream/physical-name is empty'],
    ['a Resource of another type', buildDataset('db', { spec: { type: 'database' } }), 'invalid-entity', 'is not a dataset'],
    ['a dataset without an owner', { ...buildDataset('x'), spec: { type: 'dataset' } }, 'invalid-entity', 'spec.owner is required'],
  ])('throws, naming entity and field, for %s', (_label, entity, code, message) => {
    expect(() => parseDatasetEntity(entity)).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});
