import { describe, expect, it } from 'vitest';
import type { ChangeSet } from './types.js';
import { invertChangeSet } from './invert-change-set.js';

const dataset = { name: 'user-profile', physicalName: 'analytics.users_v1' };

describe('invertChangeSet', () => {
  it('undoes a rename, a removal, an addition and a retype', () => {
    const changeSet: ChangeSet = {
      dataset,
      fromVersion: '1',
      toVersion: '2',
      changes: [
        { kind: 'field.renamed', path: ['address', 'zip'], from: 'zip', to: 'postal_code', severity: 'breaking', evidence: 'declared' },
        { kind: 'field.removed', path: ['legacy_score'], severity: 'breaking' },
        { kind: 'field.added', path: ['locale'], severity: 'non-breaking' },
        { kind: 'field.type-changed', path: ['age'], from: 'int', to: 'long', severity: 'non-breaking' },
        { kind: 'enum.value-added', path: ['plan'], to: 'TEAM', severity: 'non-breaking' },
      ],
    };
    expect(invertChangeSet(changeSet)).toEqual({
      dataset,
      fromVersion: '2',
      toVersion: '1',
      changes: [
        { kind: 'field.renamed', path: ['address', 'postal_code'], from: 'postal_code', to: 'zip', severity: 'breaking', evidence: 'declared' },
        { kind: 'field.removed', path: ['locale'], severity: 'breaking' },
        { kind: 'field.type-changed', path: ['age'], from: 'long', to: 'int', severity: 'breaking' },
        { kind: 'enum.value-removed', path: ['plan'], from: 'TEAM', severity: 'breaking' },
        { kind: 'field.added', path: ['legacy_score'], severity: 'non-breaking' },
      ],
    });
  });

  it('gives up on a change that cannot be undone by name alone', () => {
    expect(invertChangeSet({ dataset, changes: [{ kind: 'dataset.version-added', path: [], to: '2', severity: 'breaking' }] })).toBeUndefined();
  });

  it('is its own inverse for what it can undo', () => {
    const changeSet: ChangeSet = { dataset, changes: [{ kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email', severity: 'breaking', evidence: 'identity' }] };
    expect(invertChangeSet(invertChangeSet(changeSet) ?? changeSet)).toEqual(changeSet);
  });
});
