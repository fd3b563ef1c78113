import type { RunState } from '../../runs/index.js';
import type { RolloutWave } from '../plan/rollout-plan.js';
import type { RolloutRun } from './rollout-run.js';

/**
 * A wave's runs counted for the gate. `counted` is the denominator: every member except those
 * with nothing to gate on — not affected, skipped, declined (a person's decision, not a failure)
 * and held (a person has it in hand). `needsHuman` counts in it but is neither green nor failed,
 * so it holds a 100% gate until someone answers it.
 */
export type WaveTally = {
  size: number;
  counted: number;
  green: number;
  merged: number;
  failed: number;
  inFlight: number;
  needsHuman: number;
  declined: number;
  held: number;
  notAffected: number;
  skipped: number;
  /** When each green run turned green, earliest first (runs without a time are left out). */
  greenTimes: Date[];
};

type Bucket = 'green' | 'failed' | 'inFlight' | 'needsHuman' | 'declined' | 'held' | 'notAffected' | 'skipped';

const buckets: Record<RunState, Bucket> = {
  pending: 'inFlight',
  patching: 'inFlight',
  'pr-open': 'inFlight',
  'ci-passed': 'green',
  merged: 'green',
  'ci-failed': 'failed',
  failed: 'failed',
  'needs-human': 'needsHuman',
  declined: 'declined',
  held: 'held',
  'not-affected': 'notAffected',
  skipped: 'skipped',
};

/** Runs by consumer entity ref, lower-cased as the catalog compares refs. */
export function indexRuns<T extends RolloutRun>(runs: readonly T[]): Map<string, T> {
  return new Map(runs.map((run) => [run.consumer.toLowerCase(), run]));
}

/** Counts a wave's runs; a member without a run yet is still pending. */
export function tallyWave(wave: RolloutWave, runs: ReadonlyMap<string, RolloutRun>): WaveTally {
  const tally: WaveTally = { size: wave.members.length, counted: 0, green: 0, merged: 0, failed: 0, inFlight: 0, needsHuman: 0, declined: 0, held: 0, notAffected: 0, skipped: 0, greenTimes: [] };
  for (const member of wave.members) {
    const run = runs.get(member.entityRef.toLowerCase());
    const state = run?.state ?? 'pending';
    const bucket = buckets[state];
    tally[bucket] += 1;
    if (state === 'merged') tally.merged += 1;
    if (bucket === 'green' && run?.greenAt != null) tally.greenTimes.push(run.greenAt);
  }
  tally.counted = tally.green + tally.failed + tally.inFlight + tally.needsHuman;
  tally.greenTimes.sort((a, b) => a.getTime() - b.getTime());
  return tally;
}

/** States in which the bot's PR is open on GitHub, looking through a hold to the state beneath it. */
export function hasOpenPr(run: RolloutRun): boolean {
  const state = run.state === 'held' ? run.heldFrom : run.state;
  return state === 'pr-open' || state === 'ci-passed' || state === 'ci-failed';
}
