import { describe, expect, it } from 'vitest';
import { parseDatasetEntity } from './dataset-entity.js';
import { entityRefOf } from './entity-ref.js';
import { selectConsumerEntities } from './select-consumer-entities.js';
import { buildApiDataset, buildComponent, buildDataset } from './testing/build-entity.js';
import type { CatalogEntity } from './entity-schema.js';

const userProfile = buildDataset('user-profile');
const userEvents = buildApiDataset('user-events');

function selected(entities: CatalogEntity[], dataset: CatalogEntity): string[] {
  return selectConsumerEntities([dataset, ...entities], parseDatasetEntity(dataset)).map(entityRefOf).sort();
}

describe('selectConsumerEntities follows Backstage relations', () => {
  it.each<[string, CatalogEntity, CatalogEntity, boolean]>([
    ['dependsOn with a full ref', buildComponent('a', { spec: { dependsOn: ['resource:default/user-profile'] } }), userProfile, true],
    ['dependsOn with the namespace left out', buildComponent('a', { spec: { dependsOn: ['resource:user-profile'] } }), userProfile, true],
    ['dependsOn in another case', buildComponent('a', { spec: { dependsOn: ['Resource:Default/User-Profile'] } }), userProfile, true],
    ['dependsOn another dataset', buildComponent('a', { spec: { dependsOn: ['resource:orders'] } }), userProfile, false],
    ['dependsOn a same-named entity of another kind', buildComponent('a', { spec: { dependsOn: ['component:user-profile'] } }), userProfile, false],
    ['a partial ref from another namespace (means that namespace)', buildComponent('a', { namespace: 'marketing', spec: { dependsOn: ['resource:user-profile'] } }), userProfile, false],
    ['a full ref from another namespace', buildComponent('a', { namespace: 'marketing', spec: { dependsOn: ['resource:default/user-profile'] } }), userProfile, true],
    ['consumesApis with the kind left out (API)', buildComponent('a', { spec: { consumesApis: ['user-events'] } }), userEvents, true],
    ['consumesApis of a Resource dataset by name only (means an API)', buildComponent('a', { spec: { consumesApis: ['user-profile'] } }), userProfile, false],
    ['dependsOn an API dataset', buildComponent('a', { spec: { dependsOn: ['api:user-events'] } }), userEvents, true],
    ['providesApis is not consuming', buildComponent('a', { spec: { providesApis: ['user-events'] } }), userEvents, false],
    ['no relation at all', buildComponent('a'), userProfile, false],
  ])('%s → consumer: %s', (_label, component, dataset, expected) => {
    expect(selected([component], dataset)).toEqual(expected ? ['component:' + (component.metadata.namespace ?? 'default') + '/a'] : []);
  });

  it("counts components the dataset's own dependencyOf names", () => {
    const dataset = buildDataset('user-profile', { spec: { dependencyOf: ['component:search-indexer', 'component:ops/reporter'] } });
    const entities = [buildComponent('search-indexer'), buildComponent('reporter', { namespace: 'ops' }), buildComponent('reporter')];
    expect(selected(entities, dataset)).toEqual(['component:default/search-indexer', 'component:ops/reporter']);
  });

  it('lists a component once however many ways it depends on the dataset', () => {
    const dataset = buildDataset('user-profile', { spec: { dependencyOf: ['component:a'] } });
    expect(selected([buildComponent('a', { spec: { dependsOn: ['resource:user-profile', 'resource:default/user-profile'] } })], dataset)).toEqual(['component:default/a']);
  });

  it('ignores entities other than Components that depend on the dataset', () => {
    const derived = buildDataset('user-summary', { spec: { dependsOn: ['resource:user-profile'] } });
    expect(selected([derived], userProfile)).toEqual([]);
  });
});
