import { describe, expect, it } from 'vitest';
import { CatalogError } from './catalog-error.js';
import { entityRefOf, isSameEntity, parseEntityRef, stringifyEntityRef, type EntityRefContext } from './entity-ref.js';

describe('parseEntityRef', () => {
  it.each<[string, EntityRefContext, string]>([
    ['resource:default/user-profile', {}, 'resource:default/user-profile'],
    ['resource:user-profile', {}, 'resource:default/user-profile'],
    ['resource:user-profile', { defaultNamespace: 'marketing' }, 'resource:marketing/user-profile'],
    ['resource:analytics/user-profile', { defaultNamespace: 'marketing' }, 'resource:analytics/user-profile'],
    ['user-events', { defaultKind: 'api' }, 'api:default/user-events'],
    ['identity/user-events', { defaultKind: 'API' }, 'api:identity/user-events'],
    ['Resource:Default/User-Profile', {}, 'resource:default/user-profile'],
    ['  resource:user-profile  ', {}, 'resource:default/user-profile'],
    // A colon after the namespace slash belongs to the name, as in Backstage.
    ['ns/odd:name', { defaultKind: 'component' }, 'component:ns/odd:name'],
  ])('reads %j with %j as %s', (text, context, expected) => {
    expect(stringifyEntityRef(parseEntityRef(text, context))).toBe(expected);
  });

  it('keeps the case it was written in until stringified', () => {
    expect(parseEntityRef('Resource:User-Profile')).toEqual({ kind: 'Resource', namespace: 'default', name: 'User-Profile' });
  });

  it.each([
    ['user-profile', 'has no kind'],
    ['resource:', 'not of the form'],
    [':user-profile', 'not of the form'],
    ['resource:/user-profile', 'not of the form'],
    ['', 'has no kind'],
  ])('refuses %j (%s)', (text, message) => {
    expect(() => parseEntityRef(text)).toThrow(CatalogError);
    expect(() => parseEntityRef(text)).toThrow(message);
  });
});

describe('entity identity', () => {
  it('names an entity without a namespace in default', () => {
    expect(entityRefOf({ kind: 'Component', metadata: { name: 'Signup-Dashboard' } })).toBe('component:default/signup-dashboard');
  });

  it.each([
    [{ kind: 'resource', namespace: 'default', name: 'orders' }, { kind: 'Resource', namespace: 'Default', name: 'ORDERS' }, true],
    [{ kind: 'resource', namespace: 'default', name: 'orders' }, { kind: 'api', namespace: 'default', name: 'orders' }, false],
    [{ kind: 'resource', namespace: 'default', name: 'orders' }, { kind: 'resource', namespace: 'sales', name: 'orders' }, false],
  ])('compares %j and %j case-insensitively → %s', (a, b, same) => {
    expect(isSameEntity(a, b)).toBe(same);
  });
});
