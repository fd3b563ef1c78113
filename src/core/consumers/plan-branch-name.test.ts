import { describe, expect, it } from 'vitest';
import { decideOptOut } from './decide-opt-out.js';
import { planBranchName } from './plan-branch-name.js';

describe('planBranchName', () => {
  it.each([
    [{ dataset: { name: 'user-profile' }, fromVersion: '1', toVersion: '2', changes: [] }, 'downstream/user-profile/v2'],
    [{ dataset: { name: 'user-profile' }, changes: [] }, 'downstream/user-profile/0123abc'],
    [{ dataset: { name: 'Users: EU..Core' }, changes: [] }, 'downstream/users-eu.core/0123abc'],
  ])('%#: %s', (changeSet, branch) => {
    expect(planBranchName(changeSet, '0123abcdef')).toBe(branch);
  });
});

describe('decideOptOut', () => {
  it.each([
    [{ topics: ['downstream-opt-out'], configEnabled: true }, 'topic'],
    [{ topics: [], configEnabled: false }, 'config'],
    [{ topics: [], configEnabled: true, catalogOptOut: 'true' }, 'catalog'],
    [{ topics: [], configEnabled: true, optedOutByCommand: { by: 'alice' } }, 'command'],
    [{ topics: ['data'], configEnabled: true, catalogOptOut: false }, undefined],
  ])('%#: %j → %s', (input, source) => {
    expect(decideOptOut(input)?.source).toBe(source);
  });
});
