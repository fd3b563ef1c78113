import { describe, expect, it } from 'vitest';
import type { ChangeSet } from './types.js';
import { confirmRenames, needsConsumerWork } from './confirm-renames.js';

const suspected: ChangeSet = {
  dataset: { name: 'users' },
  changes: [{ kind: 'field.suspected-rename', path: ['nick'], from: 'nick', to: 'nickname', severity: 'review', evidence: 'heuristic' }],
};

describe('confirmRenames', () => {
  it('turns a confirmed suspicion into a declared rename', () => {
    expect(confirmRenames(suspected, { nick: 'nickname' }).changes).toEqual([
      { kind: 'field.renamed', path: ['nick'], from: 'nick', to: 'nickname', severity: 'breaking', evidence: 'declared', detail: 'confirmed by the producer' },
    ]);
  });

  it('leaves a suspicion confirmed with another target alone', () => {
    expect(confirmRenames(suspected, { nick: 'handle' })).toEqual(suspected);
  });
});

describe('needsConsumerWork', () => {
  it.each([
    [suspected, true],
    [{ dataset: { name: 'users' }, changes: [{ kind: 'field.added', path: ['a'], severity: 'non-breaking' }] } satisfies ChangeSet, false],
  ])('%#', (changeSet, expected) => {
    expect(needsConsumerWork(changeSet)).toBe(expected);
  });
});
