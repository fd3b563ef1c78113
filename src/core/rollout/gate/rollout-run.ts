import type { RunState } from '../../runs/index.js';

/**
 * One consumer's run as the gate reads it. The store's `Run` fits as is; `greenAt` comes from the
 * events table: when the run last entered `ci-passed` (for a merged run, when its CI passed, or
 * else when it merged). Without `greenAt` a green run counts as soaked.
 */
export type RolloutRun = {
  consumer: string;
  state: RunState;
  heldFrom?: RunState | null | undefined;
  greenAt?: Date | null | undefined;
};

/** Where the campaign stands as a whole; mirrors the store's migration status. */
export type CampaignStatus = 'active' | 'paused' | 'halted' | 'aborted' | 'completed';

/**
 * The campaign's own state and the people's overrides: how many waves have opened so far, and
 * whether someone asked to promote the next wave now (tracking-issue checkbox or `/downstream promote`).
 */
export type CampaignControl = { status: CampaignStatus; startedWaves: number; promoteRequested?: boolean | undefined };
