import type { ChangeSet } from '../../schema/index.js';
import type { WaveDecision } from '../gate/decide-next-wave.js';
import type { CampaignControl } from '../gate/rollout-run.js';
import type { RolloutPlan } from '../plan/rollout-plan.js';
import type { TrackedRun } from './tracked-run.js';

/** Everything the tracking issue shows; the gate and reconcile jobs gather it from the store. */
export type TrackingIssueInput = {
  migrationId: string;
  /** `https://github.com`, or the GitHub Enterprise / sandbox base URL, for repository links. */
  serverUrl: string;
  upstream: { repo: string; sha: string; commitUrl: string };
  changeSet: ChangeSet;
  plan: RolloutPlan;
  runs: readonly TrackedRun[];
  control: CampaignControl;
  /** The latest gate decision, shown as the campaign's status line. */
  decision?: WaveDecision | undefined;
  /** Components that depend on the dataset but could not be reached (no repository, bad annotation). */
  unresolvable?: readonly { entityRef: string; reason: string }[] | undefined;
  /** Tokens the LLM spent on this migration so far, when an LLM is configured. */
  llmUsage?: { promptTokens: number; completionTokens: number } | undefined;
};
