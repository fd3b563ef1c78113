import type { RolloutPolicy } from '../policy/rollout-policy.js';
import type { RolloutWave } from '../plan/rollout-plan.js';
import { describeTally, formatInstant, formatShare, nameWave } from './describe-wave.js';
import type { WaveTally } from './tally-wave.js';

/** What the counted wave says about opening the next one. */
export type GateResult = { kind: 'pass'; reason: string } | { kind: 'wait'; reason: string; retryAt?: Date } | { kind: 'halt'; reason: string };

// A share times a count is a float; 0.8 × 5 must need 4 runs, not 5.
function required(share: number, of: number): number {
  return Math.ceil(share * of - 1e-9);
}

/** Applies the halt rule, then the gate (CI share, merged share, soak) to the current wave. */
export function decideGate(wave: RolloutWave, tally: WaveTally, policy: RolloutPolicy, now: Date): GateResult {
  const name = nameWave(wave);
  const summary = `${name}: ${describeTally(tally)}`;
  if (tally.counted === 0) return { kind: 'pass', reason: `${name}: nothing to gate on (${describeTally(tally)})` };
  const failedShare = tally.failed / tally.counted;
  if (failedShare > policy.haltRatio) {
    return { kind: 'halt', reason: `${summary}; ${formatShare(failedShare)} failed, more than the ${formatShare(policy.haltRatio)} halt ratio: later waves stay untouched` };
  }
  if (tally.inFlight > 0) return { kind: 'wait', reason: `${summary}, waiting for ${tally.inFlight}` };
  const greenNeeded = required(policy.gate.ciPassed, tally.counted);
  if (tally.green < greenNeeded) {
    return { kind: 'wait', reason: `${summary}; the gate needs ${greenNeeded} green (${formatShare(policy.gate.ciPassed)}): retry, skip or promote by hand` };
  }
  const mergedNeeded = required(policy.gate.merged, tally.counted);
  if (tally.merged < mergedNeeded) {
    return { kind: 'wait', reason: `${summary}; the gate needs ${mergedNeeded} merged (${formatShare(policy.gate.merged)}), waiting for ${mergedNeeded - tally.merged} more` };
  }
  const soakMs = policy.gate.soakMinutes * 60_000;
  // The wave went green when the last run the gate needed turned green (the first green one when
  // the gate needs none); runs without a time count as green since long ago.
  const soakFrom = Math.max(greenNeeded, Math.min(1, tally.green)) - 1 - (tally.green - tally.greenTimes.length);
  const wentGreen = soakFrom < 0 ? undefined : tally.greenTimes[soakFrom];
  if (soakMs > 0 && wentGreen !== undefined && now.getTime() < wentGreen.getTime() + soakMs) {
    const retryAt = new Date(wentGreen.getTime() + soakMs);
    return { kind: 'wait', reason: `${summary}; soaking ${policy.gate.soakMinutes} min since it went green at ${formatInstant(wentGreen)}, until ${formatInstant(retryAt)}`, retryAt };
  }
  return { kind: 'pass', reason: summary };
}
