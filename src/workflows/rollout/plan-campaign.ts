import type { Consumer } from '../../core/catalog/index.js';
import { planRollout } from '../../core/rollout/index.js';
import type { RolloutPlan, RolloutPolicy } from '../../core/rollout/index.js';
import { ensureRun, setMigrationPlan, transitionRun } from '../../adapters/store/index.js';
import type { Migration } from '../../adapters/store/index.js';
import type { WorkflowDeps } from '../workflow-deps.js';

const tierOrder = { canary: 0, early: 1, general: 2, critical: 3 } as const;

/**
 * Plans a migration's rollout (waves by tier, DESIGN §3) and creates one run per consumer in its
 * wave. Opted-out consumers get a run too, skipped with the reason, so the dashboard lists them
 * as affected. Idempotent: a redelivered push re-plans only runs still pending.
 */
export async function planCampaign(deps: WorkflowDeps, input: { migration: Migration; consumers: readonly Consumer[]; policy: RolloutPolicy; installationId: number }): Promise<RolloutPlan> {
  const plan = input.migration.plan ?? planRollout(input.migration.changeSet, input.consumers, input.policy);
  const now = deps.now();
  if (input.migration.plan === null) await setMigrationPlan(deps.db, { id: input.migration.id, plan, installationId: input.installationId, now });
  for (const wave of plan.waves) {
    for (const member of wave.members) {
      await ensureRun(deps.db, { migrationId: input.migration.id, consumer: member.entityRef, repo: member.repo, tier: member.tier, wave: wave.index, actor: deps.bot.login, now });
    }
  }
  for (const optedOut of plan.optedOut) {
    const { run } = await ensureRun(deps.db, { migrationId: input.migration.id, consumer: optedOut.entityRef, repo: optedOut.repo, tier: optedOut.tier, wave: tierOrder[optedOut.tier], actor: deps.bot.login, now });
    if (run.state === 'pending') {
      await transitionRun(deps.db, { migrationId: input.migration.id, consumer: optedOut.entityRef, event: 'skipped', actor: deps.bot.login, reason: `opted out: ${optedOut.reason}`, now });
    }
  }
  return plan;
}
