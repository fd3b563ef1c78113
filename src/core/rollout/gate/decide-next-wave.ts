import { RolloutError } from '../rollout-error.js';
import type { RolloutPlan, RolloutWave } from '../plan/rollout-plan.js';
import { findNextWindowOpening, isInMigrationWindow } from '../window/is-in-migration-window.js';
import { describeWindow } from '../window/describe-window.js';
import { decideGate } from './decide-gate.js';
import { describeTally, formatInstant, nameWave } from './describe-wave.js';
import type { CampaignControl, RolloutRun } from './rollout-run.js';
import { hasOpenPr, indexRuns, tallyWave } from './tally-wave.js';
import type { WaveTally } from './tally-wave.js';

/**
 * What the gate job does next. `wave` is the wave that opens (promote) or would open next (wait,
 * halt); `gatedWave` the wave whose runs were counted; `retryAt`, when present, is the earliest
 * time a new evaluation can change a `wait` (soak end, window opening).
 */
export type WaveDecision = {
  decision: 'promote' | 'wait' | 'halt' | 'done';
  wave?: number;
  gatedWave?: number;
  tally?: WaveTally;
  reason: string;
  retryAt?: Date;
};

function withCount(wave: RolloutWave): string {
  return `${nameWave(wave)} with ${wave.members.length} consumer${wave.members.length === 1 ? '' : 's'}`;
}

function decideOpening(plan: RolloutPlan, next: RolloutWave, runs: readonly RolloutRun[], now: Date, gated: Omit<WaveDecision, 'decision' | 'reason'>, because: string): WaveDecision {
  const { window, maxOpenPrs } = plan.policy;
  const prefix = because === '' ? '' : `${because}; `;
  if (window !== undefined && !isInMigrationWindow(window, now)) {
    const opening = findNextWindowOpening(window, now);
    const when = opening === undefined ? '' : `; it opens at ${formatInstant(opening)}`;
    return { decision: 'wait', ...gated, wave: next.index, reason: `${prefix}outside the migration window (${describeWindow(window)})${when}`, ...(opening === undefined ? {} : { retryAt: opening }) };
  }
  const open = runs.filter(hasOpenPr).length;
  if (open > 0 && open + next.members.length > maxOpenPrs) {
    return { decision: 'wait', ...gated, wave: next.index, reason: `${prefix}${withCount(next)} would bring open PRs from ${open} past maxOpenPrs (${maxOpenPrs}): waiting for PRs to merge or close` };
  }
  return { decision: 'promote', ...gated, wave: next.index, reason: `${prefix}opening ${withCount(next)}` };
}

/**
 * Decides whether the next wave opens (DESIGN §3): `halt` when more than the policy's halt ratio
 * of the current wave failed, `wait` while its CI runs, the gate is unmet, the soak lasts, the
 * migration window is shut or the open-PR cap would be passed, `promote` otherwise; `done` when
 * no wave is left. A person's pause, abort or promote request overrides the gate.
 */
export function decideNextWave(plan: RolloutPlan, runs: readonly RolloutRun[], now: Date, control: CampaignControl): WaveDecision {
  const { startedWaves } = control;
  if (!Number.isInteger(startedWaves) || startedWaves < 0) throw new RolloutError('invalid-plan', `startedWaves must be a whole number of waves, got ${startedWaves}`);
  if (plan.waves.length === 0) return { decision: 'done', reason: plan.reason ?? 'the plan has no waves' };
  if (control.status === 'aborted') return { decision: 'halt', reason: 'the campaign was aborted: no further wave opens' };
  if (control.status === 'completed') return { decision: 'done', reason: 'the campaign is complete' };
  const byConsumer = indexRuns(runs);
  const current = plan.waves[Math.min(startedWaves, plan.waves.length) - 1];
  const tally = current === undefined ? undefined : tallyWave(current, byConsumer);
  const gated = current === undefined || tally === undefined ? {} : { gatedWave: current.index, tally };
  const next = plan.waves[startedWaves];
  if (next === undefined) {
    const last = current === undefined || tally === undefined ? '' : `; the last, ${nameWave(current)}: ${describeTally(tally)}`;
    return { decision: 'done', ...gated, reason: `all ${plan.waves.length} waves have opened${last}` };
  }
  if (control.promoteRequested === true) return { decision: 'promote', ...gated, wave: next.index, reason: `a person promoted ${withCount(next)} ahead of the gate` };
  if (control.status === 'paused') return { decision: 'wait', ...gated, wave: next.index, reason: 'paused by a person: resume the campaign to open more waves' };
  if (current === undefined || tally === undefined) return decideOpening(plan, next, runs, now, gated, '');
  const gate = decideGate(current, tally, plan.policy, now);
  if (control.status === 'halted') return { decision: 'halt', ...gated, wave: next.index, reason: `halted (${gate.reason}): resume the campaign to evaluate the gate again` };
  if (gate.kind === 'halt') return { decision: 'halt', ...gated, wave: next.index, reason: gate.reason };
  if (gate.kind === 'wait') return { decision: 'wait', ...gated, wave: next.index, reason: gate.reason, ...(gate.retryAt === undefined ? {} : { retryAt: gate.retryAt }) };
  return decideOpening(plan, next, runs, now, gated, gate.reason);
}
