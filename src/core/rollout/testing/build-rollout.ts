import type { ConsumerTier } from '../../catalog/index.js';
import type { RunState } from '../../runs/index.js';
import type { Change, ChangeSet } from '../../schema/index.js';
import { planRollout } from '../plan/plan-rollout.js';
import type { RolloutConsumer, RolloutPlan } from '../plan/rollout-plan.js';
import { rolloutPolicySchema } from '../policy/rollout-policy.js';
import type { TrackedRun } from '../tracking-issue/tracked-run.js';

/** A breaking rename, the usual reason for a campaign. */
export const renamedEmail: Change = { kind: 'field.renamed', path: ['user_email'], from: 'user_email', to: 'email', severity: 'breaking', evidence: 'declared' };

/** A change set of `user-profile` with the changes given (a breaking rename by default). */
export function buildChangeSet(changes: Change[] = [renamedEmail]): ChangeSet {
  return { dataset: { name: 'user-profile', physicalName: 'analytics.users_v1' }, fromVersion: '1', toVersion: '2', changes };
}

/** A consumer `component:default/<name>` in `acme/<name>`, general tier unless told otherwise. */
export function buildConsumer(name: string, options: { tier?: ConsumerTier; optedOut?: string } = {}): RolloutConsumer {
  const consumer: RolloutConsumer = { entityRef: `component:default/${name}`, repo: { owner: 'acme', name }, tier: options.tier ?? 'general', optedOut: options.optedOut !== undefined };
  if (options.optedOut !== undefined) consumer.optOutReason = options.optedOut;
  return consumer;
}

/** `count` consumers of one tier named `<prefix>-01`, `<prefix>-02`, … */
export function buildConsumers(prefix: string, count: number, tier: ConsumerTier = 'general'): RolloutConsumer[] {
  return Array.from({ length: count }, (_unused, index) => buildConsumer(`${prefix}-${String(index + 1).padStart(2, '0')}`, { tier }));
}

/** A plan over the consumers with the policy section given (parsed, so defaults apply). */
export function buildPlan(consumers: readonly RolloutConsumer[], policy: unknown = {}): RolloutPlan {
  return planRollout(buildChangeSet(), consumers, rolloutPolicySchema.parse(policy));
}

/** A run of `component:default/<name>` in the state given. */
export function buildRun(name: string, state: RunState, extra: Partial<TrackedRun> = {}): TrackedRun {
  return { consumer: `component:default/${name}`, state, ...extra };
}
