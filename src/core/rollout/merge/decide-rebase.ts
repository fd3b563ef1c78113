/** Whether the bot rebases its branch, and why. */
export type RebaseDecision = { kind: 'rebase' | 'leave' | 'check-later'; reason: string };

/** GitHub's `mergeable` (null while it computes), and what people did to the PR. */
export type RebaseInput = { mergeable: boolean | null; humanEdited: boolean; held: boolean };

/**
 * Rebases only a PR that conflicts with its base: a base branch that merely moved does not
 * trigger one (no rebase storms), and a branch a person pushed to or a held PR is never rewritten.
 */
export function decideRebase(input: RebaseInput): RebaseDecision {
  if (input.held) return { kind: 'leave', reason: 'the PR is held: the bot leaves it alone' };
  if (input.humanEdited) return { kind: 'leave', reason: 'a person pushed to this branch, so the bot no longer rewrites it; `/downstream recreate` starts it afresh' };
  if (input.mergeable === null) return { kind: 'check-later', reason: 'GitHub has not worked out yet whether the PR conflicts' };
  if (input.mergeable) return { kind: 'leave', reason: 'the PR merges cleanly; a base branch that moved is no reason to rebase' };
  return { kind: 'rebase', reason: 'the PR conflicts with its base branch' };
}
