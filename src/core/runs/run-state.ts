/**
 * Where one consumer stands in one migration (DESIGN §3). `held` is an overlay: the run remembers
 * the state it was held in and returns to it on unhold.
 */
export type RunState =
  | 'pending'
  | 'patching'
  | 'not-affected'
  | 'pr-open'
  | 'needs-human'
  | 'failed'
  | 'ci-passed'
  | 'ci-failed'
  | 'merged'
  | 'declined'
  | 'skipped'
  | 'held';

/** Every run state, in the order a run usually moves through them. */
export const runStates = [
  'pending',
  'patching',
  'not-affected',
  'pr-open',
  'needs-human',
  'failed',
  'ci-passed',
  'ci-failed',
  'merged',
  'declined',
  'skipped',
  'held',
] as const satisfies readonly RunState[];

/** States a run never leaves for this migration: a merged PR, a person's "no", an opt-out. */
export const finalRunStates = ['merged', 'declined', 'skipped'] as const satisfies readonly RunState[];

/** A run's state, plus the state it was in when a person held it. */
export type RunStatus = { state: RunState; heldFrom?: RunState };

/** True when nothing more will happen to the run in this migration. */
export function isFinalRunState(state: RunState): boolean {
  return (finalRunStates as readonly RunState[]).includes(state);
}
