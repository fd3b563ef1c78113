import { z } from 'zod';
import { consumerTiers } from '../../catalog/index.js';
import type { ConsumerTier } from '../../catalog/index.js';
import { rolloutPolicySchema } from '../policy/rollout-policy.js';
import type { RolloutPolicy } from '../policy/rollout-policy.js';

/** A GitHub repository, as the catalog names it. */
export type RolloutRepo = { owner: string; name: string };

/**
 * What planning needs of a consumer. The catalog's `Consumer` fits as is; a workflow that found a
 * topic or config opt-out on the repository sets `optedOut` and `optOutReason` itself.
 */
export type RolloutConsumer = {
  entityRef: string;
  repo: RolloutRepo;
  tier: ConsumerTier;
  optedOut: boolean;
  optOutReason?: string | undefined;
};

/** A consumer in a wave: its tier in the plan, and whether the upstream config forced it to be a canary. */
export type WaveMember = { entityRef: string; repo: RolloutRepo; tier: ConsumerTier; catalogTier: ConsumerTier; namedCanary: boolean };

/** One wave of PRs; waves open in index order, wave 0 first. */
export type RolloutWave = { index: number; tier: ConsumerTier; members: WaveMember[] };

/** An affected consumer that gets no PR because it opted out; the dashboard still lists it. */
export type OptedOutConsumer = { entityRef: string; repo: RolloutRepo; tier: ConsumerTier; reason: string };

/** The waves of one migration, with the policy that gates them (DESIGN §3 `RolloutPlan`). */
export type RolloutPlan = {
  dataset: string;
  waves: RolloutWave[];
  optedOut: OptedOutConsumer[];
  /** Canaries the policy names that match no consumer of this dataset. */
  unmatchedCanaries: string[];
  policy: RolloutPolicy;
  /** Why the plan has no waves; absent when it has some. */
  reason?: string;
};

const repoSchema = z.object({ owner: z.string().min(1), name: z.string().min(1) });
const tierSchema = z.enum(consumerTiers);

/** Validates a stored plan (the store keeps it as JSON) before `decideNextWave` reads it. */
export const rolloutPlanSchema = z.object({
  dataset: z.string(),
  waves: z.array(
    z.object({
      index: z.int().min(0),
      tier: tierSchema,
      members: z.array(z.object({ entityRef: z.string(), repo: repoSchema, tier: tierSchema, catalogTier: tierSchema, namedCanary: z.boolean() })),
    }),
  ),
  optedOut: z.array(z.object({ entityRef: z.string(), repo: repoSchema, tier: tierSchema, reason: z.string() })),
  unmatchedCanaries: z.array(z.string()),
  policy: rolloutPolicySchema,
  reason: z.string().optional(),
}) satisfies z.ZodType<RolloutPlan, unknown>;

/** `acme/signup-dashboard`. */
export function formatRepo(repo: RolloutRepo): string {
  return `${repo.owner}/${repo.name}`;
}
