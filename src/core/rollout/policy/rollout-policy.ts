import { z } from 'zod';
import { migrationWindowSchema } from './window-schema.js';

const share = z.number().min(0, { error: 'must be a share between 0 and 1 (0.8 means 80%)' }).max(1, { error: 'must be a share between 0 and 1 (0.8 means 80%)' });

// `owner/name` for a repository, `kind:[namespace/]name` for a catalog entity.
const canaryPattern = /^(?:[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+|[^\s:/]+:(?:[^\s:/]+\/)?[^\s:/]+)$/;

const canarySchema = z.string().trim().regex(canaryPattern, {
  error: (issue) => `"${String(issue.input)}" is neither a repository (owner/name) nor a catalog entity ref (component:default/name)`,
});

const gateSchema = z.strictObject({
  /** Share of a wave whose CI must be green before the next wave opens. */
  ciPassed: share.default(1),
  /** Share of a wave that must be merged before the next wave opens. */
  merged: share.default(0),
  /** Minutes to wait after a wave went green before opening the next. */
  soakMinutes: z.int().min(0).max(30 * 24 * 60).default(0),
});

/**
 * The `rollout:` section of the upstream `.github/downstream.yml` (DESIGN §3 "Rollout"), with
 * every default filled in. Parse the section with it; `{}` gives the default policy.
 */
export const rolloutPolicySchema = z
  .strictObject({
    /** Repositories or entity refs forced into the canary tier, whatever the catalog says. */
    canaries: z.array(canarySchema).default([]),
    /** The most consumers in one wave. */
    waveSize: z.int().min(1).max(1000).default(25),
    /** The most consumers in a canary wave, and in the first wave of a plan without canaries. */
    canaryWaveSize: z.int().min(1).max(1000).default(5),
    gate: gateSchema.prefault({}),
    /** Halt when MORE than this share of a wave failed CI or patching. */
    haltRatio: share.default(0.2),
    /** The most bot PRs of this campaign open at once; a wave waits rather than pass it. */
    maxOpenPrs: z.int().min(1).max(10_000).default(50),
    window: migrationWindowSchema.optional(),
    /** Merge green PRs, for consumers that do not say otherwise in their own config. */
    automerge: z.boolean().default(false),
  })
  .superRefine((policy, context) => {
    // A wave larger than the open-PR cap could never open.
    for (const key of ['waveSize', 'canaryWaveSize'] as const) {
      if (policy[key] > policy.maxOpenPrs) {
        context.addIssue({ code: 'custom', path: [key], message: `is ${policy[key]}, more than maxOpenPrs (${policy.maxOpenPrs}); such a wave could never open` });
      }
    }
  });

/** How a campaign rolls out: canaries, wave sizes, the gate, the halt rule, pacing caps and the window. */
export type RolloutPolicy = z.infer<typeof rolloutPolicySchema>;

/** The policy of an upstream repo whose config has no `rollout:` section. */
export const defaultRolloutPolicy: RolloutPolicy = rolloutPolicySchema.parse({});
