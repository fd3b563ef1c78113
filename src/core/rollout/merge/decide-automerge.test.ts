import { describe, expect, it } from 'vitest';
import type { AutomergeInput } from '../index.js';
import { decideAutomerge } from '../index.js';

function input(overrides: Partial<AutomergeInput> = {}): AutomergeInput {
  return { policy: { automerge: true }, consumerConfig: undefined, ciState: 'ci-passed', requiredChecksPassing: true, nativeAutoMergeAllowed: true, held: false, ...overrides };
}

describe('decideAutomerge', () => {
  it.each([
    ['enables native auto-merge on a green PR when the policy opts in', input(), 'enable-native'],
    ['merges through the API when the repository turned native auto-merge off', input({ nativeAutoMergeAllowed: false }), 'merge-now'],
    ['is off when neither side opts in', input({ policy: { automerge: false } }), 'off'],
    ['a consumer can opt in on its own', input({ policy: { automerge: false }, consumerConfig: { automerge: true } }), 'enable-native'],
    ['a consumer’s explicit no wins over the policy', input({ consumerConfig: { automerge: false } }), 'off'],
    ['a consumer config that does not say falls back to the policy', input({ consumerConfig: {} }), 'enable-native'],
    ['waits while CI runs', input({ ciState: 'pr-open' }), 'wait'],
    ['waits on failed CI', input({ ciState: 'ci-failed' }), 'wait'],
    ['waits for the required checks', input({ requiredChecksPassing: false }), 'wait'],
    ['never touches a held PR', input({ held: true }), 'off'],
    ['has nothing to do for a merged run', input({ ciState: 'merged' }), 'off'],
    ['has nothing to do for a declined run', input({ ciState: 'declined' }), 'off'],
  ])('%s', (_label, given, kind) => {
    const decision = decideAutomerge(given);
    expect(decision.kind).toBe(kind);
    expect(decision.reason).toMatch(/\S/);
  });

  it('names where the setting came from', () => {
    expect(decideAutomerge(input({ policy: { automerge: false }, consumerConfig: { automerge: true }, nativeAutoMergeAllowed: false })).reason).toBe(
      "CI is green and the repository's .github/downstream.yml sets automerge: true; native auto-merge is off in this repository, so downstream merges through the API",
    );
    expect(decideAutomerge(input({ policy: { automerge: false } })).reason).toBe("automerge is off: the producer's rollout policy sets automerge: false");
  });
});
