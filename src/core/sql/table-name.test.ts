import { describe, expect, it } from 'vitest';
import { findDatasetName, planMovedReference, splitTableName } from './table-name.js';

describe('splitTableName', () => {
  it.each([
    ['analytics.users_v1', ['analytics', 'users_v1']],
    ['`acme-prod.crm.users`', ['acme-prod', 'crm', 'users']],
    ['`acme-prod`.crm.users', ['acme-prod', 'crm', 'users']],
    ['"My Schema".users', ['My Schema', 'users']],
  ])('%s', (name, parts) => {
    expect(splitTableName(name)).toEqual(parts);
  });
});

describe('findDatasetName', () => {
  const names = [['analytics', 'users_v1'], ['users_v1']];
  it.each([
    [['users_v1'], ['analytics', 'users_v1']],
    [['ANALYTICS', 'Users_V1'], ['analytics', 'users_v1']],
    [['warehouse', 'analytics', 'users_v1'], ['analytics', 'users_v1']],
    [['staging', 'users_v1'], undefined],
    [['users'], undefined],
  ])('%j', (reference, expected) => {
    expect(findDatasetName(reference, names)).toEqual(expected);
  });
});

describe('planMovedReference', () => {
  it.each([
    [['users_v1'], ['analytics', 'users_v1'], ['analytics', 'users_v2'], ['users_v2']],
    [['analytics', 'users_v1'], ['analytics', 'users_v1'], ['analytics', 'users_v2'], ['analytics', 'users_v2']],
    [['users'], ['analytics', 'users'], ['crm', 'users'], ['crm', 'users']],
    [['crm', 'users'], ['acme-prod', 'crm', 'users'], ['acme-prod', 'crm', 'users_v2'], ['crm', 'users_v2']],
    [['db', 'analytics', 'users_v1'], ['analytics', 'users_v1'], ['analytics', 'users_v2'], ['db', 'analytics', 'users_v2']],
  ])('%j of %j → %j', (reference, from, to, expected) => {
    expect(planMovedReference(reference, from, to)).toEqual(expected);
  });
});
