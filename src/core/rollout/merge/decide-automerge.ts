import type { RunState } from '../../runs/index.js';

/** What to do about merging a bot PR, and why. */
export type AutomergeDecision = { kind: 'enable-native' | 'merge-now' | 'wait' | 'off'; reason: string };

/** Everything the automerge decision reads; the workflow gathers it from config, the run and GitHub. */
export type AutomergeInput = {
  policy: { automerge: boolean };
  /** The consumer's own `automerge`; leave it undefined when its config does not set it, so the policy applies. */
  consumerConfig: { automerge?: boolean | undefined } | undefined;
  /** The run's state: only `ci-passed` is green. */
  ciState: RunState;
  /** Whether the checks the base branch's protection requires have passed on the head commit. */
  requiredChecksPassing: boolean;
  /** Whether the repository allows GitHub's native auto-merge. */
  nativeAutoMergeAllowed: boolean;
  /** `downstream:hold` label or `/downstream hold`: the bot leaves the PR alone. */
  held: boolean;
};

function optIn(input: AutomergeInput): { on: boolean; why: string } {
  const own = input.consumerConfig?.automerge;
  if (own !== undefined) return { on: own, why: `the repository's .github/downstream.yml sets automerge: ${own}` };
  return { on: input.policy.automerge, why: `the producer's rollout policy sets automerge: ${input.policy.automerge}` };
}

/**
 * Decides whether to merge a green PR: a consumer's own setting wins over the producer's policy;
 * nothing merges unless our CI signal is green AND the repository's required checks pass, so a
 * repo without CI is never merged blind. Native auto-merge is preferred: it also waits for
 * required reviews and merge queues; REST merges only when the repository turned it off.
 */
export function decideAutomerge(input: AutomergeInput): AutomergeDecision {
  if (input.held) return { kind: 'off', reason: 'the PR is held: the bot leaves it alone' };
  const { on, why } = optIn(input);
  if (!on) return { kind: 'off', reason: `automerge is off: ${why}` };
  const state = input.ciState;
  if (state === 'merged' || state === 'declined' || state === 'skipped') return { kind: 'off', reason: `nothing to merge: the run is ${state}` };
  if (state !== 'ci-passed') return { kind: 'wait', reason: state === 'ci-failed' ? 'CI failed: automerge waits for a green run' : `CI is not green yet (the run is ${state})` };
  if (!input.requiredChecksPassing) return { kind: 'wait', reason: 'the required checks of the base branch have not all passed' };
  if (input.nativeAutoMergeAllowed) return { kind: 'enable-native', reason: `CI is green and ${why}: GitHub merges once every branch rule is met` };
  return { kind: 'merge-now', reason: `CI is green and ${why}; native auto-merge is off in this repository, so downstream merges through the API` };
}
