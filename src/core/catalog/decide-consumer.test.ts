import { describe, expect, it } from 'vitest';
import { decideConsumer, type ConsumerDecision } from './decide-consumer.js';
import { buildComponent, buildDataset } from './testing/build-entity.js';
import type { Consumer } from './types.js';

function consumerOf(decision: ConsumerDecision): Consumer {
  if (decision.kind !== 'consumer') throw new Error(`expected a consumer, got: ${decision.unresolvable.reason}`);
  return decision.consumer;
}

function reasonOf(decision: ConsumerDecision): string {
  if (decision.kind !== 'unresolvable') throw new Error(`expected unresolvable, got ${decision.consumer.entityRef}`);
  return decision.unresolvable.reason;
}

describe('decideConsumer: a component we can reach', () => {
  it('maps every field of a fully annotated component', () => {
    const component = buildComponent('signup-dashboard', {
      title: 'Signup dashboard',
      annotations: { 'downstream/tier': 'canary', 'downstream/paths': 'src/queries/**, sql/**' },
      spec: { owner: 'group:growth', lifecycle: 'experimental' },
    });
    expect(consumerOf(decideConsumer(component))).toEqual({
      entityRef: 'component:default/signup-dashboard',
      name: 'signup-dashboard',
      namespace: 'default',
      title: 'Signup dashboard',
      repo: { owner: 'acme', name: 'signup-dashboard' },
      owner: 'group:default/growth',
      tier: 'canary',
      paths: ['src/queries/**', 'sql/**'],
      optedOut: false,
      lifecycle: 'experimental',
    });
  });

  it.each([
    [undefined, 'general'],
    ['canary', 'canary'],
    ['early', 'early'],
    ['Critical', 'critical'],
    [' general ', 'general'],
  ])('reads downstream/tier %j as %s', (tier, expected) => {
    const annotations: Record<string, string> = tier === undefined ? {} : { 'downstream/tier': tier };
    expect(consumerOf(decideConsumer(buildComponent('c', { annotations }))).tier).toBe(expected);
  });

  it.each([
    ['src/db/**', ['src/db/**']],
    ['src/db/**, sql/*.sql', ['src/db/**', 'sql/*.sql']],
    ['jobs/**/*.sql\nmodels/**\n', ['jobs/**/*.sql', 'models/**']],
    ['./src/**,\n  lib/**', ['src/**', 'lib/**']],
  ])('splits downstream/paths %j into %j', (paths, expected) => {
    expect(consumerOf(decideConsumer(buildComponent('c', { annotations: { 'downstream/paths': paths } }))).paths).toEqual(expected);
  });

  it.each([
    [undefined, false, undefined],
    ['true', true, undefined],
    ['TRUE', true, undefined],
    ['false', false, undefined],
    ['true: replaced by the new reporting stack in Q3', true, 'replaced by the new reporting stack in Q3'],
    ['true - owned by a vendor', true, 'owned by a vendor'],
  ])('reads downstream/opt-out %j as opted out %s with reason %j', (value, optedOut, reason) => {
    const annotations: Record<string, string> = value === undefined ? {} : { 'downstream/opt-out': value };
    const consumer = consumerOf(decideConsumer(buildComponent('c', { annotations })));
    expect(consumer.optedOut).toBe(optedOut);
    expect(consumer.optOutReason).toBe(reason);
  });

  it.each([
    ['url:https://github.com/acme/crm-sync/tree/main/', { owner: 'acme', name: 'crm-sync' }],
    ['url:https://github.com/acme/crm-sync/blob/main/catalog-info.yaml', { owner: 'acme', name: 'crm-sync' }],
    ['url:https://github.com/acme/crm-sync', { owner: 'acme', name: 'crm-sync' }],
    ['url:https://github.com/acme/crm-sync.git', { owner: 'acme', name: 'crm-sync' }],
    ['github:https://GitHub.com/acme/crm-sync/tree/main/', { owner: 'acme', name: 'crm-sync' }],
  ])('falls back to backstage.io/source-location %s', (location, repo) => {
    const component = buildComponent('c', { annotations: { 'backstage.io/source-location': location } });
    delete component.metadata.annotations?.['github.com/project-slug'];
    expect(consumerOf(decideConsumer(component)).repo).toEqual(repo);
  });

  it('prefers the project slug over the source location', () => {
    const component = buildComponent('c', { annotations: { 'github.com/project-slug': 'acme/one', 'backstage.io/source-location': 'url:https://github.com/acme/two' } });
    expect(consumerOf(decideConsumer(component)).repo).toEqual({ owner: 'acme', name: 'one' });
  });

  it('reads a GitHub Enterprise source location when its host is listed', () => {
    const component = buildComponent('c', { annotations: { 'backstage.io/source-location': 'url:https://github.acme.internal/data/etl/tree/main/' } });
    delete component.metadata.annotations?.['github.com/project-slug'];
    expect(consumerOf(decideConsumer(component, { githubHosts: ['github.acme.internal'] })).repo).toEqual({ owner: 'data', name: 'etl' });
    expect(reasonOf(decideConsumer(component))).toContain('github.acme.internal, not GitHub');
  });

  it.each([
    ['growth', 'default', 'group:default/growth'],
    ['group:growth', 'marketing', 'group:marketing/growth'],
    ['user:default/jane', 'marketing', 'user:default/jane'],
  ])('resolves spec.owner %j in namespace %s to %s', (owner, namespace, expected) => {
    expect(consumerOf(decideConsumer(buildComponent('c', { namespace, spec: { owner } }))).owner).toBe(expected);
  });
});

describe('decideConsumer: a component we cannot reach is reported with the reason', () => {
  const withoutSlug = (annotations: Record<string, string>) => {
    const component = buildComponent('c', { annotations });
    delete component.metadata.annotations?.['github.com/project-slug'];
    return component;
  };

  it.each([
    ['an unknown tier', buildComponent('c', { annotations: { 'downstream/tier': 'beta' } }), ['downstream/tier', '"beta"', 'canary, early, general, critical']],
    ['no repository at all', withoutSlug({}), ['github.com/project-slug is missing', 'backstage.io/source-location']],
    ['a malformed slug (never a fallback)', buildComponent('c', { annotations: { 'github.com/project-slug': 'acme', 'backstage.io/source-location': 'url:https://github.com/acme/c' } }), ['github.com/project-slug', 'expected owner/repo']],
    ['a source location off GitHub', withoutSlug({ 'backstage.io/source-location': 'url:https://gitlab.com/acme/c/-/tree/main' }), ['backstage.io/source-location', 'gitlab.com']],
    ['a source location naming no repository', withoutSlug({ 'backstage.io/source-location': 'url:https://github.com/acme' }), ['backstage.io/source-location', 'names no owner/repo']],
    ['a source location that is not a URL', withoutSlug({ 'backstage.io/source-location': 'file:../catalog-info.yaml' }), ['backstage.io/source-location', 'not url:']],
    ['an opt-out that is neither true nor false', buildComponent('c', { annotations: { 'downstream/opt-out': 'maybe later' } }), ['downstream/opt-out', '"maybe later"']],
    ['paths that leave the repository', buildComponent('c', { annotations: { 'downstream/paths': 'src/**, ../shared/**' } }), ['downstream/paths', '../shared/**']],
    ['absolute paths', buildComponent('c', { annotations: { 'downstream/paths': '/etc/**' } }), ['downstream/paths', '/etc/**']],
    ['empty paths', buildComponent('c', { annotations: { 'downstream/paths': ' , \n' } }), ['downstream/paths', 'is empty']],
    ['an owner ref that does not parse', buildComponent('c', { spec: { owner: 'group:' } }), ['spec.owner', 'not of the form']],
  ])('%s', (_label, component, fragments) => {
    const decision = decideConsumer(component);
    expect(decision.kind).toBe('unresolvable');
    const reason = reasonOf(decision);
    for (const fragment of fragments) expect(reason).toContain(fragment);
  });

  it('names the entity it could not resolve', () => {
    const decision = decideConsumer(buildComponent('LTV-Forecast', { namespace: 'data', annotations: { 'downstream/tier': 'beta' } }));
    expect(decision).toMatchObject({ kind: 'unresolvable', unresolvable: { entityRef: 'component:data/ltv-forecast' } });
  });

  it('lists every problem of one component in one reason', () => {
    const reason = reasonOf(decideConsumer(buildComponent('c', { annotations: { 'downstream/tier': 'beta', 'downstream/opt-out': 'perhaps' } })));
    expect(reason).toMatch(/downstream\/tier.*; annotation downstream\/opt-out/);
  });

  it.each([
    ['a missing owner', { ...buildComponent('c'), spec: { type: 'service', lifecycle: 'production' } }, 'spec.owner is required'],
    ['an annotation that is not a string', { ...buildComponent('c'), metadata: { name: 'c', annotations: { 'downstream/opt-out': true } } }, 'metadata.annotations.downstream/opt-out must be a string'],
    ['an entity that is not a Component', buildDataset('user-profile'), 'is a Resource, not a Component'],
  ])('validates the entity itself: %s', (_label, entity, fragment) => {
    expect(reasonOf(decideConsumer(entity))).toContain(fragment);
  });

  it('still names an entity with no usable metadata', () => {
    expect(decideConsumer({ kind: 'Component' })).toMatchObject({ kind: 'unresolvable', unresolvable: { entityRef: 'component:(unnamed)' } });
  });
});
