import type { RolloutRun } from '../gate/rollout-run.js';

/** A run as the tracking issue shows it; the store's `Run` fits as is. */
export type TrackedRun = RolloutRun & {
  prUrl?: string | null | undefined;
  prNumber?: number | null | undefined;
  /** Sites left for a person after the last patch. */
  leftovers?: number | null | undefined;
  stateReason?: string | null | undefined;
};
