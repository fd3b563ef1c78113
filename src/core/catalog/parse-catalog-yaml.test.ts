import { describe, expect, it } from 'vitest';
import { entityRefOf } from './entity-ref.js';
import { parseCatalogYaml } from './parse-catalog-yaml.js';

const component = (name: string, extra = '') => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: group:growth
${extra}`;

describe('parseCatalogYaml', () => {
  it('reads every document of a file, with the line each starts on', () => {
    const text = `# catalog\n${component('a')}---\n${component('b')}---\n`;
    const entities = parseCatalogYaml(text, 'catalog/all.yaml');
    expect(entities.map((item) => [entityRefOf(item.entity), item.file, item.line])).toEqual([
      ['component:default/a', 'catalog/all.yaml', 2],
      ['component:default/b', 'catalog/all.yaml', 11],
    ]);
  });

  it('accepts kinds whose spec we do not read with just the envelope', () => {
    const text = 'apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: root\nspec:\n  targets: [./a.yaml]\n';
    expect(parseCatalogYaml(text, 'l.yaml')).toHaveLength(1);
  });

  it('reads an empty file as no entities', () => {
    expect(parseCatalogYaml('', 'empty.yaml')).toEqual([]);
    expect(parseCatalogYaml('# nothing yet\n', 'empty.yaml')).toEqual([]);
  });

  it.each([
    ['invalid YAML', `${component('a')}  dependsOn: [resource:x\n`, 'invalid-yaml', 10, /^c\.yaml:10: /],
    ['a duplicated key', `${component('a')}metadata:\n  name: b\n`, 'invalid-yaml', 9, /Map keys must be unique/],
    ['a document that is not a mapping', '- just\n- a list\n', 'invalid-entity', 1, /entity: .*expected object/],
    ['a missing spec.owner', component('a').replace('  owner: group:growth\n', ''), 'invalid-entity', 6, /component:default\/a: spec\.owner is required/],
    ['a Component without a spec', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: a\n', 'invalid-entity', 1, /spec is required/],
    ['an unquoted boolean annotation', component('a').replace('metadata:\n', 'metadata:\n  annotations:\n    downstream/opt-out: true\n'), 'invalid-entity', 5, /metadata\.annotations\.downstream\/opt-out must be a string \(quote/],
    ['an invalid entity name', component('not a name'), 'invalid-entity', 4, /metadata\.name must be letters/],
    ['an upper-case namespace', component('a').replace('  name: a\n', '  name: a\n  namespace: Sales\n'), 'invalid-entity', 5, /metadata\.namespace must be lower-case/],
    ['dependsOn given as a string', component('a', '  dependsOn: resource:x\n'), 'invalid-entity', 9, /spec\.dependsOn must be a list of entity refs/],
    ['a dependsOn ref without a kind', component('a', '  dependsOn:\n    - resource:orders\n    - user-profile\n'), 'invalid-entity', 11, /component:default\/a: spec\.dependsOn: entity ref "user-profile" has no kind/],
  ])('names file and line for %s', (_label, text, code, line, message) => {
    expect(() => parseCatalogYaml(text, 'c.yaml')).toThrow(expect.objectContaining({ code, source: 'c.yaml', line, message: expect.stringMatching(message) }));
  });
});
